#!/usr/bin/env bash
# The kiosk against the peer a kiosk vendor would pick instead: the same screens as plain web pages
# (bench/peer: attract, home, booking service; same words, fonts, layout and colours) in Debian's
# Chromium in --kiosk mode, with a bare Xlib window (bench_x11_probe window) as the method's floor.
# Under one Xvfb at 1080x1920x24, RUNS rounds, each starting the three programs afresh in turn:
#  - start to first screen fully drawn: bench_x11_probe launch spawns the program and polls the screen
#    until it equals, pixel for pixel, that program's own settled first frame, taken once before the
#    rounds in the same way for all three (started, changed, then still for 1.5 s); and to the first
#    change (x11_probe.c says how it polls);
#  - memory 5 s after that frame: PSS and RSS summed over every process the program started (found
#    by a variable put in its environment, so Chromium's crash handler, which re-parents itself to
#    init, counts too), and how many there are;
#  - CPU over IDLE_S seconds of idle on that first screen right after: utime+stime of those processes
#    as % of one core, and the X server's over the same span (the drawing it does for them);
#  - tap to next screen: a click on the attract screen (to home), then one on the booking entry (to the
#    booking service screen), each timed until the screen equals that program's settled frame of the
#    next screen (the floor window answers a click with a rectangle: its tap is timed the same way).
# The kiosk runs the release build with a data directory holding the backend stub's demo reference
# data (as after its first sync) and no backend, so no network thread runs during the measurement:
# the page does no network either. Chromium runs as "nobody" when this runs as root (its sandbox, as a
# kiosk user has it), with a fresh --user-data-dir each time and the flags a vendor sets to stop
# first-run, translation, error dialogs and background network (peer_flags below).
# Prints a table of medians with min-max; with VALUES=FILE also appends "key value better" lines.
# usage: bench/compare.sh [RUNS]      (default 7; QUICK=1: 3 rounds and 5 s of idle)
# env: BENCH_BUILD (a release build directory, default build/release, built by bench/run.sh),
#      IDLE_S (default 30), FRAMES_DIR (keep the reference frames there as PNG), VALUES (above).
# Needs the Debian packages chromium xvfb x11-utils jq imagemagick (bench/run.sh installs them).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
bench_name=compare
# shellcheck source=bench/lib.sh
. bench/lib.sh

if [ -n "${QUICK:-}" ]; then default_runs=3 default_idle=5; else default_runs=7 default_idle=30; fi
runs=${1:-$default_runs}
idle_s=${IDLE_S:-$default_idle}
bin=${BENCH_BUILD:-build/release}
size=1080x1920
values=${VALUES:-}
if ! [[ $runs =~ ^[0-9]+$ ]] || ((runs < 1)); then bench_die "RUNS must be a whole number >= 1, got \"$runs\""; fi
if ! [[ $idle_s =~ ^[0-9]+$ ]] || ((idle_s < 1)); then bench_die "IDLE_S must be a whole number >= 1, got \"$idle_s\""; fi
for tool in Xvfb xdpyinfo jq convert compare chromium; do
	command -v "$tool" >/dev/null 2>&1 || bench_die "$tool not found: run bench/run.sh, which installs what is missing"
done
kiosk=$bin/kiosk/kiosk
probe=$bin/bench/bench_x11_probe
stub=$bin/backend-stub/backend-stub
for f in "$kiosk" "$probe" "$stub"; do [ -x "$f" ] || bench_die "$f is missing: build $bin first (bench/run.sh does)"; done
kiosk=$(readlink -f "$kiosk") probe=$(readlink -f "$probe")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/compare.XXXXXX")
chmod 755 "$tmp" # Chromium may run as another user: it reads the pages and writes its profile here
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- the kiosk's data: the stub's demo reference data, as after the kiosk's first sync
stub_start "$stub"
stub_config "$tmp/sync.ini"
kiosk_sync "$kiosk" "$tmp/sync.ini" "$tmp/data"
forget_pid "$stub_pid"
printf '[log]\nlevel = warn\n' >"$tmp/kiosk.ini"

fresh_data() { rm -rf "$tmp/run-data" && cp -a "$tmp/data" "$tmp/run-data"; }

# --- where to tap, and what the kiosk says on each screen: headless dumps at the same size
fresh_data
printf '%s\n' "dump attract" "tap #attract.start" "wait 1000" "expect-screen home" "dump home" "tap #home.booking" \
	"wait 1000" "expect-screen booking.service" "dump booking" >"$tmp/dumps.script"
"$kiosk" --headless --size "$size" --config "$tmp/kiosk.ini" --data "$tmp/run-data" --script "$tmp/dumps.script" \
	--out "$tmp" >"$tmp/dumps.log" 2>&1 || { cat "$tmp/dumps.log" >&2; bench_die "the headless dumps failed"; }
centre() { # dump, widget id: "X,Y"
	local found
	found=$(jq -r --arg id "$2" '.widgets[] | select(.id == $id) | "\(.x + (.w / 2 | floor)),\(.y + (.h / 2 | floor))"' \
		"$tmp/$1.json")
	if [ -z "$found" ] || [ "$(wc -l <<<"$found")" -ne 1 ]; then bench_die "no single widget #$2 in the $1 screen's dump"; fi
	echo "$found"
}
attract_at=$(centre attract attract.start)
booking_at=$(centre home home.booking)

# The peer must show what the kiosk shows: every text of the three screens is in its page.
for pair in attract:attract home:home booking:booking; do
	page=bench/peer/${pair#*:}.html
	while IFS= read -r text; do
		[ -z "$text" ] || grep -qF -- "$text" "$page" ||
			bench_die "$page lacks \"$text\", which the kiosk's ${pair%%:*} screen shows: update the page"
	done < <(jq -r '.widgets[].text' "$tmp/${pair%%:*}.json")
done
mkdir -p "$tmp/peer"
cp bench/peer/*.html bench/peer/kiosk.css "$tmp/peer/"
chmod -R a+rX "$tmp/peer"

# --- the programs
# Flags a vendor sets on a kiosk: no first-run, translation, error dialogs or session restore; and no
# background network (component updates, safe browsing pings, sync, metrics, domain reliability).
# No window manager runs under Xvfb, so the window is placed and sized to the screen explicitly.
# shellcheck disable=SC2054 # the commas are Chromium's list separators
peer_flags=(--kiosk --no-first-run --disable-translate --noerrdialogs --incognito
	--disable-background-networking --disable-component-update --disable-sync --disable-default-apps
	--disable-domain-reliability --disable-client-side-phishing-detection --disable-breakpad --no-pings
	--metrics-recording-only --password-store=basic
	--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication,CertificateTransparencyComponentUpdater
	--window-position=0,0 --window-size="${size%x*},${size#*x}")
peer_user=()
if [ "$(id -u)" -eq 0 ]; then
	# Chromium refuses root without --no-sandbox; a kiosk runs it as an ordinary user, sandboxed.
	peer_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
fi

program_cmd() { # program, round: sets cmd (and prepares a fresh state for it)
	case $1 in
	kiosk)
		fresh_data
		cmd=("$kiosk" --config "$tmp/kiosk.ini" --data "$tmp/run-data")
		;;
	chromium)
		local profile="$tmp/profile-$2"
		rm -rf "$profile"
		mkdir -p "$profile"
		[ ${#peer_user[@]} -eq 0 ] || chown nobody:nogroup "$profile"
		cmd=("${peer_user[@]}" env HOME="$profile" XDG_CONFIG_HOME="$profile/.config" XDG_CACHE_HOME="$profile/.cache"
			chromium "${peer_flags[@]}" --user-data-dir="$profile" "file://$tmp/peer/attract.html")
		;;
	floor) cmd=("$probe" window "$size") ;;
	esac
}

# Starts program $1 (round $2) under the probe with FRAME options $3...; waits for the probe's verdict
# on its first frame. Leaves launch_line (the probe's result line), launch_pid (the probe, the
# program's parent), program_pid and mark (the variable its processes carry). Not for $(...): it
# keeps state.
launch() {
	local program=$1 round=$2 line
	shift 2
	launch_line=
	program_cmd "$program" "$round"
	mark="BENCH_TREE=$$-$program-$round"
	"$probe" launch "$@" --env "$mark" --log "$tmp/$program-$round.log" -- "${cmd[@]}" \
		>"$tmp/launch.out" 2>"$tmp/launch.err" &
	launch_pid=$!
	pids+=("$launch_pid")
	for _ in $(seq 1200); do
		line=$(grep -E '^(ms|first_ms)=' "$tmp/launch.out" || true)
		if [ -n "$line" ]; then
			launch_line=$line
			program_pid=$(sed -n 's/^pid=//p' "$tmp/launch.out")
			return 0
		fi
		kill -0 "$launch_pid" 2>/dev/null || break
		sleep 0.05
	done
	cat "$tmp/launch.err" "$tmp/$program-$round.log" >&2 2>/dev/null || true
	program_pid=$(sed -n 's/^pid=//p' "$tmp/launch.out")
	[ -n "$program_pid" ] || program_pid=$launch_pid
	finish
	bench_die "$program (round $round) did not show its first frame"
}

finish() { # stops what launch started, and what it left behind
	local tree
	tree=$(tree_pids "$program_pid" "$mark")
	forget_pid "$launch_pid"
	stop_listed "$tree"
}

click() { # FRAME options..., X,Y: prints the probe's result line
	"$probe" click-to "$@" 2>"$tmp/click.err" || { cat "$tmp/click.err" >&2; return 1; }
}

field() { tr ' ' '\n' <<<"$2" | awk -F= -v k="$1" '$1 == k { print $2 }'; }

programs=(kiosk chromium floor)

# --- references: what each program shows once settled, the same way for all
xvfb_start "${size}x24"
frames=$tmp/frames
mkdir -p "$frames"
for program in "${programs[@]}"; do
	launch "$program" ref --shot "$frames/$program.first.ppm" --quiet 1500 --timeout 60000
	if [ "$program" != floor ]; then
		click --shot "$frames/$program.home.ppm" --quiet 1500 "$attract_at" >/dev/null ||
			bench_die "$program: the tap on the attract screen changed nothing"
	fi
	click --shot "$frames/$program.booking.ppm" --quiet 1500 "$booking_at" >/dev/null ||
		bench_die "$program: the tap on the booking entry changed nothing"
	finish
done
if [ -n "${FRAMES_DIR:-}" ]; then
	mkdir -p "$FRAMES_DIR"
	for f in "$frames"/*.ppm; do convert "$f" "$FRAMES_DIR/$(basename "$f" .ppm).png"; done
fi
# How far the page is from the kiosk: the share of pixels differing by more than 10 % (anti-aliasing
# and hinting differ between the two text engines; layout and colours should not).
likeness() {
	local n
	n=$(compare -metric AE -fuzz 10% "$frames/kiosk.$1.ppm" "$frames/chromium.$1.ppm" null: 2>&1 >/dev/null || true)
	awk -v n="${n%% *}" -v all=$((${size%x*} * ${size#*x})) 'BEGIN { printf "%.1f %%", 100 * n / all }'
}

# --- the rounds: each program in turn, the order rotated every round so none always goes first
hz=$(getconf CLK_TCK)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
vals=$tmp/vals
mkdir -p "$vals"
record() { echo "$3" >>"$vals/$1.$2"; } # program, figure, value
now() { date +%s.%N; }
# Seconds from now until the time $1 (seconds since the epoch), 0 when past. printf, not print: awk
# prints big numbers with 6 digits (1.76436e+09), which would be an hour off.
until_s() { awk -v t="$1" -v now="$(now)" 'BEGIN { d = t - now; printf "%.3f", (d > 0 ? d : 0) }'; }
for ((round = 1; round <= runs; round++)); do
	bench_note "round $round of $runs (idle $idle_s s each)"
	for ((i = 0; i < ${#programs[@]}; i++)); do
		program=${programs[(i + round) % ${#programs[@]}]}
		launch "$program" "$round" --ref "$frames/$program.first.ppm" --timeout 60000
		drawn=$(now)
		record "$program" start_ms "$(field ms "$launch_line")"
		record "$program" start_first_ms "$(field first_change_ms "$launch_line")"
		record "$program" read_ms "$(awk -v t="$(field ms "$launch_line")" -v n="$(field polls "$launch_line")" 'BEGIN { printf "%.2f", t / n }')"
		nap "$(until_s "$(awk -v t="$drawn" 'BEGIN { printf "%.3f", t + 5 }')")"
		read -r pss rss procs unreadable <<<"$(tree_memory "$program_pid" "$mark")"
		[ "$unreadable" -eq 0 ] || bench_note "$program: $unreadable processes' memory could not be read (run as root)"
		record "$program" pss_mib "$(awk -v k="$pss" 'BEGIN { print k / 1024 }')"
		record "$program" rss_mib "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
		record "$program" processes "$procs"
		tree_ticks "$program_pid" "$mark" >"$tmp/ticks0"
		x0=$(cpu_ticks "$xvfb_pid") t0=$(now)
		nap "$idle_s"
		tree_ticks "$program_pid" "$mark" >"$tmp/ticks1"
		x1=$(cpu_ticks "$xvfb_pid") t1=$(now)
		used=$(ticks_between "$tmp/ticks0" "$tmp/ticks1")
		record "$program" idle_cpu_pct "$(awk -v u="$used" -v hz="$hz" -v s="$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" 'BEGIN { printf "%.3f", 100 * u / hz / s }')"
		record "$program" xvfb_cpu_pct "$(awk -v u=$((x1 - x0)) -v hz="$hz" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", 100 * u / hz / (b - a) }')"
		if [ "$program" != floor ]; then
			line=$(click --ref "$frames/$program.home.ppm" --timeout 10000 "$attract_at") ||
				bench_die "$program (round $round): the home screen did not come after the tap"
			record "$program" tap_home_ms "$(field ms "$line")"
			record "$program" tap_home_first_ms "$(field first_change_ms "$line")"
		fi
		line=$(click --ref "$frames/$program.booking.ppm" --timeout 10000 "$booking_at") ||
			bench_die "$program (round $round): the booking screen did not come after the tap"
		record "$program" tap_booking_ms "$(field ms "$line")"
		record "$program" tap_booking_first_ms "$(field first_change_ms "$line")"
		record "$program" confirm_ms "$(awk -v a="$(field ms "$line")" -v b="$(field confirmed_ms "$line")" 'BEGIN { printf "%.2f", b - a }')"
		finish
	done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the table
med() { [ -s "$vals/$1.$2" ] && median <"$vals/$1.$2" || echo -; }
spread() { [ -s "$vals/$1.$2" ] && sort -g "$vals/$1.$2" | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%g-%g", lo, hi }' || echo -; }
cell() { printf '%s [%s]' "$(fmt "$(med "$1" "$2")")" "$(spread "$1" "$2")"; }
fmt() { awk -v v="$1" 'BEGIN { if (v == "-") print v; else if (v == int(v)) printf "%d", v; else printf (v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f"), v }'; }
ratio() { # ours, peer: "N×" (peer / ours)
	awk -v o="$1" -v p="$2" 'BEGIN { if (o == "-" || p == "-" || o <= 0) print "-"; else printf "%.1fx", p / o }'
}
verdict() { # condition (awk expression on o and p), ours, peer
	awk -v o="$2" -v p="$3" "BEGIN { if (o == \"-\" || p == \"-\") print \"-\"; else print (($1) ? \"met\" : \"NOT met\") }"
}
row() { # label, figure, ratio text, aim text
	printf '%-38s %-24s %-24s %-10s %-10s %s\n' "$1" "$(cell kiosk "$2")" "$(cell chromium "$2")" "$3" \
		"$(fmt "$(med floor "$2")")" "$4"
}
k() { med kiosk "$1"; }
c() { med chromium "$1"; }
echo "== the kiosk against Chromium $(chromium --version 2>/dev/null | awk '{ print $2 }') --kiosk (bench/peer), Xvfb ${size}x24"
echo "   $runs rounds, medians [min-max]; $(nproc) cores; load average before $load_before, after $load_after"
printf '%-38s %-24s %-24s %-10s %-10s %s\n' "" kiosk chromium ratio floor aim
row "start to first pixels changed, ms" start_first_ms "" ""
row "start to first screen drawn, ms" start_ms "$(ratio "$(k start_ms)" "$(c start_ms)") sooner" \
	"10x sooner: $(verdict 'p >= 10 * o' "$(k start_ms)" "$(c start_ms)")"
row "memory 5 s after, PSS MiB" pss_mib "$(awk -v o="$(k pss_mib)" -v p="$(c pss_mib)" 'BEGIN { if (o > 0 && p > 0) printf "1/%.1f", p / o; else print "-" }')" \
	"1/5: $(verdict 'o * 5 <= p' "$(k pss_mib)" "$(c pss_mib)")"
row "memory 5 s after, RSS MiB" rss_mib "$(awk -v o="$(k rss_mib)" -v p="$(c rss_mib)" 'BEGIN { if (o > 0 && p > 0) printf "1/%.1f", p / o; else print "-" }')" ""
row "processes" processes "" ""
row "CPU over ${idle_s} s idle, % of a core" idle_cpu_pct "" "~0 (< 0.1 %): $(verdict 'o < 0.1' "$(k idle_cpu_pct)" 0)"
row "X server CPU meanwhile, % of a core" xvfb_cpu_pct "" ""
row "tap attract -> first change, ms" tap_home_first_ms "" ""
row "tap attract -> home drawn, ms" tap_home_ms "$(ratio "$(k tap_home_ms)" "$(c tap_home_ms)") sooner" ""
row "tap booking -> first change, ms" tap_booking_first_ms "" ""
row "tap booking -> next screen drawn, ms" tap_booking_ms "$(ratio "$(k tap_booking_ms)" "$(c tap_booking_ms)") sooner" \
	"1/2: $(verdict 'o * 2 <= p' "$(k tap_booking_ms)" "$(c tap_booking_ms)")"
echo "   floor: bench_x11_probe's bare Xlib window through the same probe (what the method itself adds)."
echo "   The probe polls a 16-column strip (one read took $(fmt "$(med kiosk read_ms)") ms while the kiosk started, $(fmt "$(med chromium read_ms)") ms"
echo "   while Chromium did: the resolution), and confirms each frame with a whole-screen read"
echo "   ($(fmt "$(med kiosk confirm_ms)") ms after a kiosk tap, $(fmt "$(med chromium confirm_ms)") ms after a Chromium tap)."
echo "   PSS divides a page among all processes mapping it, also other programs on this machine (other"
echo "   kiosks sharing its fonts and handwriting model); the kiosk is one process, so its RSS bounds what"
echo "   it would use alone: $(fmt "$(k rss_mib)") MiB, $(awk -v o="$(k rss_mib)" -v p="$(c pss_mib)" 'BEGIN { if (o > 0 && p > 0) printf "1/%.1f", p / o; else print "-" }') of Chromium's PSS."
echo "   page vs kiosk, pixels differing by > 10 %: attract $(likeness first), home $(likeness home), booking $(likeness booking)"

if [ -n "$values" ]; then
	for program in "${programs[@]}"; do
		for figure in start_first_ms start_ms pss_mib rss_mib processes idle_cpu_pct xvfb_cpu_pct tap_home_first_ms tap_home_ms \
			tap_booking_first_ms tap_booking_ms; do
			v=$(med "$program" "$figure")
			[ "$v" = - ] || echo "compare.$figure.$program $v lower" >>"$values"
		done
	done
fi
