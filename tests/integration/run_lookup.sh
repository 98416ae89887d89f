#!/usr/bin/env bash
# Booking lookup and cancellation end to end against the stub, in both themes: a booking made online,
# looked up by its reference from the done screen's dump, cancelled with the double confirmation and
# delivered (the backend then holds it cancelled); a wrong ID number for the reference reveals nothing;
# a lookup while the backend is away says so. Every lookup dump is swept for accessibility.
# usage: run_lookup.sh KIOSK STUB DUMP_CHECK SOURCE_DIR WORK_DIR
set -u
kiosk=$1 stub=$2 check=$3 src=$4 work=$5
rm -rf "$work"; mkdir -p "$work"
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
secret=lookup-$$ token=admin-$$
. "$(dirname "$0")/stub.sh"
start_stub || exit 1
run() { # DIR CONFIG SCRIPT OUT
  "$kiosk" --headless --data "$1/data" --config "$2" --script "$3" --out "$1/$4" 2> "$1/$4.err" \
    || { cat "$1/$4.err" >&2; fail "$4 in $1"; }
}
# The start of a lookup: home, the booking service step, the lookup screen, the two fields.
lookup_start() { # REFERENCE ID
  printf 'tap #attract.start\ntap #home.booking\ntap #booking.lookup\nexpect-screen booking.lookup\n'
  printf 'tap #lookup.ref\ntype %s\nstandard: key Tab\nlarge: key Enter\nlarge: tap #question.next\nlarge: tap #lookup.id\n' "$1"
  printf 'type %s\nkey Enter\ntap #lookup.search\nwait 1000\nwait 1000\nwait 1000\n' "$2"
}
admin() { curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port$1"; }

for theme in standard large; do
  d="$work/$theme"; mkdir -p "$d"
  kiosk_config "$d/kiosk.ini" "$theme" "$port"
  "$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null || fail "reference sync"
  run "$d" "$d/kiosk.ini" "$src/tests/scenarios/booking_online.script" online
  ref=$(jq -r '.widgets[] | select(.id == "done.reference") | .text' "$d/online/bk-done.json" 2>/dev/null)
  case "$ref" in BK-*) ;; *) fail "no backend reference on the done screen ($theme): '$ref'"; continue ;; esac

  # A wrong ID number for a real reference: the same words as an unknown reference, nothing shown.
  { lookup_start "$ref" 440704199005060026
    printf 'expect-screen booking.lookup\nexpect "没有找到这个预约，请核对编号和证件号码"\n'
    printf 'expect-not-contains "预约已确认"\nexpect-not-contains "江海区"\ndump lk-wrong-id\n'; } > "$d/wrong.script"
  run "$d" "$d/kiosk.ini" "$d/wrong.script" wrong
  # Offline: the backend address points nowhere.
  kiosk_config "$d/away.ini" "$theme" 1
  { lookup_start "$ref" 440704199005060018
    printf 'expect-screen booking.lookup\nexpect #lookup.message\nexpect-not-contains "没有找到这个预约"\ndump lk-offline\n'; } > "$d/offline.script"
  run "$d" "$d/away.ini" "$d/offline.script" offline
  grep -q '无法连接预约系统' "$d/offline/lk-offline.json" || fail "the offline lookup does not say so ($theme)"

  # Found, confirmed, cancelled with two confirmations; then delivered.
  sed "s/@REFERENCE@/$ref/" "$src/tests/scenarios/booking_lookup.script" > "$d/lookup.script"
  run "$d" "$d/kiosk.ini" "$d/lookup.script" lookup
  "$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > "$d/sync.out" || fail "the cancellation was not delivered ($theme): $(cat "$d/sync.out")"
  st=$(admin "/v1/admin/records?type=booking" | jq -r --arg r "$ref" '[.. | objects | select(.reference? == $r) | .status] | first')
  [ "$st" = cancelled ] || fail "at the backend $ref is '$st', expected cancelled ($theme)"
  # Looked up again: cancelled, no cancel button.
  { lookup_start "$ref" 440704199005060018
    printf 'expect-screen booking.lookup_result\nexpect "预约已取消"\nexpect-not #lookup.cancel\ndump lk-after\n'; } > "$d/after.script"
  run "$d" "$d/kiosk.ini" "$d/after.script" after
  admin /v1/admin/reset -X POST > /dev/null
done

while IFS= read -r -d '' dump; do
  "$check" "$dump" --sweep > /dev/null || { "$check" "$dump" --sweep; fail "accessibility: $dump"; }
done < <(find "$work" -name 'lk-*.json' -print0)
exit $status
