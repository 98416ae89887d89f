#!/usr/bin/env bash
# Pinyin on the name keyboard, end to end against the stub (issue #11):
#  1. a full marriage booking with both names typed in pinyin (tests/scenarios/booking_pinyin.script)
#     in each interface language (zh-Hans, zh-Hant: Traditional candidates, en: Simplified), in both
#     themes and on the three screen shapes; the backend received the names (the stub keeps them
#     masked: surname and a star per character) and booked each one;
#  2. "ask staff" on the name keyboard: a help request with the reason character_input reaches the
#     backend, and calling it off does too (tests/scenarios/pinyin_ask_staff.script);
#  3. nothing typed is left on disk: the kiosk's private temporary directory (Rime's throwaway user
#     directory) is gone after each run, no Rime log was written, and neither the names nor their
#     pinyin are in any file the kiosk wrote (its database holds personal data encrypted);
#  4. every dump passes the accessibility sweep; the keyboard's screenshots match the references
#     (tests/reference/ime/).
# usage: run_pinyin.sh KIOSK STUB DUMP_CHECK PNG_COMPARE SOURCE_DIR WORK_DIR
set -u
kiosk=$1 stub=$2 check=$3 compare=$4 src=$5 work=$6
rm -rf "$work"; mkdir -p "$work"
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
secret=pinyin-$$ token=admin-$$
. "$(dirname "$0")/stub.sh"
start_stub || exit 1
admin() { local path=$1; shift; curl -sf -H "Authorization: Bearer $token" "$@" "http://127.0.0.1:$port/v1/admin/$path"; }

# config FILE THEME LANGUAGE
config() {
  kiosk_config "$1" "$2" "$port"
  sed -i "s/^\[kiosk\]$/[kiosk]\nlanguage = $3/" "$1"
}

# Nothing of the names in any file under DIR (plain UTF-8 or pinyin).
no_names() {
  local found
  found=$(grep -r -l -a -E '张伟|張偉|李淼|zhangwei|miao' "$1" 2> /dev/null)
  [ -z "$found" ] || fail "$2: the typed names are in $found"
}

# run NAME SCRIPT LANGUAGE THEME SIZE NAME0 MASK0: one scenario in a fresh data and temporary directory.
run() {
  local name=$1 script=$2 lang=$3 theme=$4 size=$5
  local d="$work/$name"
  mkdir -p "$d/tmp"
  config "$d/kiosk.ini" "$theme" "$lang"
  "$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null || fail "$name: reference sync"
  sed "s/@NAME0@/$6/g; s/@MASK0@/$7/g" "$script" > "$d/run.script"
  TMPDIR="$d/tmp" "$kiosk" --headless --size "$size" --data "$d/data" --config "$d/kiosk.ini" \
    --script "$d/run.script" --out "$d/out" 2> "$d/err" || { cat "$d/err" >&2; fail "$name"; return 1; }
  # the throwaway directory went with the kiosk; Rime wrote no log anywhere in it
  [ -z "$(ls -A "$d/tmp")" ] || fail "$name: left in the kiosk's temporary directory: $(ls -A "$d/tmp")"
  find "$d" -name 'rime*' | grep -q . && fail "$name: Rime left files: $(find "$d" -name 'rime*')"
  grep -q 'pinyin input is off' "$d/err" && fail "$name: the kiosk ran without pinyin"
  return 0
}

scenario="$src/tests/scenarios/booking_pinyin.script"
# language theme size name0 mask0
while read -r lang theme size name0 mask0; do
  name="booking-$lang-$theme-$size"
  admin reset -X POST > /dev/null
  run "$name" "$scenario" "$lang" "$theme" "$size" "$name0" "$mask0" || continue
  rec=$(admin "records?type=booking")
  [ "$(echo "$rec" | jq .count)" = 1 ] || { fail "$name: the backend holds $(echo "$rec" | jq .count) bookings"; continue; }
  echo "$rec" | jq -e --arg n0 "$mask0" '.items[0].record as $r | $r.status == "booked"
      and ($r.parties | length) == 2 and $r.parties[0].name == $n0 and $r.parties[1].name == "李*"' > /dev/null \
    || fail "$name: the backend's booking is not 「$name0」 and 「李淼」: $(echo "$rec" | jq -c '.items[0].record | {status, parties}')"
  no_names "$work/$name/data" "$name"
  no_names "$work/$name/tmp" "$name"
done << 'EOF'
zh-Hans standard 1080x1920 张伟 张*
zh-Hant standard 1080x1920 張偉 張*
en standard 1920x1080 张伟 张*
zh-Hant large 1080x1920 張偉 張*
zh-Hans large 1280x800 张伟 张*
en large 1920x1080 张伟 张*
EOF

# Asking staff for a character, in both themes.
for theme in standard large; do
  name="ask-staff-$theme"
  admin reset -X POST > /dev/null
  run "$name" "$src/tests/scenarios/pinyin_ask_staff.script" zh-Hans "$theme" 1080x1920 - - || continue
  # the request, then its calling off, delivered by the sync thread (in the background: give it time)
  for _ in $(seq 50); do
    [ "$(admin "records?type=help" | jq '[.items[] | select(.record.status == "cancelled")] | length')" = 1 ] && break
    "$kiosk" --data "$work/$name/data" --config "$work/$name/kiosk.ini" --sync-now > /dev/null 2>&1
    sleep 0.2
  done
  help=$(admin "records?type=help")
  echo "$help" | jq -e '.count == 1 and .items[0].record.reason == "character_input" and .items[0].record.screen == "booking.people"
      and .items[0].record.status == "cancelled"' > /dev/null \
    || fail "$name: the backend's help requests: $(echo "$help" | jq -c '[.items[].record | {reason, screen, status}]')"
done

# Accessibility of every screen the runs showed.
count=0
while IFS= read -r -d '' dump; do
  count=$((count + 1))
  "$check" "$dump" --sweep > /dev/null || { "$check" "$dump" --sweep; fail "accessibility: $dump"; }
done < <(find "$work" -name '*.json' -path '*/out/*' -print0)
[ "$count" -ge 26 ] || fail "the sweep saw only $count dumps"

# The keyboard as a visitor sees it, against the reviewed references.
for pair in "booking-zh-Hans-standard-1080x1920:composing_standard_1080x1920" \
            "booking-zh-Hant-large-1080x1920:composing_large_1080x1920" \
            "booking-zh-Hans-large-1280x800:composing_large_1280x800" \
            "booking-en-standard-1920x1080:composing_standard_1920x1080"; do
  run_dir=${pair%%:*} ref=${pair##*:}
  [ -f "$work/$run_dir/out/pinyin-composing.png" ] || { fail "no screenshot from $run_dir"; continue; }
  "$compare" "$work/$run_dir/out/pinyin-composing.png" "$src/tests/reference/ime/$ref.png" || fail "$ref differs"
done
exit $status
