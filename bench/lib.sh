# shellcheck shell=bash
# Shell helpers shared by the benchmark scripts (sourced; bash). Callers set `bench_name` (the prefix of
# messages) and `tmp` (a directory of their own, removed on exit) before using them.
# What they start is recorded in `pids` and stopped, newest first, on exit (bench_cleanup).

pids=()   # started here, stopped in reverse order on exit
nap_pid=

bench_die() { printf '%s: %s\n' "${bench_name:-bench}" "$*" >&2; exit 1; }
bench_note() { printf '%s: %s\n' "${bench_name:-bench}" "$*" >&2; }

# Sleeps $1 seconds in a way a signal's trap interrupts at once (a foreground sleep delays it).
nap() {
	sleep "$1" &
	nap_pid=$!
	wait "$nap_pid"
	nap_pid=
}

# Stops process $1: SIGTERM, then SIGKILL after 5 s; reaps it when it is our child.
stop_pid() {
	local pid=$1
	kill "$pid" 2>/dev/null || return 0
	for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
	kill -KILL "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
}

# Stops process $1 now and drops it from pids, so its number is never signalled again.
forget_pid() {
	local kept=() pid
	stop_pid "$1"
	for pid in "${pids[@]}"; do [ "$pid" = "$1" ] || kept+=("$pid"); done
	pids=("${kept[@]}")
}

bench_cleanup() {
	local i
	[ -z "$nap_pid" ] || stop_pid "$nap_pid"
	for ((i = ${#pids[@]} - 1; i >= 0; i--)); do stop_pid "${pids[i]}"; done
	[ -z "${tmp:-}" ] || rm -rf "$tmp"
}

# Starts Xvfb at $1 (WxHxDEPTH) on a display number it picks itself, exports DISPLAY, records its pid
# in xvfb_pid.
xvfb_start() {
	Xvfb -displayfd 3 -screen 0 "$1" -nolisten tcp 3>"$tmp/display" >"$tmp/xvfb.log" 2>&1 &
	xvfb_pid=$!
	pids+=("$xvfb_pid")
	for _ in $(seq 100); do
		[ -s "$tmp/display" ] && break
		kill -0 "$xvfb_pid" 2>/dev/null || { cat "$tmp/xvfb.log" >&2; bench_die "Xvfb exited"; }
		sleep 0.1
	done
	[ -s "$tmp/display" ] || bench_die "Xvfb did not report its display number within 10 s"
	DISPLAY=:$(tr -d '[:space:]' <"$tmp/display")
	export DISPLAY
	for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
	xdpyinfo >/dev/null 2>&1 || bench_die "Xvfb on $DISPLAY does not answer"
}

# Starts the backend stub $1 with its demo data on a free loopback port for the kiosk "bench" (secret
# "secret"), any further arguments passed on; records stub_pid (also in pids) and stub_port.
stub_start() {
	local stub=$1
	shift
	"$stub" --listen 127.0.0.1:0 --db "$tmp/stub.db" --seed demo --kiosk bench:secret "$@" >"$tmp/stub.log" 2>&1 &
	stub_pid=$!
	pids+=("$stub_pid")
	stub_port=
	for _ in $(seq 100); do
		stub_port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$tmp/stub.log" | head -n 1)
		[ -n "$stub_port" ] && return 0
		kill -0 "$stub_pid" 2>/dev/null || break
		sleep 0.1
	done
	cat "$tmp/stub.log" >&2
	bench_die "the backend stub did not start"
}

# Writes $1, a kiosk configuration for the stub stub_start started (log level warn).
stub_config() {
	printf '[kiosk]\nid = bench\n[backend]\nurl = http://127.0.0.1:%s\nsecret = secret\n[log]\nlevel = warn\n' "$stub_port" >"$1"
}

# Fills data directory $3 with the stub's reference data through kiosk $1 --sync-now with config $2:
# the state of a kiosk after its first sync.
kiosk_sync() {
	"$1" --config "$2" --data "$3" --sync-now >"$tmp/sync.log" 2>&1 ||
		{ cat "$tmp/sync.log" >&2; bench_die "the kiosk could not sync the demo reference data"; }
}

# utime + stime of process $1 in clock ticks (empty when it is gone).
cpu_ticks() {
	local stat fields
	stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
	read -r -a fields <<<"${stat##*) }" # fields[0] is field 3 (state) of proc(5)
	echo $((fields[11] + fields[12]))
}

# Field $2 (Pss, Rss...) of /proc/$1/smaps_rollup in KiB (empty when unreadable).
smaps_kib() { awk -v key="$2:" '$1 == key { print $2 }' "/proc/$1/smaps_rollup" 2>/dev/null; }

# The processes whose environment holds exactly $1 (VAR=VALUE), one pid a line. Reading other users'
# environments needs root.
marked_pids() {
	# grep says 1 for no match and 2 when a process ended while it read: neither is an error here.
	{ grep -l -z -x -F -e "$1" /proc/[0-9]*/environ 2>/dev/null || true; } | cut -d/ -f3
}

# Process $1 and its descendants, one pid a line.
descendants() {
	ps -e -o pid=,ppid= | awk -v root="$1" '{ parent[$1] = $2 }
		END { for (p in parent) { q = p; while (q != root && q in parent && q > 1) q = parent[q]; if (q == root) print p } }'
}

# A program's processes: process $1 (what was started) and its descendants, and whatever carries the
# variable $2 it was started with. Both are needed: Chromium rewrites its children's environment area
# for their titles (so they lose the variable), and its crash handler forks twice and re-parents
# itself to init (so it leaves the tree) but keeps its environment.
tree_pids() {
	{ descendants "$1"; marked_pids "$2"; } | sort -n -u
}

# "PSS_KIB RSS_KIB PROCESSES UNREADABLE" summed over tree_pids $1 $2.
tree_memory() {
	local pid pss rss sum_pss=0 sum_rss=0 n=0 unreadable=0
	for pid in $(tree_pids "$1" "$2"); do
		pss=$(smaps_kib "$pid" Pss)
		rss=$(smaps_kib "$pid" Rss)
		if [ -z "$pss" ] || [ -z "$rss" ]; then
			kill -0 "$pid" 2>/dev/null && unreadable=$((unreadable + 1))
			continue
		fi
		sum_pss=$((sum_pss + pss)) sum_rss=$((sum_rss + rss)) n=$((n + 1))
	done
	echo "$sum_pss $sum_rss $n $unreadable"
}

# "PID TICKS" for each of tree_pids $1 $2.
tree_ticks() {
	local pid t
	for pid in $(tree_pids "$1" "$2"); do
		t=$(cpu_ticks "$pid")
		[ -z "$t" ] || echo "$pid $t"
	done
}

# CPU ticks used between two tree_ticks snapshots (files $1, $2): each process's growth; one that
# started in between counts whole, one that ended in between is lost (at idle, none does).
ticks_between() {
	awk 'NR == FNR { before[$1] = $2; next } { used += $2 - ($1 in before ? before[$1] : 0) } END { print used + 0 }' "$1" "$2"
}

# Stops each process of the list $1 (pids, as tree_pids gave them before the program was stopped) that
# is still there: what a program left behind.
stop_listed() {
	local pid left
	for pid in $1; do kill "$pid" 2>/dev/null || true; done
	for _ in $(seq 50); do
		left=
		for pid in $1; do kill -0 "$pid" 2>/dev/null && left+=" $pid"; done
		[ -z "$left" ] && return 0
		sleep 0.1
	done
	for pid in $left; do kill -KILL "$pid" 2>/dev/null || true; done
}

# The median of the numbers on standard input (the mean of the middle two for an even count);
# "-" when there are none.
median() {
	sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
