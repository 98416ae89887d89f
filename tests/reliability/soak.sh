#!/usr/bin/env bash
# The soak: SESSIONS scripted visitor sessions back to back through the driver, in ONE kiosk process
# against the backend stub (tests/tools/soak_script.c writes them: every service, both themes, three
# languages, idle timeouts mid-form, staff PIN entry). Passes when the script runs to its end, the
# kiosk exits cleanly (under the asan build: no leak reported by LeakSanitizer, no error from ASan or
# UBSan), the resident set grew by at most MAX_GROWTH KiB between the warm-up mark and the end, and
# (the private part of it, RssAnon, where a leak shows: the pages of the mapped font files, RssFile,
# grow as glyphs are first drawn, shared, reclaimable and bounded by the files; both are reported),
# every submission the sessions made reached the backend exactly once (the stub holds what the
# generator's summary says, the outbox drains with nothing stopped). After the last session was
# wiped, nothing an abandoned form held (names, ID numbers) and no staff PIN may be left anywhere in
# the kiosk's memory (tests/tools/mem_scan.c, found beside SOAK_SCRIPT; root or ptrace needed).
#
# usage: soak.sh KIOSK STUB SOAK_SCRIPT WORK_DIR [--sessions N] [--warmup W] [--seed S]
#                [--size WxH] [--max-growth KIB] [--no-rss] [--label TEXT]
#   --no-rss   report the resident set without judging it (a sanitizer's allocator keeps freed
#              memory in quarantine, so its growth says nothing about leaks)
# Appends its rows to $RELIABILITY_RESULTS (default WORK_DIR/results.tsv); exits 1 on failure.
set -u
kiosk=$1 stub=$2 gen=$3 work=$4; shift 4
sessions=2000 warmup=200 seed=1 size=1080x1920 max_growth=2048 judge_rss=1 label=""
while [ $# -gt 0 ]; do
  case $1 in
    --sessions) sessions=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --max-growth) max_growth=$2; shift 2 ;;
    --no-rss) judge_rss=0; shift ;;
    --label) label=$2; shift 2 ;;
    *) echo "soak.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ "$warmup" -lt "$sessions" ] || warmup=$((sessions / 5))
rm -rf "$work"; mkdir -p "$work"
. "$(dirname "$0")/lib.sh"
trap stop_stubs EXIT
name="soak${label:+ ($label)}"
status=0
PIN=735194

start_stub "$work" 0 || { row "$name" "start the stub" "the stub did not start" FAIL; exit 1; }
kiosk_ini "$work/kiosk.ini"
"$kiosk" --data "$work/data" --config "$work/kiosk.ini" --sync-now > "$work/first-sync.out" 2> "$work/first-sync.err" \
  || { row "$name" "reference data" "the first sync failed: $(tail -n1 "$work/first-sync.err")" FAIL; exit 1; }
echo "$PIN" | "$kiosk" --data "$work/data" --set-staff-pin > /dev/null 2>&1

"$gen" --sessions "$sessions" --seed "$seed" --warmup "$warmup" --pin "$PIN" --summary "$work/summary" \
  --needles "$work/needles" > "$work/soak.script" || { row "$name" "generate the sessions" "soak_script failed" FAIL; exit 1; }
sort -u -o "$work/needles" "$work/needles"
mix=$(awk '$1 == "session" && $3 > 0 {printf "%s%s %d", sep, $2, $3; sep=", "}' "$work/summary")
started=$(date +%s)
"$kiosk" --headless --size "$size" --data "$work/data" --config "$work/kiosk.ini" --script "$work/soak.script" \
  --out "$work/out" 2> "$work/kiosk.err" &
kiosk_pid=$!
# The script ends with a pause after `memory end`: stop the kiosk there and look through its memory.
while kill -0 "$kiosk_pid" 2>/dev/null && [ ! -f "$work/out/end.json" ]; do sleep 0.1; done
scan_rc=3
if kill -STOP "$kiosk_pid" 2>/dev/null; then
  "$(dirname "$gen")/mem_scan" "$kiosk_pid" "$work/soak.script" "$work/needles" > "$work/mem_scan.out" 2>&1
  scan_rc=$?
  kill -CONT "$kiosk_pid"
fi
wait "$kiosk_pid"
rc=$?
seconds=$(( $(date +%s) - started ))
what="$sessions sessions in one kiosk process at $size, seed $seed ($mix)"
if [ "$rc" -ne 0 ]; then
  why=$(grep -m1 -E '^[^ ]+\.script:[0-9]+: |LeakSanitizer|AddressSanitizer|runtime error' "$work/kiosk.err")
  row "$name" "$what" "the kiosk exited $rc after ${seconds}s: ${why:-see $work/kiosk.err}" FAIL
  exit 1
fi

rss() { jq -r ".$2" "$work/out/$1.json" 2>/dev/null; }
w=$(rss warmup rss_kib) e=$(rss end rss_kib) peak=$(rss end hwm_kib) hw=$(rss warmup heap_kib) he=$(rss end heap_kib)
wa=$(rss warmup rss_anon_kib) ea=$(rss end rss_anon_kib) wf=$(rss warmup rss_file_kib) ef=$(rss end rss_file_kib)
growth=$(( ea - wa ))
for f in "$work"/out/s[0-9]*.json; do
  [ -f "$f" ] && printf '%s rss %s anon %s file %s heap %s\n' "$(basename "$f" .json)" "$(jq .rss_kib "$f")" \
    "$(jq .rss_anon_kib "$f")" "$(jq .rss_file_kib "$f")" "$(jq .heap_kib "$f")"
done > "$work/rss.txt"
memory="private memory (RssAnon) ${wa} KiB after session $warmup, ${ea} KiB at the end: growth ${growth} KiB; RSS ${w}→${e} KiB (font pages mapped ${wf}→${ef} KiB), peak ${peak} KiB"
[ "$judge_rss" = 1 ] && memory="$memory; heap ${hw}→${he} KiB"
verdict=PASS
if [ "$judge_rss" = 1 ] && [ "$growth" -gt "$max_growth" ]; then
  verdict=FAIL; memory="$memory: more than $max_growth KiB"
fi
row "$name" "$what" "${seconds}s ($(( seconds * 1000 / sessions )) ms a session), no crash$( [ "$judge_rss" = 1 ] || echo ', no leak or error under the sanitizers'); $memory" $verdict
[ "$verdict" = PASS ] || status=1

# Nothing of a visitor stays in memory after their session.
typed=$(wc -l < "$work/needles")
case $scan_rc in
  0) row "$name: wiped" "look through the kiosk's memory after the last session for the $typed strings typed into abandoned forms and the staff PIN" \
       "none found outside the driver's script" PASS ;;
  1) row "$name: wiped" "look through the kiosk's memory after the last session for the $typed strings typed into abandoned forms and the staff PIN" \
       "$(tail -n1 "$work/mem_scan.out"): $(head -n3 "$work/mem_scan.out" | tr '\n' ';')" FAIL; status=1 ;;
  *) row "$name: wiped" "look through the kiosk's memory after the last session" \
       "skipped: $(tail -n1 "$work/mem_scan.out" 2>/dev/null || echo 'the kiosk had already exited')" SKIP ;;
esac

# Everything the sessions submitted reached the backend once: drain what is left, then count.
if ! drain "$work/data" "$work/kiosk.ini" "$work/drain.out" || ! outbox_clean "$work/drain.out"; then
  row "$name: outbox" "drain the outbox after the run" "not clean: $(outbox_state "$work/drain.out")" FAIL
  exit 1
fi
outcome="" verdict=PASS
for kind in booking pledge withdrawal help; do
  want=$(awk -v k="$kind" '$1 == k {print $2}' "$work/summary")
  have=$(admin "$kind" | jq .count)
  outcome="$outcome${outcome:+, }$kind $have/$want"
  [ "$have" = "$want" ] || verdict=FAIL
done
dups=$(admin booking | jq -r '.items[].idempotency_key' | sort | uniq -d | wc -l)
[ "$dups" = 0 ] || { verdict=FAIL; outcome="$outcome, $dups keys twice"; }
row "$name: delivered" "count the backend's records against the sessions' submissions" \
  "$outcome at the backend (have/submitted); outbox $(outbox_state "$work/drain.out")" $verdict
[ "$verdict" = PASS ] || status=1
exit $status
