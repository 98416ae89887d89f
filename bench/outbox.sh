#!/usr/bin/env bash
# Outbox benchmark, release build, 3 runs: commit latency (1,000 submissions), the sync thread's
# drain of 10,000 pending submissions to the local stub, and the UI's frame time during the drain
# against idle. usage: bench/outbox.sh [COUNT]
# env: BENCH_BUILD (a release build directory to use as it is; unset: the release preset, built here)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
bin=${BENCH_BUILD:-}
if [ -z "$bin" ]; then
  cmake --preset release >/dev/null
  cmake --build --preset release -j"$(nproc)" >/dev/null
  bin=build/release
fi
bench_name=outbox
# shellcheck source=bench/lib.sh
. bench/lib.sh
tmp=$(mktemp -d "${TMPDIR:-/tmp}/outbox.XXXXXX")
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
stub_start "$bin/backend-stub/backend-stub" --admin-token t
stub_config "$tmp/kiosk.ini"
for run in 1 2 3; do
  curl -sf -X POST -H 'Authorization: Bearer t' "http://127.0.0.1:$stub_port/v1/admin/reset" >/dev/null
  rm -rf "$tmp/data"
  echo "== run $run"
  "$bin/bench/bench_outbox" "$tmp/data" "$tmp/kiosk.ini" "$count"
done
