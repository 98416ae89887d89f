#!/usr/bin/env bash
# The kiosk in Traditional Chinese and in English, against the stub:
#  1. The scenarios that walk through the services (booking, pledges, assistance, the lookup, the
#     assisted mode, staff mode, the shell) run again with the kiosk starting in zh-Hant and in en, in
#     the themes their own runners use, their expected texts translated from the catalogues
#     (tools/script_lang.c); every dump is swept (dump_check --sweep: sizes, contrast, truncation, no
#     bare catalogue key) and must be in that language.
#  2. Switching the language mid-form keeps what was typed (lang_switch.script).
#  3. A backend with Simplified Chinese only (stub --seed demo-hans): in zh-Hant the kiosk shows its
#     texts converted by OpenCC s2hk; in English it shows them in Chinese with one note per screen.
# Screenshots of each language's screens land in WORK_DIR for review.
# usage: run_languages.sh KIOSK STUB DUMP_CHECK SCRIPT_LANG SOURCE_DIR WORK_DIR
set -u
kiosk=$1 stub=$2 check=$3 script_lang=$4 src=$5 work=$6
rm -rf "$work"; mkdir -p "$work"
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
secret=lang-$$ token=admin-$$
. "$(dirname "$0")/stub.sh"
scenarios="$src/tests/scenarios"
PIN=735194

# lang_config FILE THEME LANG PORT
lang_config() {
  printf '[kiosk]\nid = k1\ntheme = %s\nlanguage = %s\n[backend]\nurl = http://127.0.0.1:%s\nsecret = %s\n[log]\nlevel = warn\n' \
    "$2" "$3" "$4" "$secret" > "$1"
}
# run DIR LANG NAME SIZE [KEY=VALUE...]: scenario NAME rewritten for LANG, output in DIR/NAME-SIZE
run() {
  local d=$1 lang=$2 name=$3 size=$4; shift 4
  local script="$d/$name-$size.script"
  "$script_lang" "$lang" "$src/assets/i18n" < "$scenarios/$name.script" > "$script" \
    || { fail "$name cannot be rewritten for $lang"; return 1; }
  for sub in "$@"; do sed -i "s|@${sub%%=*}@|${sub#*=}|g" "$script"; done
  "$kiosk" --headless --size "$size" --data "$d/data" --config "$d/kiosk.ini" --script "$script" \
    --out "$d/$name-$size" 2> "$d/$name-$size.err" \
    || { cat "$d/$name-$size.err" >&2; fail "$name in $lang ($(basename "$d"), $size)"; return 1; }
}
reset() { curl -sf -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/admin/reset" > /dev/null; }

# pass LANG THEME[-NAME] SIZE SCENARIO...: a kiosk of its own (synced, the stub reset) runs the scenarios.
pass() {
  local lang=$1 theme=$2 size=$3; shift 3
  local d="$work/$lang-$theme-$size"; mkdir -p "$d"
  lang_config "$d/kiosk.ini" "${theme%%-*}" "$lang" "$port"
  "$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null || fail "reference sync"
  reset
  for s in "$@"; do run "$d" "$lang" "$s" "$size"; done
}

start_stub || exit 1
# English is where texts grow: every walk, both themes, portrait and landscape, and the small tablet.
# Traditional Chinese runs as long as Simplified: the walks in portrait, and one in landscape.
services="booking_online charity_online assist_guide assist_screener navigate"
for lang in zh-Hant en; do
  pass "$lang" standard 1080x1920 $services booking_validation charity_custom charity_validation charity_withdraw \
    home timeout
  d="$work/$lang-standard-1080x1920"
  run "$d" "$lang" home 1280x800
  run "$d" "$lang" navigate 1280x800
  # Staff mode (staff read English or Chinese too): every staff screen.
  echo $PIN | "$kiosk" --data "$d/data" --set-staff-pin > /dev/null 2>&1 || fail "staff PIN"
  mkdir -p "$d/usb"
  run "$d" "$lang" staff_screens 1080x1920 "EXPORT=$d/usb"
  pass "$lang" large 1080x1920 $services
  # the assisted booking books people of its own: a kiosk of its own, so the first booking's records
  # (this kiosk stops the same people booking twice) do not stand in its way
  pass "$lang" large-assisted 1080x1920 booking_assisted assisted_voice list_large
done
pass en standard 1920x1080 booking_online charity_online assist_screener
pass en large 1920x1080 booking_online assist_screener
pass zh-Hant large 1920x1080 assist_screener

# Mid-form switching, starting in zh-Hans.
d="$work/switch"; mkdir -p "$d"
lang_config "$d/kiosk.ini" standard zh-Hans "$port"
"$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null || fail "reference sync"
"$kiosk" --headless --data "$d/data" --config "$d/kiosk.ini" --script "$scenarios/lang_switch.script" \
  --out "$d/lang_switch" 2> "$d/lang_switch.err" || { cat "$d/lang_switch.err" >&2; fail "switching languages mid-form"; }
kill "$stub_pid" 2> /dev/null; wait "$stub_pid" 2> /dev/null

# A backend with Simplified Chinese only.
hans="$work/hans"; mkdir -p "$hans"
(
  work="$hans"; start_stub --seed demo-hans || exit 1
  for lang in zh-Hant en; do
    d="$hans/$lang"; mkdir -p "$d"
    lang_config "$d/kiosk.ini" standard "$lang" "$port"
    "$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null || exit 1
    printf 'tap #attract.start\ntap #home.booking\nexpect-screen booking.service\ndump service\nshot service\n' > "$d/s.script"
    printf 'tap #service.family_counselling\nexpect-screen booking.office\ndump office\nshot office\n' >> "$d/s.script"
    printf 'tap #nav.home\ntap #home.charity\nexpect-screen charity.projects\ndump projects\nshot projects\n' >> "$d/s.script"
    printf 'tap #nav.home\ntap #home.booking\nexpect #service.marriage_registration\ndump service-again\n' >> "$d/s.script"
    "$kiosk" --headless --data "$d/data" --config "$d/kiosk.ini" --script "$d/s.script" --out "$d" 2> "$d/err" \
      || { cat "$d/err"; exit 1; }
  done
) || fail "the Simplified-only backend: $(tail -3 "$hans"/*/err 2>/dev/null)"
text_of() { jq -r --arg id "$2" '.widgets[] | select(.id == $id) | .text' "$1"; }
# zh-Hant: the services' names converted (the stub's own Traditional would be the same words; the
# Simplified-only stub has none, so these come from OpenCC).
got=$(text_of "$hans/zh-Hant/service.json" service.marriage_registration | head -1)
case "$got" in 結婚登記*) ;; *) fail "zh-Hant without the backend's Traditional: marriage registration shows '$got'" ;; esac
grep -q '"screen.ref_note"' "$hans/zh-Hant/service.json" && fail "zh-Hant shows the English note"
# en: the Chinese shown, with the note once; none where every text has English (the kiosk's own).
got=$(text_of "$hans/en/service.json" service.marriage_registration | head -1)
case "$got" in 结婚登记*) ;; *) fail "en without the backend's English: marriage registration shows '$got'" ;; esac
for dump in service office projects; do
  n=$(jq '[.widgets[] | select(.id == "screen.ref_note")] | length' "$hans/en/$dump.json")
  [ "$n" = 1 ] || fail "en $dump: the note that texts are in Chinese shows $n times"
done
n=$(jq '[.widgets[] | select(.id == "screen.ref_note")] | length' "$work/en-standard-1080x1920/booking_online-1080x1920/bk-service.json" 2>/dev/null)
[ "$n" = 0 ] || fail "en with the backend's English: the note shows ($n)"

# Every dump: the sweep, and the language it was meant to be in.
count=0
while IFS= read -r -d '' dump; do
  count=$((count + 1))
  case "$dump" in
    */zh-Hant-*|*/hans/zh-Hant/*) want=zh-Hant ;;
    */en-*|*/hans/en/*) want=en ;;
    *) want= ;;
  esac
  args=(--sweep); [ -n "$want" ] && args+=(--lang "$want")
  "$check" "$dump" "${args[@]}" > /dev/null || { "$check" "$dump" "${args[@]}"; fail "sweep: $dump"; }
done < <(find "$work" -name '*.json' -print0)
[ "$count" -ge 150 ] || fail "the sweep saw only $count screens"
echo "language sweep: $count screen dumps checked"
exit $status
