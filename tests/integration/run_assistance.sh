#!/usr/bin/env bash
# Social assistance end to end against the stub, in both themes and orientations: the guide from the
# synced programmes (a programme's standard, year, documents, where to apply, official-page QR); the
# screener through all six questions to its answer (nothing reaches the outbox or the backend); the
# application status online in plain words (by application number and by phone, a reason, a
# certification due date), a wrong ID number revealing nothing, the session locked after five
# unsuccessful lookups, and the offline notice that never shows an old status. Every dump is swept
# for accessibility; screenshots of every screen land in the work directory.
# usage: run_assistance.sh KIOSK STUB DUMP_CHECK PNG_COMPARE SOURCE_DIR WORK_DIR
set -u
kiosk=$1 stub=$2 check=$3 compare=$4 src=$5 work=$6
rm -rf "$work"; mkdir -p "$work"
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
secret=assist-$$ token=admin-$$
. "$(dirname "$0")/stub.sh"
start_stub || exit 1
run() { # DIR CONFIG SCRIPT OUT [SIZE]
  "$kiosk" --headless --size "${5:-1080x1920}" --data "$1/data" --config "$2" --script "$3" --out "$1/$4" 2> "$1/$4.err" \
    || { cat "$1/$4.err" >&2; fail "$4 in $1"; }
}
# A status lookup: ID, then the application number (or, with MODE phone, the phone), then 查询.
status_start() { # ID MODE VALUE
  printf 'tap #attract.start\ntap #home.assistance\ntap #assist.status\nexpect-screen assist.status\n'
  printf 'tap #assist.status.id\ntype %s\nkey Enter\nlarge: tap #question.next\n' "$1"
  [ "$2" = phone ] && printf 'tap #assist.status.mode.1\ntap #assist.status.phone\n' || printf 'tap #assist.status.number\n'
  printf 'type %s\nkey Enter\ntap #assist.status.search\nwait 1000\nwait 1000\nwait 1000\n' "$3"
}

for theme in standard large; do
  for size in 1080x1920 1920x1080; do
    d="$work/$theme-$size"; mkdir -p "$d"
    kiosk_config "$d/kiosk.ini" "$theme" "$port"
    "$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null || fail "reference sync"
    run "$d" "$d/kiosk.ini" "$src/tests/scenarios/assist_guide.script" guide "$size"
    run "$d" "$d/kiosk.ini" "$src/tests/scenarios/assist_screener.script" screener "$size"
    # References (half size), portrait: the screener's answer (standard) and a programme's page (large).
    case "$theme-$size" in
      standard-1080x1920) shot=screener/as-result ;;
      large-1080x1920) shot=guide/as-programme ;;
      *) shot= ;;
    esac
    if [ -n "$shot" ]; then
      "$compare" "$d/$shot.png" "$src/tests/reference/assistance/${shot#*/}_$theme.png" \
        || fail "$shot ($theme) differs from its reference"
    fi
    if [ "$theme-$size" = standard-1080x1920 ]; then
      for text in '每人每月 900 元（2020年标准）' '到哪里申请' '户口簿' '街道办事处'; do
        grep -q -F "$text" "$d/guide/as-programme.json" || fail "the dibao page does not say \"$text\""
      done
      for text in '家庭月人均收入 750 元，低于低保标准 900 元（2020年）' '最低生活保障' '高龄津贴' '居家适老化改造'; do
        grep -q -F "$text" "$d/screener/as-result.json" || fail "the screener's answer does not say \"$text\""
      done
      for text in '临时救助' '医疗救助' '特困人员救助供养'; do
        grep -q -F "$text" "$d/screener/as-result.json" && fail "the screener's answer names $text"
      done
    fi
    # The screener's answers went nowhere: nothing waits in the outbox.
    "$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > "$d/sync.out" || fail "sync after the screener"
    grep -q '^delivered 0$' "$d/sync.out" || fail "the screener queued something: $(cat "$d/sync.out")"

    # Under review, by application number.
    { status_start 440704197506230039 number JHJZ2026-0002
      printf 'expect-screen assist.status_result\nexpect "审核中"\nexpect-contains "JHJZ2026-0002"\n'
      printf 'expect-contains "残疾人两项补贴"\nexpect-not-contains "440704197506230039"\ndump as-status\nshot as-status\n'; } > "$d/status.script"
    run "$d" "$d/kiosk.ini" "$d/status.script" status "$size"
  done
done

d="$work/status"; mkdir -p "$d"
kiosk_config "$d/kiosk.ini" standard "$port"
"$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null || fail "reference sync"
# Not approved, by phone: the reason is said.
{ status_start 440704196501010016 phone 13800000005
  printf 'expect-screen assist.status_result\nexpect "不予批准"\nexpect-contains "原因："\ndump as-rejected\nshot as-rejected\n'; } > "$d/rejected.script"
run "$d" "$d/kiosk.ini" "$d/rejected.script" rejected
# The old-age allowance awaiting certification: the due date is said.
{ status_start 440704194503150013 number JHJZ2026-0008
  printf 'expect-screen assist.status_result\nexpect "待资格认证"\nexpect-contains "前完成资格认证"\ndump as-due\nshot as-due\n'; } > "$d/due.script"
run "$d" "$d/kiosk.ini" "$d/due.script" due
# A wrong ID number for a real application: the same words as an unknown one, nothing of it shown.
{ status_start 440704199005060018 number JHJZ2026-0002
  printf 'expect-screen assist.status\nexpect #assist.status.message\nexpect-contains "没有查到符合的申请"\n'
  printf 'expect-not-contains "审核中"\nexpect-not-contains "残疾人两项补贴"\ndump as-wrong\nshot as-wrong\n'; } > "$d/wrong.script"
run "$d" "$d/kiosk.ini" "$d/wrong.script" wrong
# Five unsuccessful lookups lock the session's lookups; a new session may try again.
{ status_start 440704199005060018 number JHJZ2026-0001
  for _ in 1 2 3 4; do printf 'tap #assist.status.search\nwait 1000\nwait 1000\n'; done
  printf 'expect-contains "本次不能再查询"\nexpect-disabled #assist.status.search\ndump as-locked\nshot as-locked\n'; } > "$d/locked.script"
run "$d" "$d/kiosk.ini" "$d/locked.script" locked
# Offline: the backend address points nowhere; it says so and shows no status.
kiosk_config "$d/away.ini" standard 1
{ status_start 440704197506230039 number JHJZ2026-0002
  printf 'expect-screen assist.status\nexpect-contains "暂时连不上民政系统"\nexpect-not-contains "审核中"\ndump as-offline\nshot as-offline\n'; } > "$d/offline.script"
run "$d" "$d/away.ini" "$d/offline.script" offline

while IFS= read -r -d '' dump; do
  "$check" "$dump" --sweep > /dev/null || { "$check" "$dump" --sweep; fail "accessibility: $dump"; }
done < <(find "$work" -name 'as-*.json' -print0)
# Nothing personal in the kiosk's logs.
if grep -a -q -E '440704197506230039|13800000005|440704196501010016' "$work"/*/*.err "$work"/*/*/*.err 2>/dev/null; then
  fail "personal data in a log"
fi
exit $status
