#!/usr/bin/env bash
# Latency and idle cost of the real kiosk window under Xvfb at 1080x1920x24, release build:
#  - idle: the full-screen kiosk settles 2 s, then its CPU time (utime+stime, /proc/PID/stat) is taken
#    over SECONDS, as % of one core, with its wakeups (context switches) and Xvfb's CPU over the same
#    span; PSS and RSS (/proc/PID/smaps_rollup) are read 5 s after start;
#  - tap to presented frame: bench_x11_probe taps #lang.en and #lang.zh-Hans on the home screen in turn
#    (centres and rectangles from headless dumps at the same size) and times each until the button's
#    pixels change; when the kiosk starts on the attract screen, the one tap that leaves it (timed to
#    #lang.en's rectangle changing) is reported on its own;
#  - the method's floor: the same probe against its own bare Xlib window that repaints on ButtonPress.
# Idle is measured first, on a kiosk nobody has touched yet (its first screen). Everything started here is killed on exit.
# usage: bench/ui_latency.sh [SECONDS]    (default 60, at least 3; env TAPS=20 PAUSE_MS=150)
# Needs the Debian packages xvfb x11-utils xdotool jq libx11-dev libxtst-dev (and the build's own).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

seconds=${1:-60}
taps=${TAPS:-20}
pause_ms=${PAUSE_MS:-150}
size=1080x1920
width=${size%x*} height=${size#*x}

bench_name=ui_latency
# shellcheck source=bench/lib.sh
. bench/lib.sh
die() { bench_die "$@"; }

at_least() { # name, value, minimum
	if ! [[ $2 =~ ^[0-9]+$ ]] || (($2 < $3)); then die "$1 must be a whole number >= $3, got \"$2\""; fi
}
at_least SECONDS "$seconds" 3
at_least TAPS "$taps" 1
at_least PAUSE_MS "$pause_ms" 1
for tool in Xvfb xdpyinfo xdotool jq cmake; do
	command -v "$tool" >/dev/null 2>&1 ||
		die "$tool not found; install: apt-get install xvfb x11-utils xdotool jq libx11-dev libxtst-dev"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ui_latency.XXXXXX")
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- build (unless BENCH_BUILD names a release build to use as it is)
bin=${BENCH_BUILD:-}
if [ -z "$bin" ]; then
	if ! { cmake --preset release && cmake --build --preset release -j"$(nproc)"; } >"$tmp/build.log" 2>&1; then
		tail -n 30 "$tmp/build.log" >&2
		die "release build failed"
	fi
	bin=build/release
fi
kiosk=$bin/kiosk/kiosk
probe=$bin/bench/bench_x11_probe
[ -x "$probe" ] || die "$probe was not built: install libx11-dev libxtst-dev, then run again"

# --- where the targets are: headless dumps at the same size
headless_dump() { # name, script lines...: runs the lines, then writes $tmp/NAME.json
	local name=$1
	shift
	printf '%s\n' "$@" "dump $name" >"$tmp/$name.script"
	if ! "$kiosk" --headless --size "$size" --script "$tmp/$name.script" --out "$tmp" >"$tmp/$name.log" 2>&1; then
		cat "$tmp/$name.log" >&2
		die "headless dump \"$name\" failed"
	fi
}

# Prints "X,Y,RX,RY,RW,RH" for widget $2 of dump $1: its centre and its rectangle.
target() {
	local found
	found=$(jq -r --arg id "$2" '.widgets[] | select(.id == $id)
		| "\(.x + (.w / 2 | floor)),\(.y + (.h / 2 | floor)),\(.x),\(.y),\(.w),\(.h)"' "$tmp/$1.json")
	if [ -z "$found" ] || [ "$(wc -l <<<"$found")" -ne 1 ]; then
		die "no single widget #$2 in the $1 screen's dump"
	fi
	echo "$found"
}

headless_dump first
first_screen=$(jq -r .screen "$tmp/first.json")
case $first_screen in
home) cp "$tmp/first.json" "$tmp/home.json" ;;
attract) headless_dump home "tap #attract.start" "wait 1000" "expect-screen home" ;;
*) die "the kiosk starts on \"$first_screen\": this bench knows the way to the home screen only from attract" ;;
esac
en=$(target home lang.en)
hans=$(target home lang.zh-Hans)
if [ "$first_screen" = attract ]; then
	# Tap the attract screen where its centre is, watch where #lang.en will appear.
	IFS=, read -r sx sy _ <<<"$(target first attract.start)"
	IFS=, read -r _ _ rx ry rw rh <<<"$en"
	enter="$sx,$sy,$rx,$ry,$rw,$rh"
fi

# --- the X server, on a display number it picks itself
xvfb_start "${size}x24"
xvfb=$xvfb_pid

# Waits for a visible top-level window called $1 (exact name) and checks it covers the screen.
await_window() {
	local id geometry
	id=$(timeout 15 xdotool search --sync --onlyvisible --name "^$1\$" | head -n 1) ||
		die "no window \"$1\" on $DISPLAY within 15 s"
	[ -n "$id" ] || die "no window \"$1\" on $DISPLAY within 15 s"
	sleep 0.5 # the kiosk goes full-screen after its first frame
	geometry=$(xdotool getwindowgeometry --shell "$id" | grep -E '^(WIDTH|HEIGHT)=' | tr '\n' ' ')
	[ "$geometry" = "WIDTH=$width HEIGHT=$height " ] ||
		die "window \"$1\" is not ${size} ($geometry): the dump's positions would not match it"
}

switches() { # context switches of every thread of process $1
	cat /proc/"$1"/task/*/status 2>/dev/null |
		awk '/^(non)?voluntary_ctxt_switches:/ { n += $2 } END { print n + 0 }'
}

# --- idle: a kiosk nobody has touched
"$kiosk" >"$tmp/kiosk.log" 2>&1 &
kiosk_pid=$!
pids+=("$kiosk_pid")
started=$(date +%s.%N)
await_window Kiosk
kill -0 "$kiosk_pid" 2>/dev/null || { cat "$tmp/kiosk.log" >&2; die "the kiosk exited"; }
renderer=$(grep -o 'renderer [A-Za-z0-9_]*' "$tmp/kiosk.log" | head -n 1 | cut -d' ' -f2)
sleep_until() { # sleeps until $1 seconds after the kiosk started
	local left
	left=$(awk -v s="$started" -v t="$1" -v now="$(date +%s.%N)" 'BEGIN { d = s + t - now; print (d > 0 ? d : 0) }')
	nap "$left"
}
hz=$(getconf CLK_TCK)
sleep_until 2
k0=$(cpu_ticks "$kiosk_pid") x0=$(cpu_ticks "$xvfb") w0=$(switches "$kiosk_pid") t0=$(date +%s.%N)
sleep_until 5
pss=$(smaps_kib "$kiosk_pid" Pss) rss=$(smaps_kib "$kiosk_pid" Rss)
sleep_until $((2 + seconds))
k1=$(cpu_ticks "$kiosk_pid") x1=$(cpu_ticks "$xvfb") w1=$(switches "$kiosk_pid") t1=$(date +%s.%N)
idle=$(awk -v k=$((k1 - k0)) -v x=$((x1 - x0)) -v w=$((w1 - w0)) -v t0="$t0" -v t1="$t1" -v hz="$hz" 'BEGIN {
	s = t1 - t0
	printf "%.1f %.3f %.0f %.3f %.0f %.2f", s, 100 * k / hz / s, 1000 * k / hz, 100 * x / hz / s, 1000 * x / hz, w / s }')
read -r idle_s kiosk_pct kiosk_ms xvfb_pct xvfb_ms wakeups <<<"$idle"

# --- taps on the kiosk, then on the floor window
run_probe() { # count, targets...: prints the probe's result line; a probe that cannot measure stops the bench
	local count=$1 out status=0
	shift
	out=$("$probe" tap --taps "$count" --pause "$pause_ms" "$@" 2>"$tmp/probe.err") || status=$?
	if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
		cat "$tmp/probe.err" >&2
		die "bench_x11_probe failed ($status)"
	fi
	[ "$status" -eq 3 ] && cat "$tmp/probe.err" >&2
	echo "$out"
}
enter_taps=
if [ -n "${enter:-}" ]; then
	enter_taps=$(run_probe 1 "$enter")
fi
kiosk_taps=$(run_probe "$taps" "$en" "$hans")
kill -0 "$kiosk_pid" 2>/dev/null || { cat "$tmp/kiosk.log" >&2; die "the kiosk exited during the taps"; }
forget_pid "$kiosk_pid"

"$probe" window "$size" >"$tmp/floor.log" 2>&1 &
pids+=($!)
await_window "x11_probe floor"
floor_taps=$(run_probe "$taps" "$en" "$hans")

# --- the table
field() { tr ' ' '\n' <<<"$2" | awk -F= -v k="$1" '$1 == k { print $2 }'; }
row() { # label, probe line
	printf '%-44s %8s %8s %8s %8s %8s %6s\n' "$1" "$(field median_ms "$2")" "$(field p90_ms "$2")" \
		"$(field min_ms "$2")" "$(field max_ms "$2")" "$(field settled_median_ms "$2")" "$(field missed "$2")"
}
echo "== UI latency and idle cost, Xvfb ${size}x24, release build, renderer ${renderer:-?}, $(nproc) cores"
printf '%-44s %8s %8s %8s %8s %8s %6s\n' "tap to changed frame, ms ($taps taps)" median p90 min max settled missed
[ -z "$enter_taps" ] || row "kiosk: attract -> home (1 tap, first of run)" "$enter_taps"
row "kiosk: #lang.en / #lang.zh-Hans on home" "$kiosk_taps"
row "floor: bare Xlib window, same probe" "$floor_taps"
printf '%-44s %s %% of one core (%s ms CPU), %s wakeups/s\n' "kiosk idle CPU over ${idle_s} s ($first_screen)" \
	"$kiosk_pct" "$kiosk_ms" "$wakeups"
printf '%-44s %s %% of one core (%s ms CPU)\n' "Xvfb CPU over the same span" "$xvfb_pct" "$xvfb_ms"
printf '%-44s PSS %.1f MiB, RSS %.1f MiB\n' "kiosk memory after 5 s idle" \
	"$(awk -v k="$pss" 'BEGIN { print k / 1024 }')" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
