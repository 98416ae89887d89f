#!/usr/bin/env bash
# The assisted mode (长辈版) with the voice on, against the stub, portrait and landscape: a complete
# marriage booking where each screen says its title and question and the review is read out in full;
# the voice panel (Cantonese, volume, touch to hear); a call for staff that reaches the backend with
# the screen it came from and is then called off (the backend's record says cancelled). Every dump is
# swept for accessibility.
# usage: run_assisted.sh KIOSK STUB DUMP_CHECK SOURCE_DIR WORK_DIR
set -u
kiosk=$1 stub=$2 check=$3 src=$4 work=$5
rm -rf "$work"; mkdir -p "$work"
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
secret=assisted-$$ token=admin-$$
. "$(dirname "$0")/stub.sh"
start_stub || exit 1
admin() { curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/admin/$1"; }
run() { # DIR SCRIPT OUT SIZE
  "$kiosk" --headless --size "$4" --data "$1/data" --config "$1/kiosk.ini" --script "$2" --out "$1/$3" \
    2> "$1/$3.err" || { cat "$1/$3.err" >&2; fail "$3 at $4"; return 1; }
}

for size in 1080x1920 1920x1080; do
  d="$work/$size"; mkdir -p "$d"
  kiosk_config "$d/kiosk.ini" large "$port"
  "$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null || fail "reference sync"
  curl -sf -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/admin/reset" > /dev/null
  run "$d" "$src/tests/scenarios/booking_assisted.script" booking "$size"
  n=$(admin "records?type=booking" | jq .count)
  [ "$n" = 1 ] || fail "$size: the backend holds $n bookings after the assisted booking, expected 1"
  run "$d" "$src/tests/scenarios/assisted_voice.script" voice "$size"
  if run "$d" "$src/tests/scenarios/assisted_help.script" help "$size"; then
    "$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null || fail "$size: help not delivered"
    got=$(admin "records?type=help" | jq -c '[.items[].record | {screen, assisted_mode, reason, status}] | last')
    want='{"screen":"assist.q.income","assisted_mode":true,"reason":"assistance","status":"cancelled"}'
    [ "$got" = "$want" ] || fail "$size: the backend holds the help request as $got, expected $want"
  fi
done

while IFS= read -r -d '' dump; do
  "$check" "$dump" --sweep > /dev/null || { "$check" "$dump" --sweep; fail "accessibility: $dump"; }
done < <(find "$work" -name '*.json' -path '*/booking/*' -print0; find "$work" -name 'av-*.json' -print0)
exit $status
