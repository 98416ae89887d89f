#!/usr/bin/env bash
# Outbox benchmark, release build, 3 runs: commit latency (1,000 submissions), the sync thread's
# drain of 10,000 pending submissions to the local stub, and the UI's frame time during the drain
# against idle. usage: bench/outbox.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" >/dev/null
bin=build/release
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin/backend-stub/backend-stub" --listen 127.0.0.1:0 --db "$work/stub.db" --seed demo --kiosk bench:secret \
  --admin-token t >"$work/stub.log" 2>&1 &
for _ in $(seq 100); do
  port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/stub.log" | head -n1)
  [ -n "$port" ] && break; sleep 0.1
done
printf '[kiosk]\nid = bench\n[backend]\nurl = http://127.0.0.1:%s\nsecret = secret\n[log]\nlevel = warn\n' "$port" > "$work/kiosk.ini"
for run in 1 2 3; do
  curl -sf -X POST -H 'Authorization: Bearer t' "http://127.0.0.1:$port/v1/admin/reset" >/dev/null
  rm -rf "$work/data"
  echo "== run $run"
  "$bin/bench/bench_outbox" "$work/data" "$work/kiosk.ini" "$count"
done
