#!/usr/bin/env bash
# The performance suite in one command: installs what is missing (./dev.sh deps, and Chromium for the
# comparison, which ./dev.sh test never installs), builds the release, runs every benchmark, prints one
# table, writes it to bench/results/<UTC time>.txt and prints what changed since the previous results
# file of the same mode (full or quick).
#   1. the kiosk against the same screens as a web page in Chromium --kiosk, and the bare-Xlib floor
#      (bench/compare.sh): start to first screen drawn, memory, idle CPU, tap to next screen;
#   2. cold start to the first frame without a display (bench_startup --headless);
#   3. frame time of every screen (bench/screens.sh), text layout throughput and redraw costs
#      (bench_frames);
#   4. the outbox: commit latency and the sync thread's drain rate (bench/outbox.sh);
#   5. input methods: pinyin and handwriting candidate latency (bench_ime, bench_handwriting), when built;
#   6. speech synthesis per voice (bench_voice).
# The machine should be quiet: the load average is printed with the results, and every figure is a
# median of repeated runs.
# usage: bench/run.sh [RUNS]    (rounds of the comparison, default 7; the whole suite takes about 20 min)
# env: QUICK=1 (under 10 min: 3 rounds, 5 s of idle, 300 outbox records: for development),
#      BENCH_BUILD=DIR (a release build directory, configured here when new; default: the release
#      preset's build/release), FRAMES_DIR=DIR (keep the comparison's reference frames there as PNG,
#      to look at the kiosk and its peer side by side)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
bench_name=run.sh
# shellcheck source=bench/lib.sh
. bench/lib.sh
# shellcheck source=tools/packages.sh
. tools/packages.sh

mode=full
[ -z "${QUICK:-}" ] || mode=quick
runs=${1:-}
outbox_count=3000
[ "$mode" = full ] || outbox_count=300

# --- what the suite needs: the project's packages, and the browser the kiosk is compared with
./dev.sh deps
packages_install_missing chromium

# --- the release build
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench.XXXXXX")
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
if [ -n "${BENCH_BUILD:-}" ]; then
	bin=$BENCH_BUILD
	[ -f "$bin/CMakeCache.txt" ] || cmake -S . -B "$bin" -DCMAKE_BUILD_TYPE=Release >"$tmp/build.log" 2>&1 ||
		{ tail -n 30 "$tmp/build.log" >&2; bench_die "configuring $bin failed"; }
	build=(cmake --build "$bin" -j"$(nproc)")
else
	bin=build/release
	cmake --preset release >"$tmp/build.log" 2>&1 || { tail -n 30 "$tmp/build.log" >&2; bench_die "configuring the release preset failed"; }
	build=(cmake --build --preset release -j"$(nproc)")
fi
"${build[@]}" >>"$tmp/build.log" 2>&1 || { tail -n 30 "$tmp/build.log" >&2; bench_die "the release build failed"; }
export BENCH_BUILD=$bin

stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p bench/results
results=bench/results/$stamp.txt
table=$tmp/table.txt
values=$tmp/values.txt
: >"$table"
: >"$values"
out() { tee -a "$table"; } # the table goes to the terminal and to the results file

# Parses "LABEL ... median X ms ... p99 Y ms" lines on stdin into values PREFIX.SLUG.median_ms/.p99_ms.
values_from() {
	awk -v prefix="$1" '
		{ median = ""; p99 = ""; label = $0
		  if (match($0, /median +[0-9.]+ ms/)) { median = substr($0, RSTART, RLENGTH); gsub(/[^0-9.]/, "", median); label = substr($0, 1, RSTART - 1) }
		  if (match($0, /p99 +[0-9.]+ ms/)) { p99 = substr($0, RSTART, RLENGTH); sub(/^p99/, "", p99); gsub(/[^0-9.]/, "", p99) }
		  if (median == "") next
		  label = tolower(label); gsub(/[^a-z0-9]+/, "_", label); gsub(/^_+|_+$/, "", label)
		  print prefix "." label ".median_ms " median " lower"
		  if (p99 != "") print prefix "." label ".p99_ms " p99 " lower" }' >>"$values"
}

{
	echo "# civic kiosk performance suite, $stamp ($mode), $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo '+changes')"
	echo "# mode $mode"
	echo "# $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
} | out
load1=$(cut -d' ' -f1 /proc/loadavg)
if awk -v l="$load1" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }'; then
	bench_note "the machine is busy (load $load1 on $(nproc) cores): the figures will be slower and noisier than on a quiet one"
fi

# --- 1. the comparison
echo | out
VALUES=$values bench/compare.sh ${runs:+"$runs"} | out

# --- 2. cold start without a display
{
	echo
	echo "== cold start without a display (kiosk --headless --first-frame, no data directory)"
	"$bin/bench/bench_startup" 10 "$bin/kiosk/kiosk" --headless 2>/dev/null
} | out
grep -o 'median [0-9.]* ms' "$table" | tail -n 1 | awk '{ print "startup.headless.median_ms " $2 " lower" }' >>"$values"

# --- 3. frames
{
	echo
	echo "== frame time of every screen (headless, software renderer, 1080x1920; 30 redraws each; ms)"
	printf '%-24s %-9s %8s %8s\n' screen theme median p99
	BENCH_BUILD=$bin bench/screens.sh | tee "$tmp/screens.txt" | awk '{ printf "%-24s %-9s %8.2f %8.2f\n", $1, $2, $3, $4 }'
	echo "   not walked: booking.office (one office offers each demo service), booking.lookup_result and"
	echo "   staff.record (need a reference or a stopped record from an earlier run), unavailable (needs a"
	echo "   kiosk without a data directory)"
} | out
awk '{ print "screen." $1 "." $2 ".median_ms " $3 " lower"; print "screen." $1 "." $2 ".p99_ms " $4 " lower" }' \
	"$tmp/screens.txt" >>"$values"
{
	echo
	echo "== text and redraw costs (bench_frames)"
	"$bin/bench/bench_frames" 2>/dev/null | tee "$tmp/frames.txt"
} | out
grep -v '^text layout' "$tmp/frames.txt" | values_from frames
awk '/^text layout/ { label = $3; for (i = 1; i <= NF; i++) { if ($(i + 1) ~ /^glyphs\/s/) g = $i; if ($(i + 1) ~ /^lines\/s/) l = $i }
	sub(/,$/, "", g); sub(/,$/, "", l); lang = tolower($3)
	print "text.layout." lang ".glyphs_per_s " g " higher"; print "text.layout." lang ".lines_per_s " l " higher" }' \
	"$tmp/frames.txt" >>"$values"

# --- 4. the outbox (3 runs; medians)
{
	echo
	echo "== the outbox: $outbox_count help requests stored, then drained to the local stub (3 runs, medians)"
	BENCH_BUILD=$bin bench/outbox.sh "$outbox_count" 2>/dev/null >"$tmp/outbox.txt"
	pick() { grep "$1" "$tmp/outbox.txt" | sed -n "s/.*$2 *\\([0-9.]*\\).*/\\1/p" | median; }
	commit_median=$(pick '^commit' 'median') commit_p99=$(pick '^commit' 'p99') rate=$(pick '^drain' 's:')
	busy=$(pick 'while draining' 'median') idle=$(pick 'frame idle' 'median')
	printf '%-44s median %s ms, p99 %s ms\n' "commit (submit to durable)" "$commit_median" "$commit_p99"
	printf '%-44s %s records/s\n' "drain through the sync thread" "$rate"
	printf '%-44s median %s ms while draining, %s ms idle\n' "home frame during the drain" "$busy" "$idle"
	{
		echo "outbox.commit.median_ms $commit_median lower"
		echo "outbox.commit.p99_ms $commit_p99 lower"
		echo "outbox.drain.records_per_s $rate higher"
		echo "outbox.frame_while_draining.median_ms $busy lower"
	} >>"$values"
} | out

# --- 5. input methods, when their benchmarks are built
{
	echo
	echo "== pinyin: key to candidates (bench_ime)"
	if [ -x "$bin/bench/bench_ime" ]; then
		"$bin/bench/bench_ime" 2>/dev/null | tee "$tmp/ime.txt" || echo "bench_ime failed (status $?)"
	else
		echo "not built"
	fi
	echo
	echo "== handwriting: stroke end to candidates (bench_handwriting)"
	if [ -x "$bin/bench/bench_handwriting" ]; then
		# It exits 1 when over its budget: that is a result to show, not a reason to stop the suite.
		"$bin/bench/bench_handwriting" 2>/dev/null | tee "$tmp/handwriting.txt" || echo "(bench_handwriting exited $?)"
	else
		echo "not built"
	fi
} | out
[ ! -s "$tmp/ime.txt" ] || values_from ime <"$tmp/ime.txt"
[ ! -s "$tmp/handwriting.txt" ] || values_from handwriting <"$tmp/handwriting.txt"

# --- 6. speech
{
	echo
	echo "== speech synthesis of a typical prompt (bench_voice, 10 runs)"
	"$bin/bench/bench_voice" 10 2>/dev/null | tee "$tmp/voice.txt"
} | out
values_from voice <"$tmp/voice.txt"
echo "# load average at the end $(cut -d' ' -f1-3 /proc/loadavg)" | out

# --- the results file: the table, then its values for the next run's comparison
{
	cat "$table"
	echo
	echo "## values (key value better)"
	sort "$values"
} >"$results"

# --- what changed since the previous results file of the same mode
previous=$(grep -l -x -F "# mode $mode" bench/results/*.txt 2>/dev/null | grep -v -F "$results" | sort | tail -n 1 || true)
echo
if [ -z "$previous" ]; then
	echo "== no earlier $mode results in bench/results to compare with; this run: $results"
	exit 0
fi
# Medians only: a p99 over 30 to 200 samples moves by tens of per cent between two runs on a shared
# machine. Worse changes first, the largest first.
echo "== change against $previous: medians that moved by more than 20 %"
load_of() { sed -n 's/.*load average at start \([0-9.]*\).*/\1/p' "$1" | head -n 1; }
echo "   (1-min load at the start: $(load_of "$previous") then, $(load_of "$results") now; a busier machine slows everything)"
awk -v prev_file="$previous" '
	FNR == 1 { in_values = 0 }
	/^## values/ { in_values = 1; next }
	!in_values || NF != 3 || $1 ~ /\.p99_ms$/ { next }
	FILENAME == prev_file { before[$1] = $2; next }
	!($1 in before) { fresh++; next }
	before[$1] + 0 > 0 && $2 != "-" {
		change = ($2 - before[$1]) / before[$1] * 100
		if (change > 20 || change < -20) {
			better = ($3 == "lower") ? change < 0 : change > 0
			printf "%s %07.1f %-58s %12s -> %-12s %+7.1f %%  %s\n", better ? "1" : "0", 10000 - (change < 0 ? -change : change),
				$1, before[$1], $2, change, better ? "better" : "WORSE"
		} else
			same++
	}
	END { printf "2 0 %d medians within 20 %%, %d new\n", same, fresh }' "$previous" "$results" | LC_ALL=C sort | cut -d' ' -f3-
echo "this run: $results"
