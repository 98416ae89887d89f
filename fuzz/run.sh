#!/usr/bin/env bash
# The long fuzzing pass: every target (or the ones named) for SECONDS each (default 300), from the
# committed seeds plus the corpus earlier long runs grew. Prints per target the executions, the
# corpus it grew (files and bytes), peak memory and findings (crashes, leaks, timeouts, out of memory).
# Everything it writes goes to the work directory, never to the repository: a finding is
# WORK/TARGET/artifacts/crash-… (reproduce: BUILD/fuzz/TARGET that-file); to keep a new input as a
# seed, copy it into fuzz/corpus/TARGET/ by hand after a look.
#
# usage: fuzz/run.sh [SECONDS] [TARGET...]
#   FUZZ_BUILD=DIR  a configured and built fuzz tree (default: build/fuzz, configured and built here
#                   with the "fuzz" preset)
#   FUZZ_WORK=DIR   where corpora, logs and findings go (default: build/fuzz-work)
#   FUZZ_JOBS=N     targets run at once (default 1; each takes one core)
# Exit status: 0 when no target found anything, 1 otherwise.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
seconds=${1:-300}
shift || true
if [ -z "${FUZZ_BUILD:-}" ]; then
  FUZZ_BUILD=$root/build/fuzz
  (cd "$root" && cmake --preset fuzz >/dev/null && cmake --build --preset fuzz -j"$(nproc)") >&2
fi
work=${FUZZ_WORK:-$root/build/fuzz-work}
jobs=${FUZZ_JOBS:-1}
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for t in "$here"/corpus/*/; do targets+=("$(basename "$t")"); done
fi
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/lsan.supp}

dict_of() { # the dictionary a target uses in CTest (fuzz/CMakeLists.txt), if any
  sed -n "s/^kiosk_fuzz_target($1 DICT \(.*\))$/\1/p" "$here/CMakeLists.txt"
}

run_one() {
  local t=$1 bin=$FUZZ_BUILD/fuzz/$1 dir=$work/$1 dict
  [ -x "$bin" ] || { echo "$t: not built in $FUZZ_BUILD" >&2; return 1; }
  # Findings are per run: those of an earlier run move to artifacts-earlier/ (the corpus stays).
  if [ -d "$dir/artifacts" ] && [ -n "$(ls -A "$dir/artifacts")" ]; then
    mkdir -p "$dir/artifacts-earlier"
    mv "$dir/artifacts"/* "$dir/artifacts-earlier/"
  fi
  mkdir -p "$dir/corpus" "$dir/artifacts"
  dict=$(dict_of "$t")
  set +e
  "$bin" ${dict:+-dict="$here/$dict"} -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -malloc_limit_mb=1024 -print_final_stats=1 -artifact_prefix="$dir/artifacts/" "$dir/corpus" "$here/corpus/$t" \
    >"$dir/log" 2>&1
  echo $? >"$dir/status"
  set -e
}

mkdir -p "$work"
running=0
for t in "${targets[@]}"; do
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
done
wait || true

found=0
printf '%-26s %12s %8s %10s %7s  %s\n' target executions corpus bytes rss_mb findings
for t in "${targets[@]}"; do
  dir=$work/$t
  execs=$(sed -n 's/^stat::number_of_executed_units: //p' "$dir/log" | tail -n1)
  rss=$(sed -n 's/^stat::peak_rss_mb: //p' "$dir/log" | tail -n1)
  files=$(find "$dir/corpus" -type f | wc -l)
  bytes=$(du -sb "$dir/corpus" | cut -f1)
  findings=$(find "$dir/artifacts" -type f | wc -l)
  status=$(cat "$dir/status" 2>/dev/null || echo 1)
  [ "$status" -eq 0 ] && [ "$findings" -eq 0 ] || found=1
  printf '%-26s %12s %8s %10s %7s  %s\n' "$t" "${execs:-?}" "$files" "$bytes" "${rss:-?}" \
    "$findings$( [ "$status" -eq 0 ] || echo " (exit $status: $dir/log)")"
done
exit $found
