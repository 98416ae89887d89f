#!/usr/bin/env bash
# Pledges end to end against the stub: reference data synced, then
#  - online, named, a preset amount, phone and receipt (both themes, both orientations): the stub's
#    record matches exactly (project, amount, masked name and phone, receipt, kiosk reference);
#  - a custom amount with 角, anonymous: the record has no name;
#  - offline: provisional with the kiosk reference; `--sync-now` delivers it and the record matches;
#    a pledge withdrawn offline: both delivered by one sync, the withdrawal after its pledge;
#  - withdrawal within 10 minutes: the record is withdrawn and the project's totals are back;
#  - withdrawal after 10 minutes (the kiosk clock moved on): refused on the kiosk, nothing sent;
#  - typed references (malformed, unknown) and validation (zero, too large, decimals, whole yuan,
#    a donor without a name, a wrong phone, a closed project);
#  - every charity dump swept for accessibility; screenshots of every step in both themes and both
#    orientations on a pinned date, three of them compared with the references; no personal data in
#    plain text in the kiosk's files.
# usage: run_charity.sh KIOSK STUB DUMP_CHECK PNG_COMPARE SOURCE_DIR WORK_DIR
set -u
kiosk=$1 stub=$2 check=$3 compare=$4 src=$5 work=$6
rm -rf "$work"; mkdir -p "$work"
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
secret=charity-$$ token=admin-$$
. "$(dirname "$0")/stub.sh"
start_stub || exit 1
scenarios="$src/tests/scenarios"

admin() { curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/admin/$1"; }
reset() { curl -sf -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/admin/reset" > /dev/null; }
# the widget text of id in a dump
text_of() { jq -r --arg id "$2" '.widgets[] | select(.id == $id) | .text' "$1"; }
# record REFERENCE: the stub's pledge record with that PL- reference, as JSON
record() { admin "records?type=pledge" | jq -c --arg r "$1" '.items[] | select(.record.reference == $r) | .record'; }
run() { # run NAME DIR CONFIG [SIZE]: a scenario headless, its output in DIR/NAME
  local name=$1 d=$2 cfg=$3 size=${4:-1080x1920}
  "$kiosk" --headless --size "$size" --data "$d/data" --config "$cfg" --script "$scenarios/$name.script" \
    --out "$d/$name" 2> "$d/$name.err" || { cat "$d/$name.err" >&2; fail "$name at $size ($cfg)"; return 1; }
}

# Online, named, preset 100, phone, receipt: in both themes and orientations.
for theme in standard large; do
  for size in 1080x1920 1920x1080; do
    d="$work/$theme-$size"; mkdir -p "$d"
    reset
    kiosk_config "$d/kiosk.ini" "$theme" "$port"
    "$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null || fail "reference sync"
    run charity_online "$d" "$d/kiosk.ini" "$size" || continue
    done_dump="$d/charity_online/ch-done.json"
    ref=$(text_of "$done_dump" charity.done.reference)
    kref=$(text_of "$done_dump" charity.done.kiosk_reference | grep -o 'JC-[0-9A-F]\{8\}')
    rec=$(record "$ref")
    [ -n "$rec" ] || { fail "$theme $size: no record $ref at the stub"; continue; }
    want=$(jq -cn --arg k "$kref" '{project_id: "weishishi", amount: 100, anonymous: false, name: "C*******",
      phone: "139******78", receipt_requested: true, receipt_name: "C*******", kiosk_reference: $k,
      status: "awaiting_payment", language: "zh-Hans"}')
    got=$(echo "$rec" | jq -c '{project_id, amount, anonymous: .donor.anonymous, name: .donor.name,
      phone: .donor.phone, receipt_requested, receipt_name, kiosk_reference, status, language}')
    [ "$got" = "$want" ] || fail "$theme $size: the stub holds $got, expected $want"
    n=$(admin "records?type=pledge" | jq .count)
    [ "$n" = 1 ] || fail "$theme $size: the stub holds $n pledges, expected 1"
  done
done

# A custom amount with 角, anonymous.
d="$work/custom"; mkdir -p "$d"
kiosk_config "$d/kiosk.ini" standard "$port"
"$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null || fail "reference sync"
if run charity_custom "$d" "$d/kiosk.ini"; then
  ref=$(text_of "$d/charity_custom/ch-custom-done.json" charity.done.reference)
  got=$(record "$ref" | jq -c '{project_id, amount, donor, receipt_requested}')
  want='{"project_id":"weishishi","amount":88.8,"donor":{"anonymous":true},"receipt_requested":false}'
  [ "$got" = "$want" ] || fail "custom anonymous: the stub holds $got, expected $want"
fi

# Anonymous with a receipt: the name for the receipt is asked for, and reaches the backend masked.
d="$work/receipt"; mkdir -p "$d"
kiosk_config "$d/kiosk.ini" standard "$port"
"$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null || fail "reference sync"
if run charity_receipt "$d" "$d/kiosk.ini"; then
  ref=$(text_of "$d/charity_receipt/ch-receipt-done.json" charity.done.reference)
  got=$(record "$ref" | jq -c '{amount, donor, receipt_requested, receipt_name}')
  want='{"amount":50,"donor":{"anonymous":true},"receipt_requested":true,"receipt_name":"J*******"}'
  [ "$got" = "$want" ] || fail "anonymous with a receipt: the stub holds $got, expected $want"
fi

# Offline: the backend address points nowhere; later the real one delivers the pledge.
d="$work/offline"; mkdir -p "$d"
kiosk_config "$d/kiosk.ini" standard "$port"
kiosk_config "$d/away.ini" standard 1
"$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null || fail "reference sync"
if run charity_offline "$d" "$d/away.ini"; then
  kref=$(text_of "$d/charity_offline/ch-offline.json" charity.done.reference)
  [[ "$kref" =~ ^JC-[0-9A-F]{8}$ ]] || fail "offline: the done screen shows \"$kref\", not a JC- reference"
  "$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > "$d/sync.out" || fail "the offline pledge was not delivered"
  grep -q '^delivered 1$' "$d/sync.out" || fail "offline: $(cat "$d/sync.out")"
  got=$(admin "records?type=pledge" | jq -c --arg k "$kref" '[.items[] | select(.record.kiosk_reference == $k)
    | .record | {project_id, amount, name: .donor.name, receipt_requested, status}]')
  want='[{"project_id":"weishishi","amount":50,"name":"L******","receipt_requested":false,"status":"awaiting_payment"}]'
  [ "$got" = "$want" ] || fail "offline: the stub holds $got, expected $want"
fi

# Pledged and withdrawn offline: one sync delivers both, the withdrawal after its pledge.
if run charity_offline_withdraw "$d" "$d/away.ini"; then
  kref=$(text_of "$d/charity_offline_withdraw/ch-offline-pledged.json" charity.done.reference)
  "$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > "$d/sync2.out" || fail "the offline withdrawal was not delivered"
  grep -q '^delivered 3$' "$d/sync2.out" || fail "offline withdrawal: $(cat "$d/sync2.out")"
  got=$(admin "records?type=pledge" | jq -c --arg k "$kref" '[.items[] | select(.record.kiosk_reference == $k)
    | .record | {amount, status}]')
  [ "$got" = '[{"amount":10,"status":"withdrawn"}]' ] || fail "offline withdrawal: the stub holds $got"
fi
reset

# Withdrawal within 10 minutes: at the stub the pledge is withdrawn and the totals are back.
d="$work/withdraw"; mkdir -p "$d"
kiosk_config "$d/kiosk.ini" standard "$port"
"$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null || fail "reference sync"
pledged() { # the project's pledged total and count as the stub publishes them (through a fresh sync)
  rm -rf "$d/probe"; "$kiosk" --data "$d/probe" --config "$d/kiosk.ini" --sync-now > /dev/null
  sqlite3 "$d/probe/kiosk.db" "SELECT json FROM ref_cache WHERE kind = 'projects'" \
    | jq -c '.items[] | select(.id == "weishishi") | [.pledged, .pledge_count]'
}
before=$(pledged)
if run charity_withdraw "$d" "$d/kiosk.ini"; then
  ref=$(text_of "$d/charity_withdraw/ch-withdraw-pledged.json" charity.done.reference)
  st=$(record "$ref" | jq -r .status)
  [ "$st" = withdrawn ] || fail "withdrawal: the stub's pledge $ref is \"$st\", expected withdrawn"
  after=$(pledged)
  [ "$after" = "$before" ] || fail "withdrawal: the project's pledged total is $after, was $before before the pledge"
fi

# After 10 minutes: a pledge made now, looked up with the kiosk clock 11 minutes on, is refused here.
d="$work/late"; mkdir -p "$d"
kiosk_config "$d/kiosk.ini" standard "$port"
kiosk_config "$d/away.ini" standard 1
"$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null || fail "reference sync"
if run charity_online "$d" "$d/kiosk.ini"; then
  ref=$(text_of "$d/charity_online/ch-done.json" charity.done.reference)
  sed "s/@REFERENCE@/$ref/" "$scenarios/charity_late.script" > "$d/late.script"
  KIOSK_CLOCK_OFFSET=660 "$kiosk" --headless --data "$d/data" --config "$d/away.ini" --script "$d/late.script" \
    --out "$d/charity_late" 2> "$d/late.err" || { cat "$d/late.err" >&2; fail "refusal after 10 minutes"; }
  "$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > "$d/sync.out"
  grep -q '^pending 0$' "$d/sync.out" || fail "late: something was left to send: $(cat "$d/sync.out")"
  st=$(record "$ref" | jq -r .status)
  [ "$st" = awaiting_payment ] || fail "late: the stub's pledge is \"$st\", expected awaiting_payment"
fi

# Typed references and validation, in both themes (portrait).
for theme in standard large; do
  d="$work/checks-$theme"; mkdir -p "$d"
  kiosk_config "$d/kiosk.ini" "$theme" "$port"
  "$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null || fail "reference sync"
  run charity_lookup "$d" "$d/kiosk.ini"
  run charity_validation "$d" "$d/kiosk.ini"
done
reset

# Screenshots of every step on a pinned date, both themes and orientations; three compared.
shots="$work/shots"; mkdir -p "$shots"
pinned=$(( $(date -u -d '2027-03-01 02:00:00' +%s) - $(date -u +%s) ))
(
  work="$shots"; start_stub --clock-offset "$pinned" || exit 1
  for theme in standard large; do
    for size in 1080x1920 1920x1080; do
      d="$shots/$theme-$size"; mkdir -p "$d"
      kiosk_config "$d/kiosk.ini" "$theme" "$port"
      KIOSK_CLOCK_OFFSET=$pinned "$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null || exit 1
      KIOSK_CLOCK_OFFSET=$pinned "$kiosk" --headless --size "$size" --data "$d/data" --config "$d/kiosk.ini" \
        --script "$scenarios/charity_shots.script" --out "$d" 2> "$d/err" || { cat "$d/err"; exit 1; }
      for step in projects amount review; do
        "$compare" "$d/charity_$step.png" "$src/tests/reference/charity/${step}_${theme}_${size}.png" || exit 1
      done
    done
  done
) || fail "charity screenshots differ from the references"

count=0
while IFS= read -r -d '' dump; do
  count=$((count + 1))
  "$check" "$dump" --sweep > /dev/null || { "$check" "$dump" --sweep; fail "accessibility: $dump"; }
done < <(find "$work" -name 'ch-*.json' -print0)
[ "$count" -ge 40 ] || fail "the sweep saw only $count charity screens"
for f in "$work"/*/data/kiosk.db "$work"/*/data/kiosk.db-wal "$work"/shots/*/data/kiosk.db*; do
  [ -f "$f" ] || continue
  for needle in 13912345678 "Chen Da Wen" "Wang Fang" "Li Ming"; do
    if grep -q -a -F "$needle" "$f"; then fail "$f holds \"$needle\" in plain text"; fi
  done
done
exit $status
