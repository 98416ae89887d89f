#!/usr/bin/env bash
# The identity card reader end to end, against the stub, with the simulated readers: cards are
# "swiped" with tests/tools/idcard_swipe each time a scenario writes a dump called sync-N.
#  1. A marriage booking filled from two cards (tests/scenarios/idcard_booking.script), after a card
#     with a wrong check digit and an expired one filled nothing; confirmed; the backend holds the
#     cards' names and numbers (masked there) as resident IDs; after the session ends the next
#     visitor's form is empty, and a card put on the reader where no form asks was not kept.
#  2. The booking lookup filled from the first card finds that booking (the backend keeps a keyed
#     hash of the whole number: found means the number sent was the card's), the assistance status
#     and the donor's name, over the socket reader (tests/scenarios/idcard_forms.script).
#  3. The assisted mode: the invitation on the first question, the fill said aloud.
#  4. No name, number, birth date or address of any card in the kiosk's log (which says "card read");
#     every dump passes the accessibility sweep; --check-config refuses a bad reader with a reason.
# usage: run_idcard.sh KIOSK STUB SWIPE DUMP_CHECK SOURCE_DIR WORK_DIR
set -u
kiosk=$1 stub=$2 swipe=$3 check=$4 src=$5 work=$6
rm -rf "$work"; mkdir -p "$work"
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
secret=idcard-$$ token=admin-$$
cards="$src/assets/demo/cards"
. "$(dirname "$0")/stub.sh"
start_stub || exit 1

# config FILE THEME READER: a kiosk for the stub with the reader, logging at info (so "card read" shows).
config() {
  kiosk_config "$1" "$2" "$port"
  sed -i 's/^level = warn$/level = info/' "$1"
  printf '[idcard]\nreader = %s\n' "$3" >> "$1"
}

# swiper OUT SPEC CARD...: swipes the Nth card once OUT/sync-N.json appears (the scenario is there).
swiper() {
  local out=$1 spec=$2 n=1
  shift 2
  for card in "$@"; do
    local i=0
    until [ -f "$out/sync-$n.json" ]; do
      i=$((i + 1)); [ "$i" -gt 600 ] && { echo "swiper: $out/sync-$n.json never came" >&2; return 1; }
      sleep 0.05
    done
    "$swipe" "$spec" "$card" || return 1
    n=$((n + 1))
  done
}

# scenario NAME SCRIPT THEME SPEC CARD...: runs SCRIPT with the swiper; output in $work/NAME.
scenario() {
  local name=$1 script=$2 theme=$3 spec=$4
  shift 4
  local d="$work/$name"
  mkdir -p "$d"
  config "$d/kiosk.ini" "$theme" "$spec"
  swiper "$d/out" "$spec" "$@" &
  local swiper_pid=$!
  "$kiosk" --headless --data "$work/data" --config "$d/kiosk.ini" --script "$script" --out "$d/out" \
    2> "$d/kiosk.log" || { cat "$d/kiosk.log" >&2; fail "scenario $name"; }
  wait "$swiper_pid" || fail "$name: the cards were not all swiped"
}

mkdir -p "$work/reader"
config "$work/sync.ini" standard none
"$kiosk" --data "$work/data" --config "$work/sync.ini" --sync-now > /dev/null || fail "reference sync"

# 1. The booking, over the file reader.
scenario booking "$src/tests/scenarios/idcard_booking.script" standard "file:$work/reader/card.json" \
  "$cards/he_li_bad_number.json" "$cards/lin_zhiqiang_expired.json" "$cards/chen_dawen.json" \
  "$cards/chen_dawen.json" "$cards/huang_xiaomei.json" "$cards/liang_yufen.json"
d="$work/booking/out"
# what the refused cards left: nothing
for f in bad-number expired; do
  [ -f "$d/$f.json" ] || { fail "no dump $f"; continue; }
  jq -e '[.widgets[] | select(.id == "p0.name" or .id == "p0.id" or .id == "p1.name" or .id == "p1.id") | .text]
         | all(. == "")' "$d/$f.json" > /dev/null || fail "the $f card filled something"
done
grep -q 'identity card read while no form takes one: not used' "$work/booking/kiosk.log" \
  || fail "the card put on the reader on the home screen was not dropped"
# the backend got the cards' people, as resident IDs
rec=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/admin/records?type=booking")
[ "$(echo "$rec" | jq .count)" = 1 ] || fail "the backend holds $(echo "$rec" | jq .count) bookings, expected 1"
echo "$rec" | jq -e '.items[0].record.parties as $p | ($p | length) == 2
    and $p[0].name == "陈**" and $p[0].id_number == "4407**********0018" and $p[0].id_type == "resident_id"
    and ($p[1].name | startswith("H")) and $p[1].id_number == "4407**********0025" and $p[1].id_type == "resident_id"' \
  > /dev/null || fail "the backend's booking is not the cards' people: $(echo "$rec" | jq -c '.items[0].record.parties')"
ref=$(jq -r '.widgets[] | select(.id == "done.reference") | .text' "$d/done.json" 2>/dev/null)
[ -n "$ref" ] || fail "no booking reference on the done screen"

# 2. The other forms, over the socket reader.
sed "s/@REF@/$ref/" "$src/tests/scenarios/idcard_forms.script" > "$work/forms.script"
scenario forms "$work/forms.script" standard "socket:$work/reader/idcard.sock" \
  "$cards/chen_dawen.json" "$cards/liang_yufen.json" "$cards/huang_xiaomei.json"
[ -e "$work/reader/idcard.sock" ] && fail "the socket was left behind after the kiosk ended"

# 3. The assisted mode.
scenario large "$src/tests/scenarios/idcard_large.script" large "file:$work/reader/card.json" "$cards/chen_dawen.json"

# 4. Nothing of a card in any log; every dump accessible.
for log in "$work"/*/kiosk.log; do
  grep -q 'identity card read' "$log" || fail "$log does not say a card was read"
  if grep -E -n '陈大文|黄小美|梁玉芬|林志强|何丽|4407041|1990-?05-?06|19920708|东华路|新民路|江翠路|公安局' "$log"; then
    fail "card data in the log $log"
  fi
done
n=0
while IFS= read -r -d '' dump; do
  n=$((n + 1))
  "$check" "$dump" --sweep > /dev/null || { "$check" "$dump" --sweep; fail "accessibility: $dump"; }
done < <(find "$work" -name '*.json' -path '*/out/*' ! -name 'sync-*' -print0)
[ "$n" -ge 12 ] || fail "the sweep saw only $n dumps"

# The option: a bad reader is refused with the line and the reason.
printf '[idcard]\nreader = serial:ttyUSB0\n' > "$work/bad.ini"
out=$("$kiosk" --check-config --config "$work/bad.ini" 2>&1) && fail "--check-config accepted serial:ttyUSB0"
echo "$out" | grep -q 'bad.ini:2: \[idcard\] reader: serial: needs an absolute path, e.g. serial:/dev/ttyUSB0' \
  || fail "--check-config said: $out"
printf '[idcard]\nreader = serial:/dev/ttyUSB0@115200\n' > "$work/good.ini"
"$kiosk" --check-config --config "$work/good.ini" > /dev/null 2>&1 || fail "--check-config refused a good reader"

exit $status
