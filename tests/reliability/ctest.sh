#!/usr/bin/env bash
# The reliability suite's short run for `./dev.sh test` (CTest kiosk_reliability): a 60-session soak
# (40 sessions in the asan build, to stay within the suite's time; LeakSanitizer checks the whole run
# at exit) and a few fault cases: the backend answering 500s and garbage, the kiosk SIGKILLed during
# submissions, a full disk, a damaged database, a missing font. The full suite is
# tests/reliability/run.sh.
# usage: ctest.sh KIOSK STUB SOAK_SCRIPT SOURCE_DIR WORK_DIR dev|asan
set -u
kiosk=$1 stub=$2 gen=$3 src=$4 work=$5 build=$6
rm -rf "$work"; mkdir -p "$work"
export RELIABILITY_RESULTS="$work/results.tsv"
: > "$RELIABILITY_RESULTS"
here=$(dirname "$0")
status=0
if [ "$build" = asan ]; then
  "$here/soak.sh" "$kiosk" "$stub" "$gen" "$work/soak" --sessions 40 --warmup 10 --seed 3 --no-rss --label "asan, short" || status=1
else
  "$here/soak.sh" "$kiosk" "$stub" "$gen" "$work/soak" --sessions 60 --warmup 15 --seed 3 --label "dev, short" || status=1
fi
"$here/faults.sh" "$kiosk" "$stub" "$gen" "$src" "$work/faults" --only errors,garbage,kill,disk,corrupt,font \
  --kills 4 --sessions 3 || status=1
"$here/table.sh" "$RELIABILITY_RESULTS"
[ -s "$RELIABILITY_RESULTS" ] || status=1
exit $status
