#!/usr/bin/env bash
# The reliability suite in one command (issue #12): builds what it needs, runs the soak (2,000
# visitor sessions in one kiosk process, in the dev build for the memory figures and in the asan
# build for LeakSanitizer) and the fault matrix (the backend failing every way the stub can, the
# kiosk SIGKILLed during submissions, a full disk, a damaged database, a missing font, no audio
# device), then prints a table — case, what was done, outcome, PASS/FAIL/SKIP — and exits 1 when
# anything failed. docs/reliability.md says what each case checks.
#
# usage: tests/reliability/run.sh [--sessions N] [--asan-sessions N] [--kills N] [--fault-sessions N]
#                                 [--seed S] [--only soak|faults] [--faults-asan] [--work DIR]
#                                 [--dev-build DIR] [--asan-build DIR]
#   --sessions N        soak sessions in the dev build (default 2000)
#   --asan-sessions N   soak sessions in the asan build (default 2000; 0 skips the asan soak)
#   --kills N           SIGKILLs of the kiosk during submissions (default 50)
#   --fault-sessions N  sessions per backend fault (default 12)
#   --faults-asan       run the fault matrix in the asan build as well
#   --only soak|faults  one half of the suite
#   --dev-build, --asan-build  build trees to use (default build/dev and build/asan, the presets');
#                       made with the presets' settings when missing
#   --work DIR          where runs write (default build/reliability); kept for inspection
set -u
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
sessions=2000 asan_sessions=2000 kills=50 fault_sessions=12 seed=7 only="" faults_asan=0
work="$ROOT/build/reliability" dev_build="$ROOT/build/dev" asan_build="$ROOT/build/asan"
while [ $# -gt 0 ]; do
  case $1 in
    --sessions) sessions=$2; shift 2 ;;
    --asan-sessions) asan_sessions=$2; shift 2 ;;
    --kills) kills=$2; shift 2 ;;
    --fault-sessions) fault_sessions=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --faults-asan) faults_asan=1; shift ;;
    --work) work=$2; shift 2 ;;
    --dev-build) dev_build=$2; shift 2 ;;
    --asan-build) asan_build=$2; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (--help lists them)" >&2; exit 2 ;;
  esac
done
log() { printf '\033[1mreliability:\033[0m %s\n' "$*" >&2; }
for tool in cmake jq curl sqlite3; do
  command -v "$tool" > /dev/null || { log "$tool is missing: ./dev.sh test installs what the suite needs"; exit 2; }
done
jobs=$(nproc 2>/dev/null || echo 2); [ "$jobs" -gt 2 ] && jobs=2

# build DIR SANITIZE: configures DIR with the presets' settings when it has no cache yet, then
# builds the three programs the suite runs.
build() {
  local dir=$1 sanitize=$2
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    cmake -S "$ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=Debug -DKIOSK_WERROR=ON -DKIOSK_SANITIZE="$sanitize" > /dev/null || return 1
  fi
  cmake --build "$dir" -j"$jobs" --target kiosk backend-stub soak_script mem_scan > "$dir/reliability-build.log" 2>&1 \
    || { tail -n 30 "$dir/reliability-build.log" >&2; return 1; }
}
need_asan=0
{ [ "$only" != faults ] && [ "$asan_sessions" -gt 0 ]; } && need_asan=1
{ [ "$only" != soak ] && [ "$faults_asan" = 1 ]; } && need_asan=1
log "building $dev_build"
build "$dev_build" OFF || { log "the dev build failed"; exit 1; }
if [ "$need_asan" = 1 ]; then
  log "building $asan_build (ASan + UBSan + LeakSanitizer)"
  build "$asan_build" ON || { log "the asan build failed"; exit 1; }
fi

mkdir -p "$work"
export RELIABILITY_RESULTS="$work/results.tsv"
: > "$RELIABILITY_RESULTS"
bins() { echo "$1/kiosk/kiosk" "$1/backend-stub/backend-stub" "$1/tests/soak_script"; }
asan_env=(ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
          LSAN_OPTIONS=suppressions=$ROOT/tests/lsan.supp)
started=$SECONDS

if [ "$only" != faults ]; then
  log "soak: $sessions sessions, dev build"
  # shellcheck disable=SC2046
  tests/reliability/soak.sh $(bins "$dev_build") "$work/soak-dev" --sessions "$sessions" --seed "$seed" --label dev
  if [ "$asan_sessions" -gt 0 ]; then
    log "soak: $asan_sessions sessions, asan build (LeakSanitizer at exit)"
    # shellcheck disable=SC2046
    env "${asan_env[@]}" tests/reliability/soak.sh $(bins "$asan_build") "$work/soak-asan" --sessions "$asan_sessions" \
      --seed "$seed" --no-rss --label asan
  fi
fi
if [ "$only" != soak ]; then
  log "fault matrix, dev build ($kills kills)"
  # shellcheck disable=SC2046
  tests/reliability/faults.sh $(bins "$dev_build") "$ROOT" "$work/faults-dev" --kills "$kills" --sessions "$fault_sessions"
  if [ "$faults_asan" = 1 ]; then
    log "fault matrix, asan build"
    # shellcheck disable=SC2046
    env "${asan_env[@]}" tests/reliability/faults.sh $(bins "$asan_build") "$ROOT" "$work/faults-asan" --kills "$kills" \
      --sessions "$fault_sessions"
  fi
fi

tests/reliability/table.sh "$RELIABILITY_RESULTS" | tee "$work/results.md"
failed=$(awk -F'\t' '$4 == "FAIL"' "$RELIABILITY_RESULTS" | wc -l)
log "$(wc -l < "$RELIABILITY_RESULTS") rows, $failed failed, in $(( (SECONDS - started) / 60 )) min; details under $work"
[ "$failed" -eq 0 ] && [ -s "$RELIABILITY_RESULTS" ]
