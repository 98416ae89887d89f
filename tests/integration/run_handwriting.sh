#!/usr/bin/env bash
# A marriage booking against the stub with the first party's name written by hand on the pad (the
# driver's `ink` replays the recorded strokes of tests/unit/fixtures/strokes), in each interface
# language, and once in the large theme:
#   zh-Hans  张丽  (张 written in the standard stroke order, which the model only knows in another)
#   zh-Hant  于丽  the Simplified forms chosen among the Traditional ones offered first (於 于, 麗 丽):
#                  the field keeps 于丽 and the backend receives 于*, nothing converted
#   en       王芳
#   large    李华  (the big pad of the assisted mode)
# Each run checks the name in the field as written, reaches the done screen, and the backend holds the
# booking under that surname (the stub keeps names masked: surname and *). Dumps are swept.
# usage: run_handwriting.sh KIOSK STUB DUMP_CHECK SOURCE_DIR WORK_DIR
set -u
kiosk=$1 stub=$2 check=$3 src=$4 work=$5
rm -rf "$work"; mkdir -p "$work"
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
secret=hand-$$ token=admin-$$
. "$(dirname "$0")/stub.sh"
start_stub || exit 1
strokes="$src/tests/unit/fixtures/strokes"

# write CHAR PICK [ALSO]: write CHAR on the pad, see PICK (and ALSO) offered, choose PICK
write() {
  printf 'ink %s/%s.txt\nwait-for "%s" 8000\nshot written-%s\n' "$strokes" "$1" "$2" "$1"
  [ $# -gt 2 ] && printf 'expect "%s"\n' "$3"
  printf 'tap "%s"\n' "$2"
}

# book NAME THEME LANG SURNAME NAME_AS_ENTERED STEPS...: one booking; STEPS are write calls
book() {
  local name=$1 theme=$2 lang=$3 surname=$4 entered=$5; shift 5
  local d="$work/$name"; mkdir -p "$d"
  printf '[kiosk]\nid = k1\ntheme = %s\nlanguage = %s\n[backend]\nurl = http://127.0.0.1:%s\nsecret = %s\n[log]\nlevel = warn\n' \
    "$theme" "$lang" "$port" "$secret" > "$d/kiosk.ini"
  "$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null || fail "$name: reference sync"
  {
    printf 'tap #attract.start\ntap #home.booking\ntap #service.marriage_registration\n'
    printf 'tap first:day\ntap first:slot\ntap #booking.next\nwait 1000\nexpect-screen booking.people\n'
    printf 'tap #p0.name\ntap #key.mode.handwriting\nexpect #hw.pad\nexpect-disabled #key.undo_stroke\ndump pad-empty\n'
    for step in "$@"; do eval "$step"; done
    printf 'expect #p0.name="%s"\nexpect-disabled #key.rewrite\nshot pad\ndump pad\n' "$entered"
    printf 'standard: key Tab\nlarge: key Enter\nlarge: tap #question.next\nlarge: tap #question.next\nlarge: tap #p0.id\n'
    printf 'type 440704199005060018\nstandard: key Tab\nlarge: key Enter\nlarge: tap #question.next\nlarge: tap #p1.name\n'
    printf 'type 黄晓梅\nstandard: key Tab\nlarge: key Enter\nlarge: tap #question.next\nlarge: tap #question.next\nlarge: tap #p1.id\n'
    printf 'type 440704199207080025\nstandard: key Tab\nlarge: key Enter\nlarge: tap #question.next\nlarge: tap #phone\n'
    printf 'type 13912345678\nkey Enter\nexpect-enabled #booking.next\ntap #booking.next\nexpect-screen booking.review\n'
    printf 'dump review\ndrag @50%%,80%% @50%%,20%% 300\nwait 2000\ndrag @50%%,80%% @50%%,20%% 300\nwait 2000\n'
    printf 'tap #review.consent.0\ntap #booking.confirm\nexpect-screen booking.done\nwait 4000\ndump done\n'
  } > "$d/book.script"
  "$kiosk" --headless --data "$d/data" --config "$d/kiosk.ini" --script "$d/book.script" --out "$d/out" 2> "$d/err" \
    || { cat "$d/err" >&2; fail "$name: the booking with a handwritten name"; return; }
  for dump in "$d"/out/*.json; do
    "$check" "$dump" --sweep > /dev/null 2> "$d/sweep.err" || { cat "$d/sweep.err" >&2; fail "$name: $(basename "$dump")"; }
  done
  local records
  records=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/admin/records?type=booking")
  echo "$records" > "$d/records.json"
  [ "$(echo "$records" | jq .count)" = 1 ] || fail "$name: the backend holds $(echo "$records" | jq .count) bookings, expected 1"
  echo "$records" | grep -q "\"$surname\*\"" || fail "$name: the backend did not receive the surname $surname as written: $records"
  curl -sf -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/admin/reset" > /dev/null
}

book hans standard zh-Hans 张 张丽 'write 张 张' 'write 丽 丽'
book hant standard zh-Hant 于 于丽 'write 于 于 於' 'write 丽 丽 麗'
book en standard en 王 王芳 'write 王 王' 'write 芳 芳'
book large large zh-Hans 李 李华 'write 李 李' 'write 华 华'
exit $status
