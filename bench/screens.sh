#!/usr/bin/env bash
# Frame time of every screen: the kiosk (release build, headless, software renderer at 1080x1920) walks
# bench/screens.script against the backend stub with its demo data, and redraws each screen it reaches
# 30 times (the automation driver's `frames`). Prints one line a screen: "SCREEN THEME MEDIAN_MS P99_MS".
# usage: bench/screens.sh     env: BENCH_BUILD (a release build directory, default build/release),
#        FRAMES (redraws a screen, default 30; the test suite walks with 1 so a flow that changed
#        breaks a test, not the next benchmark run)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
bench_name=screens
# shellcheck source=bench/lib.sh
. bench/lib.sh
bin=${BENCH_BUILD:-build/release}
frames=${FRAMES:-30}
if ! [[ $frames =~ ^[0-9]+$ ]] || ((frames < 1 || frames > 10000)); then
	bench_die "FRAMES must be a whole number from 1 to 10000, got \"$frames\""
fi
for f in "$bin/kiosk/kiosk" "$bin/backend-stub/backend-stub"; do
	[ -x "$f" ] || bench_die "$f is missing: build $bin first (bench/run.sh does)"
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/screens.XXXXXX")
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

stub_start "$bin/backend-stub/backend-stub"
stub_config "$tmp/kiosk.ini"
kiosk_sync "$bin/kiosk/kiosk" "$tmp/kiosk.ini" "$tmp/data"
echo 735194 | "$bin/kiosk/kiosk" --data "$tmp/data" --set-staff-pin >"$tmp/pin.log" 2>&1 ||
	{ cat "$tmp/pin.log" >&2; bench_die "setting the staff PIN failed"; }
sed "s/^frames 30\b/frames $frames/" bench/screens.script >"$tmp/screens.script"
if ! "$bin/kiosk/kiosk" --headless --size 1080x1920 --config "$tmp/kiosk.ini" --data "$tmp/data" \
	--script "$tmp/screens.script" --out "$tmp/out" >"$tmp/frames.out" 2>"$tmp/kiosk.log"; then
	cat "$tmp/kiosk.log" >&2
	bench_die "the walk through the screens failed (bench/screens.script)"
fi
awk '$1 == "frames" { print $2, $3, $5, $6 }' "$tmp/frames.out"
