#!/usr/bin/env bash
# Screenshot and scenario test: runs the home scenario headless in portrait and landscape, checks
# every dump against the theme minimums, and compares the screens that matter (and the text specimen)
# with the reviewed references in tests/reference/.
# usage: run_screens.sh KIOSK TEXT_SPECIMEN PNG_COMPARE DUMP_CHECK SOURCE_DIR WORK_DIR
set -u
kiosk=$1 specimen=$2 compare=$3 check=$4 src=$5 work=$6
ref="$src/tests/reference"
rm -rf "$work"; mkdir -p "$work"
status=0
fail() { echo "FAIL: $*" >&2; status=1; }

"$specimen" "$work/specimen.png" || fail "text specimen"
"$compare" "$work/specimen.png" "$ref/specimen.png" || fail "specimen differs"

for size in 1080x1920 1920x1080; do
  out="$work/$size"
  "$kiosk" --headless --size "$size" --script "$src/tests/scenarios/home.script" --out "$out" \
    || fail "home scenario at $size"
  "$check" "$out/home.json" --theme standard --lang zh-Hans --min-font 32 --min-target 88 --no-truncated \
    || fail "standard theme minimums at $size"
  "$check" "$out/home_zh-Hant.json" --lang zh-Hant --min-font 32 --min-target 88 --no-truncated \
    || fail "traditional at $size"
  "$check" "$out/home_large.json" --theme large --lang zh-Hans --min-font 48 --min-target 120 \
    || fail "large theme minimums at $size"
  "$check" "$out/home_large_en.json" --theme large --lang en --min-font 48 --min-target 120 \
    || fail "large theme in English at $size"
  "$compare" "$out/home.png" "$ref/home_$size.png" || fail "home at $size differs"
  "$compare" "$out/home_large.png" "$ref/home_large_$size.png" || fail "large home at $size differs"
done
exit $status
