#!/usr/bin/env bash
# Security: no personal data in the logs or at rest.
#  1. Needles: every ID number, mobile number, name and address the test suites type or send, taken
#     by pattern (never listed by hand) from the scenario scripts (tests/scenarios/*.script), the
#     integration scripts (tests/integration/*.sh), the test tools (tests/tools/*.c) and the simulated
#     ID cards (assets/demo/cards/*.json): 18-character resident IDs, Hong Kong/Macau permits, mainland
#     mobiles, what is typed into a name field, capitalised multi-word names, and "name", "donor_name",
#     "receipt_name" and "address" values that are not masked (a single ASCII word shorter than 6
#     letters is left out: too likely to occur in a log by chance).
#  2. Logs: every log the suites left in the build's tests directory (the kiosk's stderr as *.err,
#     *.out, stderr; the stub's stub.log; staff audit logs) must hold none of them. CTest runs this
#     after the suites (fixture kiosk_suite_output).
#  3. At rest: every file in every kiosk data directory the suites left (kiosk.db and whatever else:
#     audit.log, settings.ini, staff state), staff exports, and the stub's database. Then, so the WAL is
#     checked while it still holds the writes, an offline booking and an offline pledge (copies of the
#     suites' scenarios) are submitted and the kiosk is killed (SIGKILL) on the done screen: kiosk.db,
#     kiosk.db-wal and kiosk.db-shm of that moment must hold no needle either.
# The scanner is first shown a planted needle, so a scan that cannot find anything fails the test.
# usage: run_privacy.sh KIOSK STUB SOURCE_DIR TESTS_BUILD_DIR WORK_DIR
set -u
kiosk=$1 stub=$2 src=$3 tests=$4 work=$5
rm -rf "$work"; mkdir -p "$work"
status=0
fail() { echo "FAIL: $*" >&2; status=1; }

# ---- 1. needles ----
shopt -s nullglob
cards=("$src"/assets/demo/cards/*.json) # the simulated ID card reader's cards
sources=("$src"/tests/scenarios/*.script "$src"/tests/integration/*.sh "$src"/tests/tools/*.c "${cards[@]}")
{
  grep -ohE '(^|[^0-9A-Za-z])[1-9][0-9]{16}[0-9Xx]([^0-9A-Za-z]|$)' "${sources[@]}" | grep -oE '[1-9][0-9]{16}[0-9Xx]'
  grep -ohE '(^|[^0-9A-Za-z])[HM][0-9]{8}([0-9]{2})?([^0-9A-Za-z]|$)' "${sources[@]}" | grep -oE '[HM][0-9]{8,10}'
  grep -ohE '(^|[^0-9])1[3-9][0-9]{9}([^0-9]|$)' "${sources[@]}" | grep -oE '1[3-9][0-9]{9}'
  # What is typed right after tapping a name field (#p0.name, #charity.donor.name, …; not hall_name).
  awk '/^(large: )?(tap|touch) #[^ ]*(^|[.])(name|receipt_name)$/ && !/hall_name/ { want = 1; next }
       want && /^type / { sub(/^type /, ""); print } { want = 0 }' "$src"/tests/scenarios/*.script
  grep -ohE '^type [A-Z][a-z]+( [A-Z][a-z]+)+$' "$src"/tests/scenarios/*.script | sed 's/^type //'
  grep -ohE '"(name|donor_name|receipt_name|address)\\?"[[:space:]]*:[[:space:]]*\\?"[^"*\\]+' \
    "$src"/tests/integration/*.sh "$src"/tests/tools/*.c "${cards[@]}" | sed -E 's/.*:[[:space:]]*\\?"//'
} | awk '/[^\x01-\x7f]/ || / / || length($0) >= 6' | grep -v '@' | sort -u > "$work/needles"
count=$(wc -l < "$work/needles")
ids=$(grep -cE '^[1-9][0-9]{16}[0-9Xx]$' "$work/needles")
phones=$(grep -cE '^1[3-9][0-9]{9}$' "$work/needles")
names=$((count - ids - phones))
echo "needles: $count ($ids ID numbers, $phones phones, $names names and other documents)"
[ "$ids" -ge 5 ] && [ "$phones" -ge 2 ] && [ "$names" -ge 5 ] || fail "too few needles: the extraction is broken"

# scan FILE...: prints "FILE: NEEDLE" for every needle found in a file (as bytes, UTF-8 for names).
scan() {
  local f
  for f in "$@"; do
    grep -a -o -F -f "$work/needles" -- "$f" 2>/dev/null | sort -u | sed "s|^|$f: |"
  done
}

# The scanner finds a planted needle (and so can fail).
mkdir -p "$work/canary"
printf 'log line with %s inside\n' "$(sed -n 1p "$work/needles")" > "$work/canary/kiosk.err"
[ -n "$(scan "$work/canary/kiosk.err")" ] || fail "the scanner does not find a planted needle"
rm -rf "$work/canary"

# ---- 2. logs of the suites ----
logs=()
while IFS= read -r -d '' f; do logs+=("$f"); done < <(find "$tests" -path "$tests/package" -prune -o \
  -path "$work" -prune -o -type f \( -name '*.err' -o -name '*.out' -o -name '*.log' -o -name 'stderr' \
  -o -name '*.stderr' -o -name 'audit.log*' \) -print0)
[ ${#logs[@]} -ge 20 ] || fail "only ${#logs[@]} logs found under $tests: did the suites run?"
found=$(scan "${logs[@]}")
[ -z "$found" ] || fail "personal data in logs:
$found"
echo "logs: ${#logs[@]} files scanned"

# ---- 3a. at rest, what the suites left ----
rest=()
while IFS= read -r -d '' f; do rest+=("$f"); done < <(find "$tests" -path "$tests/package" -prune -o \
  -path "$work" -prune -o -type f \( -path '*/data/*' -o -path '*/usb/*' -o -name 'stub.db*' \) -print0)
[ ${#rest[@]} -ge 10 ] || fail "only ${#rest[@]} data files found under $tests: did the suites run?"
found=$(scan "${rest[@]}")
[ -z "$found" ] || fail "personal data in plain text at rest:
$found"
echo "at rest: ${#rest[@]} files scanned ($(printf '%s\n' "${rest[@]}" | grep -c '/kiosk.db') of them databases, WAL and index files)"

# ---- 3b. the WAL of a kiosk killed right after a submission ----
secret=privacy-$$ token=admin-$$
. "$src/tests/integration/stub.sh"
start_stub || exit 1
# submit_and_kill NAME SCRIPT: sync the reference data, run SCRIPT offline with a marker dump and a
# long pause appended, kill -9 the kiosk once the marker exists, leave its data directory.
submit_and_kill() {
  local name=$1 script=$2 d="$work/$1"
  mkdir -p "$d"
  kiosk_config "$d/kiosk.ini" standard "$port"
  "$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null || fail "$name: reference sync"
  kiosk_config "$d/away.ini" standard 1
  { cat "$script"; printf '\ndump privacy-submitted\npause 60000\n'; } > "$d/run.script"
  "$kiosk" --headless --data "$d/data" --config "$d/away.ini" --script "$d/run.script" --out "$d/out" \
    2> "$d/run.err" &
  local pid=$!
  for _ in $(seq 600); do
    [ -f "$d/out/privacy-submitted.json" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  [ -f "$d/out/privacy-submitted.json" ] || { cat "$d/run.err" >&2; fail "$name: the scenario did not finish"; }
  sleep 0.3 # the dump is written after the submission committed; let the sync thread's attempt log too
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  [ -f "$d/data/kiosk.db-wal" ] || fail "$name: no WAL left by the killed kiosk (nothing to check)"
  found=$(scan "$d"/data/* "$d/run.err")
  [ -z "$found" ] || fail "$name: personal data in plain text after a crash:
$found"
  echo "$name: killed after submitting; $(ls "$d/data" | tr '\n' ' ')scanned"
}
submit_and_kill booking "$src/tests/scenarios/booking_offline.script"
submit_and_kill pledge "$src/tests/scenarios/charity_offline.script"
exit $status
