#!/usr/bin/env bash
# Prints the reliability results (tab-separated rows: case, what was done, outcome, verdict) as a
# Markdown table, the failures first, then a count per verdict.
# usage: table.sh RESULTS.tsv
set -u
results=$1
printf '| case | what was done | outcome | result |\n| --- | --- | --- | --- |\n'
# failures first, then the rest in the order they ran
{ awk -F'\t' '$4 == "FAIL"' "$results"; awk -F'\t' '$4 != "FAIL"' "$results"; } |
  awk -F'\t' '{ for (i = 1; i <= 4; i++) gsub(/\|/, "\\|", $i); printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4 }'
printf '\n%s\n' "$(awk -F'\t' '{n[$4]++} END {for (v in n) printf "%s %d  ", v, n[v]}' "$results")"
