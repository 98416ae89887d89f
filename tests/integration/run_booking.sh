#!/usr/bin/env bash
# Booking end to end against the stub: reference data synced, then the online scenario (confirmed on
# the done screen, the booking at the backend); the offline scenario (provisional while the backend is
# away, confirmed after the next sync); the slot race (two kiosks book the last place offline: one
# confirmed, one needs rebooking, which its lookup says); every booking dump swept for accessibility;
# no personal data in plain text in the kiosk's files.
# usage: run_booking.sh KIOSK STUB DUMP_CHECK PNG_COMPARE SOURCE_DIR WORK_DIR
set -u
kiosk=$1 stub=$2 check=$3 compare=$4 src=$5 work=$6
rm -rf "$work"; mkdir -p "$work"
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
secret=booking-$$ token=admin-$$
. "$(dirname "$0")/stub.sh"
start_stub || exit 1

for theme in standard large; do
  for size in 1080x1920 1920x1080; do
    d="$work/$theme-$size"; mkdir -p "$d"
    kiosk_config "$d/kiosk.ini" "$theme" "$port"
    "$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null || fail "reference sync"
    "$kiosk" --headless --size "$size" --data "$d/data" --config "$d/kiosk.ini" \
      --script "$src/tests/scenarios/booking_online.script" --out "$d/online" 2> "$d/online.err" \
      || { cat "$d/online.err" >&2; fail "online booking, $theme $size"; }
    n=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/admin/records?type=booking" | jq .count)
    [ "$n" = 1 ] || fail "after the $theme $size run the backend holds $n bookings, expected 1"
    curl -sf -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/admin/reset" > /dev/null
  done
done

# Offline: the backend address points nowhere; later the real one delivers it.
d="$work/offline"; mkdir -p "$d"
kiosk_config "$d/kiosk.ini" standard "$port"
"$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null || fail "reference sync"
kiosk_config "$d/away.ini" standard 1
"$kiosk" --headless --data "$d/data" --config "$d/away.ini" --script "$src/tests/scenarios/booking_offline.script" \
  --out "$d/run" 2> "$d/run.err" || { cat "$d/run.err" >&2; fail "offline booking"; }
"$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > "$d/sync.out" || fail "the provisional booking was not delivered"
grep -q '^delivered 1$' "$d/sync.out" || fail "delivered: $(cat "$d/sync.out")"

# Every service, online: the services' own party counts; the divorce certificate with an application
# date 35 days ago (its days 31–60 then meet the booking window); each one confirmed at the backend.
every="$work/every"; mkdir -p "$every"
curl -sf -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/admin/reset" > /dev/null
kiosk_config "$every/kiosk.ini" standard "$port"
"$kiosk" --data "$every/data" --config "$every/kiosk.ini" --sync-now > /dev/null || fail "reference sync"
applied=$(TZ=Asia/Shanghai date -d '35 days ago' +%Y%m%d)
ids=(440704198503120031 440704198809200042)
for service in marriage_registration divorce_application divorce_certificate certificate_reissue \
               certificate_ceremony family_counselling; do
  d="$every/$service"; mkdir -p "$d"
  { printf 'tap #attract.start\ntap #home.booking\ntap #service.%s\n' "$service"
    # counselling is offered at four offices: the office step comes in
    [ "$service" = family_counselling ] && printf 'expect-screen booking.office\ntap #office.lile_street\n'
    printf 'expect-screen booking.day\n'
    [ "$service" = divorce_certificate ] && printf 'tap #divorce\ntype %s\nkey Enter\n' "$applied"
    printf 'dump day\n'; } > "$d/day.script"
  "$kiosk" --headless --data "$every/data" --config "$every/kiosk.ini" --script "$d/day.script" --out "$d" 2>"$d/err" \
    || { cat "$d/err" >&2; fail "$service: day step"; continue; }
  # the first day on offer: its label is the month and the day, with no reason after them
  day=$(jq -r '[.widgets[] | select(.role == "day" and (.label | test("^[^ ]+ [0-9]+$")))][0].text' "$d/day.json")
  parties=2
  [ "$service" = certificate_reissue ] && parties=1
  [ "$service" = family_counselling ] && parties=optional  # one person; the second field group stays empty
  { cat "$d/day.script" | sed '/^dump day$/d'
    printf 'tap #calendar.%s\ntap #slots.0\ntap #booking.next\nwait 1000\ntap #p0.name\ntype Lin Yi\nkey Tab\ntype %s\nkey Tab\n' "$day" "${ids[0]}"
    [ "$parties" = 2 ] && printf 'type Lin Er\nkey Tab\ntype %s\nkey Tab\n' "${ids[1]}"
    [ "$parties" = optional ] && printf 'key Tab\nkey Tab\n'
    printf 'type 13712345678\nkey Enter\ntap #booking.next\nexpect-screen booking.review\n'
    printf 'drag @50%%,80%% @50%%,20%% 300\nwait 2000\ntap #review.consent.0\ntap #booking.confirm\nwait 4000\n'
    printf 'expect "预约已确认"\ndump done\n'; } > "$d/book.script"
  "$kiosk" --headless --data "$every/data" --config "$every/kiosk.ini" --script "$d/book.script" --out "$d" 2>"$d/err" \
    || { cat "$d/err" >&2; fail "$service: booking"; }
done
n=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/admin/records?type=booking" | jq .count)
[ "$n" = 6 ] || fail "every service: the backend holds $n bookings, expected 6"
# Each problem on the people step said in words (length, same sex, phone, under age, one document twice).
"$kiosk" --headless --data "$every/data" --config "$every/kiosk.ini" \
  --script "$src/tests/scenarios/booking_validation.script" --out "$every/validation" 2> "$every/validation.err" \
  || { cat "$every/validation.err" >&2; fail "validation messages"; }

# Cancelling only up to the day before: a booking for tomorrow, looked up the next day (the kiosk's and
# the stub's clocks moved on together), offers no cancel button.
(
  db="$work/daybefore"; mkdir -p "$db"; work="$db"
  day1=$(( 2 * 86400 )); day2=$(( 3 * 86400 ))
  start_stub --clock-offset "$day1" || exit 1
  kiosk_config "$db/kiosk.ini" standard "$port"
  KIOSK_CLOCK_OFFSET=$day1 "$kiosk" --data "$db/data" --config "$db/kiosk.ini" --sync-now > /dev/null || exit 1
  printf 'tap #attract.start\ntap #home.booking\ntap #service.certificate_reissue\ndump day\n' > "$db/day.script"
  KIOSK_CLOCK_OFFSET=$day1 "$kiosk" --headless --data "$db/data" --config "$db/kiosk.ini" --script "$db/day.script" \
    --out "$db" 2> "$db/err" || exit 1
  first=$(jq -r '[.widgets[] | select(.role == "day" and (.label | test("^[^ ]+ [0-9]+$")))][0].text' "$db/day.json")
  { sed '/^dump day$/d' "$db/day.script"
    printf 'tap #calendar.%s\ntap #slots.0\ntap #booking.next\nwait 1000\ntap #p0.name\ntype Lin Yi\nkey Tab\n' "$first"
    printf 'type 440704199101010053\nkey Tab\ntype 13712345678\nkey Enter\ntap #booking.next\n'
    printf 'drag @50%%,80%% @50%%,20%% 300\nwait 2000\ntap #review.consent.0\ntap #booking.confirm\nwait 4000\n'
    printf 'expect "预约已确认"\ndump done\n'; } > "$db/book.script"
  KIOSK_CLOCK_OFFSET=$day1 "$kiosk" --headless --data "$db/data" --config "$db/kiosk.ini" --script "$db/book.script" \
    --out "$db" 2> "$db/err" || { cat "$db/err"; exit 1; }
  ref=$(jq -r '.widgets[] | select(.id == "done.reference") | .text' "$db/done.json")
  # the appointment was the first day on offer: move both clocks to it
  kill "$stub_pid"; wait "$stub_pid" 2>/dev/null
  title=$(jq -r '.widgets[] | select(.id == "calendar.title") | .text' "$db/day.json")  # 2026年12月
  appt=$(printf '%s-%02d-%02d' "${title%%年*}" "$(echo "$title" | sed 's/.*年\([0-9]*\)月/\1/')" "$first")
  offset=$(( $(date -d "$appt 10:00:00 +0800" +%s) - $(date +%s) ))
  start_stub --clock-offset "$offset" || exit 1
  kiosk_config "$db/kiosk.ini" standard "$port"
  printf 'tap #attract.start\ntap #home.booking\ntap #booking.lookup\ntap #lookup.ref\ntype %s\nkey Tab\n' "$ref" > "$db/look.script"
  printf 'type 440704199101010053\nkey Enter\ntap #lookup.search\nwait 1000\nwait 1000\nwait 1000\n' >> "$db/look.script"
  printf 'expect-screen booking.lookup_result\nexpect-disabled #lookup.cancel\ndump look\n' >> "$db/look.script"
  KIOSK_CLOCK_OFFSET=$offset "$kiosk" --headless --data "$db/data" --config "$db/kiosk.ini" --script "$db/look.script" \
    --out "$db" 2> "$db/err" || { cat "$db/err"; exit 1; }
) || fail "cancel on the appointment day was offered"

# Staff offer only some services here: the others do not show.
printf '[kiosk]\nid = k1\n[booking]\nservices = certificate_reissue family_counselling\n' > "$every/some.ini"
printf 'tap #attract.start\ntap #home.booking\nexpect #service.certificate_reissue\nexpect #service.family_counselling\nexpect-not #service.marriage_registration\n' \
  > "$every/some.script"
"$kiosk" --headless --data "$every/data" --config "$every/some.ini" --script "$every/some.script" --out "$every/some" \
  2> "$every/some.err" || { cat "$every/some.err" >&2; fail "services disabled by configuration still show"; }

# The same people again for the same service, with the backend away: this kiosk's own records stop it.
kiosk_config "$every/away.ini" standard 1
day=$(jq -r '[.widgets[] | select(.role == "day" and (.label | test("^[^ ]+ [0-9]+$")))][0].text' \
  "$every/marriage_registration/day.json")
{ printf 'tap #attract.start\ntap #home.booking\ntap #service.marriage_registration\ntap #calendar.%s\n' "$day"
  printf 'tap #slots.1\ntap #booking.next\nwait 1000\ntap #p0.name\ntype Lin Yi\nkey Tab\ntype %s\nkey Tab\n' "${ids[0]}"
  printf 'type Lin Er\nkey Tab\ntype %s\nkey Tab\ntype 13712345678\nkey Enter\ntap #booking.next\n' "${ids[1]}"
  printf 'expect-screen booking.people\nexpect-contains "只能保留一个预约"\n'; } > "$every/again.script"
"$kiosk" --headless --data "$every/data" --config "$every/away.ini" --script "$every/again.script" --out "$every/again" \
  2> "$every/again.err" || { cat "$every/again.err" >&2; fail "a second open booking for the same people was not stopped"; }
curl -sf -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/admin/reset" > /dev/null

# The last place, taken twice offline: two kiosks book the same slot of capacity 1 while the backend
# is away; after both sync, the first is confirmed and the second needs rebooking, which its lookup
# says.
race="$work/race"; mkdir -p "$race"
(
  work="$race"; start_stub --slot-capacity 1 || exit 1
  for k in a b; do
    mkdir -p "$race/$k"
    kiosk_config "$race/$k/kiosk.ini" standard "$port"
    kiosk_config "$race/$k/away.ini" standard 1
    "$kiosk" --data "$race/$k/data" --config "$race/$k/kiosk.ini" --sync-now > /dev/null || exit 1
    # other people at the second kiosk: the same people twice would be a duplicate booking instead
    if [ "$k" = a ]; then cp "$src/tests/scenarios/booking_offline.script" "$race/$k.script"
    else sed "s/440704198503120031/440704199101010053/; s/440704198809200042/440704199302020063/" \
      "$src/tests/scenarios/booking_offline.script" > "$race/$k.script"; fi
    "$kiosk" --headless --data "$race/$k/data" --config "$race/$k/away.ini" --script "$race/$k.script" \
      --out "$race/$k/run" 2> "$race/$k/run.err" || exit 1
  done
  "$kiosk" --data "$race/a/data" --config "$race/a/kiosk.ini" --sync-now > "$race/a/sync.out" || exit 1
  "$kiosk" --data "$race/b/data" --config "$race/b/kiosk.ini" --sync-now > "$race/b/sync.out"
  grep -q '^delivered 1$' "$race/a/sync.out" || { echo "first kiosk: $(cat "$race/a/sync.out")"; exit 1; }
  grep -q '^needs_rebooking 1$' "$race/b/sync.out" || { echo "second kiosk: $(cat "$race/b/sync.out")"; exit 1; }
  ref=$(jq -r '.widgets[] | select(.id == "done.reference") | .text' "$race/b/run/bk-provisional.json")
  sed "s/@REFERENCE@/$ref/; s/440704198503120031/440704199101010053/" \
    "$src/tests/scenarios/booking_rebook_lookup.script" > "$race/rebook.script"
  "$kiosk" --headless --data "$race/b/data" --config "$race/b/kiosk.ini" --script "$race/rebook.script"     --out "$race/b/lookup" 2> "$race/b/lookup.err" || { cat "$race/b/lookup.err"; exit 1; }
) || fail "slot race: $(cat "$race"/*/run.err 2>/dev/null | tail -3)"

# Screenshot references of every step but the last (its reference number is new each time), on a
# pinned date so they do not change with the calendar: both themes, both orientations.
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
        --script "$src/tests/scenarios/booking_shots.script" --out "$d" 2> "$d/err" || { cat "$d/err"; exit 1; }
      for step in service day slot people review; do
        "$compare" "$d/booking_$step.png" "$src/tests/reference/booking/${step}_${theme}_${size}.png" || exit 1
      done
    done
  done
) || fail "booking screenshots differ from the references"

while IFS= read -r -d '' dump; do
  "$check" "$dump" --sweep > /dev/null || { "$check" "$dump" --sweep; fail "accessibility: $dump"; }
done < <(find "$work" -name 'bk-*.json' -print0)
for f in "$work"/*/data/kiosk.db "$work"/*/data/kiosk.db-wal; do
  [ -f "$f" ] || continue
  for needle in 440704199005060018 13912345678 13812345678 "Chen Da Wen"; do
    if grep -q -a -F "$needle" "$f"; then fail "$f holds \"$needle\" in plain text"; fi
  done
done
exit $status
