#!/usr/bin/env bash
# The short pass of one fuzz target, as a CTest entry: every committed seed first, then SECONDS of
# fuzzing from them. New inputs and any crash go to WORK_DIR (in the build tree), never to the seeds.
# Fails when the target crashes, leaks, trips a sanitizer, breaks an invariant or times out on an input.
# usage: short_run.sh TARGET SEED_DIR WORK_DIR SECONDS [DICT]
set -u
target=$1 seeds=$2 work=$3 seconds=$4 dict=${5:-}
rm -rf "$work"
mkdir -p "$work/corpus" "$work/artifacts"
[ -d "$seeds" ] && [ -n "$(ls -A "$seeds")" ] || { echo "no seeds in $seeds" >&2; exit 1; }
# -timeout: one input taking longer than this is a finding (a parser stuck in a loop);
# -rss_limit_mb and -malloc_limit_mb: one allocation or the process growing past this is a finding.
"$target" ${dict:+-dict="$dict"} -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" "$work/corpus" "$seeds" 2>"$work/log"
status=$?
grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)' "$work/log"
if [ $status -ne 0 ]; then
  echo "FAIL: $(basename "$target") (exit $status); the input is in $work/artifacts/; the end of its log:" >&2
  tail -n 60 "$work/log" >&2
fi
exit $status
