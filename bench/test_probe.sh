#!/usr/bin/env bash
# The benchmark probe measures what it claims, under a small Xvfb, against its own floor window:
#  - `launch --shot` writes the settled first frame as a PPM of the screen's size, `click-to --shot`
#    the frame after a click, and the two differ (the window drew its rectangle);
#  - `launch --ref` and `click-to --ref` time those frames again (a "ms=" line each);
#  - they fail (status 3, "pixels differ") when the frame never comes: a click elsewhere draws a second
#    rectangle where the first frame had none, and a program whose first frame is not the reference is stopped; a click when the
#    screen already shows the reference is refused (nothing to time), and so is a start;
#  - a file that is not a PPM is refused; SIGTERM ends `launch` and the program it started.
# Skips (77) when Xvfb or xdpyinfo are missing.
# usage: test_probe.sh BENCH_X11_PROBE WORK_DIR
set -u
probe=$1 work=$2
for tool in Xvfb xdpyinfo; do
	command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (./dev.sh deps installs xvfb, x11-utils)"; exit 77; }
done
rm -rf "$work" && mkdir -p "$work"
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
launch_pid='' xvfb_pid=''
# shellcheck disable=SC2317 # called by the trap
cleanup() {
	[ -z "$launch_pid" ] || kill "$launch_pid" 2>/dev/null
	[ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null
	wait 2>/dev/null
}
trap cleanup EXIT

Xvfb -displayfd 5 -screen 0 320x240x24 -nolisten tcp 5>"$work/display" >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.05; done
[ -s "$work/display" ] || { cat "$work/xvfb.log"; echo "FAIL: Xvfb did not start"; exit 1; }
DISPLAY=":$(head -n 1 "$work/display")"
export DISPLAY
for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.05; done

# launch_floor FRAME...: starts the floor window under `launch`, waits for its result line.
launch_floor() {
	"$probe" launch "$@" -- "$probe" window 320x240 >"$work/launch.out" 2>"$work/launch.err" &
	launch_pid=$!
	for _ in $(seq 200); do
		grep -qE '^(ms|first_ms)=' "$work/launch.out" && return 0
		kill -0 "$launch_pid" 2>/dev/null || return 1
		sleep 0.05
	done
	return 1
}
# stop_floor: SIGTERM to `launch`, which must exit 0 and take its window with it.
stop_floor() {
	local child
	child=$(sed -n 's/^pid=//p' "$work/launch.out")
	kill "$launch_pid"
	wait "$launch_pid"
	local st=$?
	launch_pid=
	[ "$st" -eq 0 ] || fail "launch exited $st on SIGTERM, not 0"
	if [ -z "$child" ] || kill -0 "$child" 2>/dev/null; then fail "the window ($child) outlived launch"; fi
}

# References.
launch_floor --shot "$work/first.ppm" --quiet 300 || fail "launch --shot gave no result: $(cat "$work/launch.err")"
grep -qE '^first_ms=[0-9.]+ settled_ms=[0-9.]+$' "$work/launch.out" || fail "launch --shot printed: $(cat "$work/launch.out")"
"$probe" click-to --shot "$work/tap.ppm" --quiet 300 160,120 >"$work/click.out" 2>&1 || fail "click-to --shot: $(cat "$work/click.out")"
stop_floor
[ "$(head -c 15 "$work/first.ppm" | tr '\n' ' ')" = "P6 320 240 255 " ] || fail "first.ppm has the header $(head -c 15 "$work/first.ppm" | od -c | head -n 2)"
[ "$(stat -c %s "$work/first.ppm")" -eq $((15 + 320 * 240 * 3)) ] || fail "first.ppm is $(stat -c %s "$work/first.ppm") bytes"
if cmp -s "$work/first.ppm" "$work/tap.ppm"; then fail "the frame after the click is the first frame: the click drew nothing"; fi

# Timed against them.
launch_floor --ref "$work/first.ppm" --timeout 5000 || fail "launch --ref: $(cat "$work/launch.err")"
grep -qE '^ms=[0-9.]+ first_change_ms=[0-9.]+ confirmed_ms=[0-9.]+ polls=[0-9]+$' "$work/launch.out" || fail "launch --ref printed: $(cat "$work/launch.out")"
# A second start while the first window still shows the frame would time nothing: refused.
"$probe" launch --ref "$work/first.ppm" --timeout 500 -- "$probe" window 320x240 >"$work/second.out" 2>&1
st=$?
[ "$st" -eq 1 ] || fail "launch --ref with the frame already on screen exited $st, not 1"
grep -q "already shows" "$work/second.out" || fail "launch did not say the frame was already shown: $(cat "$work/second.out")"
"$probe" click-to --ref "$work/tap.ppm" --timeout 5000 160,120 >"$work/click.out" 2>&1 || fail "click-to --ref: $(cat "$work/click.out")"
grep -qE '^ms=[0-9.]+ first_change_ms=[0-9.]+ confirmed_ms=[0-9.]+ polls=[0-9]+$' "$work/click.out" || fail "click-to --ref printed: $(cat "$work/click.out")"
# The screen already shows the reference: nothing to time, and it says so.
"$probe" click-to --ref "$work/tap.ppm" --timeout 500 160,120 >"$work/click.out" 2>&1
st=$?
[ "$st" -eq 1 ] || fail "click-to --ref with the reference already shown exited $st, not 1"
grep -q "already shows" "$work/click.out" || fail "click-to did not say the reference was already shown: $(cat "$work/click.out")"
# A click elsewhere draws a second rectangle: the plain first frame never comes back.
"$probe" click-to --ref "$work/first.ppm" --timeout 500 40,40 >"$work/click.out" 2>&1
st=$?
[ "$st" -eq 3 ] || fail "click-to --ref with a frame that never comes exited $st, not 3"
grep -q "pixels differ" "$work/click.out" || fail "click-to --ref did not say how many pixels differ: $(cat "$work/click.out")"
stop_floor

# A first frame that is not the reference: launch fails and stops the window itself.
"$probe" launch --ref "$work/tap.ppm" --timeout 500 -- "$probe" window 320x240 >"$work/launch.out" 2>"$work/launch.err"
st=$?
[ "$st" -eq 3 ] || fail "launch --ref with the wrong frame exited $st, not 3"
child=$(sed -n 's/^pid=//p' "$work/launch.out")
if [ -z "$child" ] || kill -0 "$child" 2>/dev/null; then fail "launch left its window ($child) running after failing"; fi

# Not a PPM.
printf 'P3\n1 1\n255\n0 0 0\n' >"$work/bad.ppm"
"$probe" click-to --ref "$work/bad.ppm" 10,10 >"$work/click.out" 2>&1
st=$?
[ "$st" -eq 1 ] || fail "click-to with a text PPM exited $st, not 1"
grep -q "not a binary PPM" "$work/click.out" || fail "no reason given for the bad PPM: $(cat "$work/click.out")"

[ "$status" -eq 0 ] && echo "probe: shot, timed and refused frames as expected"
exit "$status"
