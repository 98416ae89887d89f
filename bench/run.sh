#!/usr/bin/env bash
# Foundation benchmarks on the release build: cold start to first frame (headless and under Xvfb,
# median of 10), peak RSS after the first frame, text layout + draw and home-screen redraw times.
# usage: bench/run.sh [RUNS]   (run ./dev.sh test or ./dev.sh run once first so packages are installed)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" >/dev/null
bin=build/release
echo "== cold start, headless (1080x1920, software renderer)"
"$bin/bench/bench_startup" "$runs" "$bin/kiosk/kiosk" --headless
echo "== cold start, full-screen window under Xvfb (1080x1920x24)"
display=:$(( 90 + RANDOM % 9 ))
Xvfb "$display" -screen 0 1080x1920x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
for _ in $(seq 50); do DISPLAY=$display xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
DISPLAY=$display "$bin/bench/bench_startup" "$runs" "$bin/kiosk/kiosk"
echo "== frames"
"$bin/bench/bench_frames"
echo "== UI latency (tap to frame) and idle cost, full-screen under Xvfb"
bench/ui_latency.sh
