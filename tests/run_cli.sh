#!/usr/bin/env bash
# Command-line behaviour: bad flags and values exit 2 with one line, a malformed configuration is
# refused naming the key and the line, and a failing scenario exits 1 naming its line.
# usage: run_cli.sh KIOSK SOURCE_DIR WORK_DIR
set -u
kiosk=$1 src=$2 work=$3
rm -rf "$work"; mkdir -p "$work"
status=0
fail() { echo "FAIL: $*" >&2; status=1; }

# expect_exit CODE PATTERN -- ARGS...: exit code and a stderr line matching PATTERN
expect_exit() {
  local code=$1 pattern=$2; shift 3
  local err; err=$("$kiosk" "$@" 2>&1 >/dev/null); local rc=$?
  [ "$rc" -eq "$code" ] || fail "kiosk $* exited $rc, expected $code ($err)"
  printf '%s\n' "$err" | grep -q -- "$pattern" || fail "kiosk $*: stderr lacks '$pattern': $err"
}

expect_exit 2 'unknown option "--bogus"' -- --bogus
expect_exit 2 '\-\-size: expected WxH' -- --headless --size 12x
expect_exit 2 '\-\-config needs a value' -- --config
expect_exit 2 '\-\-out is only used with --script' -- --headless --out "$work"
[ "$("$kiosk" --bogus 2>&1 | wc -l)" -eq 1 ] || fail "--bogus message is not one line"
"$kiosk" --version | grep -q '^kiosk [0-9]' || fail "--version"
"$kiosk" --help | grep -q -- '--headless' || fail "--help"

printf '[kiosk]\nid = hall-01\n\nlanguage = klingon\n' > "$work/bad.ini"
expect_exit 2 "bad.ini:4: \[kiosk\] language: must be one of" -- --headless --config "$work/bad.ini"
printf '[kiosk]\nid = hall-01\n[session]\nidle_timeout = 3\n' > "$work/range.ini"
expect_exit 2 "range.ini:4: \[session\] idle_timeout: must be between 15 and 900" -- --check-config --config "$work/range.ini"
printf '[kiosk]\nlanguage = en\n' > "$work/good.ini"
"$kiosk" --check-config --config "$work/good.ini" | grep -q '^language = en$' || fail "--check-config output"
"$kiosk" --check-config --config "$src/assets/config/kiosk.ini" >/dev/null || fail "shipped kiosk.ini is invalid"
touch "$work/not-a-dir"
expect_exit 2 'not a directory' -- --headless --data "$work/not-a-dir" --script /dev/null

# A failing scenario names its line and leaves a screenshot of the failing frame.
expect_exit 1 'failing.script:4: expect "这段文字不在屏幕上": not on screen' -- \
  --headless --script "$src/tests/scenarios/failing.script" --out "$work/fail"
[ -s "$work/fail/failure.png" ] || fail "no failure.png"
printf 'tap #nothing.here\n' > "$work/tap.script"
expect_exit 1 'tap.script:1: tap #nothing.here: no such widget' -- --headless --script "$work/tap.script" --out "$work/t"
printf 'frobnicate\n' > "$work/unknown.script"
expect_exit 1 'unknown command "frobnicate"' -- --headless --script "$work/unknown.script" --out "$work/u"
exit $status
