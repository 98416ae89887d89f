#!/usr/bin/env bash
# Scenario, accessibility-sweep and screenshot tests.
#  1. Runs every scenario headless through the automation driver, in portrait (1080x1920) and landscape
#     (1920x1080), in the standard and (where the scenario is theme-neutral) the large theme; the main
#     ones also on the 1280x800 street-station tablet.
#  2. Sweeps every dump those runs wrote with dump_check --sweep: targets, text sizes, contrast and
#     truncation against the minimums of the theme each dump names.
#  3. Compares the screens that matter (home, attract, widget gallery in both themes, the text specimen)
#     with the reviewed references in tests/reference/ at half size.
# usage: run_scenarios.sh KIOSK TEXT_SPECIMEN PNG_COMPARE DUMP_CHECK SOURCE_DIR WORK_DIR
set -u
kiosk=$1 specimen=$2 compare=$3 check=$4 src=$5 work=$6
scenarios="$src/tests/scenarios" ref="$src/tests/reference"
rm -rf "$work"; mkdir -p "$work"
status=0
fail() { echo "FAIL: $*" >&2; status=1; }

run() { # run SCRIPT SIZE THEME
  local name=$1 size=$2 theme=$3
  local out="$work/$2-$3/$1"
  mkdir -p "$out"
  printf '[kiosk]\ntheme = %s\n' "$theme" > "$out/kiosk.ini"
  "$kiosk" --headless --size "$size" --config "$out/kiosk.ini" --data "$out/data" \
    --script "$scenarios/$name.script" --out "$out" 2>"$out/stderr" \
    || { cat "$out/stderr" >&2; fail "scenario $name at $size, $theme theme"; }
}

for size in 1080x1920 1920x1080; do
  for s in home navigate theme_switch widgets timeout timeout_large; do run "$s" "$size" standard; done
  for s in navigate list_large; do run "$s" "$size" large; done
done
# The small street-station tablet.
for s in home navigate; do run "$s" 1280x800 standard; done
run navigate 1280x800 large

# The wipe: after the timeout nothing typed is left on screen.
for f in "$work"/*/timeout/after-reset*.json; do
  if grep -E -q 'Chen|C\*\*\*|13812345678|138\*\*\*\*' "$f"; then fail "typed text survived the session wipe: $f"; fi
  grep -q '"theme":\s*"standard"' "$f" && grep -q '"lang":\s*"zh-Hans"' "$f" || fail "theme or language not reset: $f"
done

# Accessibility sweep over every dump.
count=0
while IFS= read -r -d '' dump; do
  count=$((count + 1))
  "$check" "$dump" --sweep >/dev/null || { "$check" "$dump" --sweep; fail "accessibility: $dump"; }
done < <(find "$work" -name '*.json' -print0)
[ "$count" -ge 40 ] || fail "the sweep saw only $count screens"
echo "accessibility sweep: $count screen dumps checked"

# Screenshots against the references.
"$specimen" "$work/specimen.png" || fail "text specimen"
"$compare" "$work/specimen.png" "$ref/specimen.png" || fail "specimen differs"
for size in 1080x1920 1920x1080; do
  d="$work/$size-standard/home"
  "$compare" "$d/home.png" "$ref/home_$size.png" || fail "home at $size differs"
  "$compare" "$d/home_large.png" "$ref/home_large_$size.png" || fail "large home at $size differs"
done
d="$work/1080x1920-standard"
"$compare" "$d/navigate/attract.png" "$ref/attract_1080x1920.png" || fail "attract differs"
for theme in standard large; do
  "$compare" "$work/1080x1920-$theme/navigate/gallery.png" "$ref/gallery_$theme.png" || fail "gallery ($theme) differs"
  "$compare" "$work/1080x1920-$theme/navigate/calendar.png" "$ref/calendar_$theme.png" || fail "calendar ($theme) differs"
  "$compare" "$work/1080x1920-$theme/navigate/dialog.png" "$ref/dialog_$theme.png" || fail "dialog ($theme) differs"
done
"$compare" "$d/timeout/idle-warning.png" "$ref/idle_warning.png" || fail "idle warning differs"
"$compare" "$d/theme_switch/keyboard.png" "$ref/keyboard_large.png" || fail "large keyboard differs"
exit $status
