#!/usr/bin/env bash
# Staff mode end to end, headless, against the stub:
#  - no default PIN: a kiosk without one refuses staff mode and says how to provision it (audited);
#    --set-staff-pin refuses anything but 6-12 digits and stores only an Argon2id hash (mode 0600);
#  - entry: four wrong PINs say how many tries are left, the fifth locks; a restart is still locked;
#    5 minutes later (KIOSK_CLOCK_OFFSET) the right PIN opens staff mode; every staff screen visited,
#    an export written, the PIN changed (the old one refused after); staff screens unreachable by name;
#  - settings (PIN from the provisioning file's [staff] pin_hash): every editable setting changed
#    through the editor, one bad value per kind refused with its message, the result visible (attract
#    line, hall name, default language and theme, languages offered, the booking window), kept in
#    DATA/settings.ini across a restart, audited key by key; exit to the desktop once allowed;
#  - outbox: records stored behind the kiosk's back wait; "sync now" delivers a help request to the
#    stub and gets a pledge rejected; retry (rejected again), discard with confirmation and a typed
#    reason (audited, gone from the database); the help request listed and marked handled;
#  - idle: staff mode ends after 120 s without a touch, wiped; the PIN pad too;
#  - fleet: a settings document posted to the stub reaches the kiosk by heartbeat: known keys
#    applied, a bad value, secrets, the identity and an unknown key refused (an audit line each), the
#    version reported in the next heartbeat and kept across a restart;
#  - every staff dump swept for accessibility; neither the audit logs, the export nor any kiosk log
#    holds a PIN or a test phone number or name.
# usage: run_staff.sh KIOSK STUB OUTBOX_WRITER DUMP_CHECK SOURCE_DIR WORK_DIR
set -u
kiosk=$1 stub=$2 writer=$3 check=$4 src=$5 work=$6
rm -rf "$work"; mkdir -p "$work"
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
secret=staff-$$ token=admin-$$
. "$(dirname "$0")/stub.sh"
start_stub || exit 1
scenarios="$src/tests/scenarios"
PIN=735194 NEW_PIN=864213

admin() { curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/admin/$1"; }
# scenario NAME DIR [KEY=VALUE substitutions...]: a scenario headless with DIR/kiosk.ini, output in DIR/NAME
scenario() {
  local name=$1 d=$2; shift 2
  local script="$d/$name.script"
  cp "$scenarios/$name.script" "$script"
  for sub in "$@"; do sed -i "s|@${sub%%=*}@|${sub#*=}|g" "$script"; done
  "$kiosk" --headless --data "$d/data" --config "$d/kiosk.ini" --script "$script" --out "$d/$name" \
    2> "$d/$name.err" || { cat "$d/$name.err" >&2; fail "scenario $name ($d)"; return 1; }
}
audit_has() { # audit_has DIR PATTERN [COUNT]: the audit log has a line matching PATTERN (COUNT times)
  local n; n=$(grep -c -- "$2" "$1/data/audit.log" 2>/dev/null)
  if [ -n "${3:-}" ]; then [ "$n" = "$3" ] || fail "$1: audit has $n lines matching '$2', expected $3"
  else [ "${n:-0}" -ge 1 ] || fail "$1: audit has no line matching '$2'"; fi
}
offline_config() { printf '[kiosk]\nid = k1\n[log]\nlevel = warn\n' > "$1"; }

# ---- no default PIN; provisioning; entry, lockout, restart, unlock, every screen ----
d="$work/entry"; mkdir -p "$d"
offline_config "$d/kiosk.ini"
scenario staff_unprovisioned "$d"
audit_has "$d" '"action":"staff_entry","outcome":"refused_unprovisioned"' 1
err=$(echo 12345 | "$kiosk" --data "$d/data" --set-staff-pin 2>&1 >/dev/null); rc=$?
[ $rc = 2 ] && [[ "$err" == *"6 to 12 digits"* ]] || fail "a 5-digit PIN: exit $rc, '$err'"
echo 12345a7 | "$kiosk" --data "$d/data" --set-staff-pin > /dev/null 2>&1 && fail "a PIN with a letter was taken"
"$kiosk" --data "$d/data" --set-staff-pin < /dev/null > /dev/null 2>&1 && fail "an empty stdin was taken"
echo $PIN | "$kiosk" --set-staff-pin > /dev/null 2>&1 && fail "--set-staff-pin without --data was taken"
[ -e "$d/data/staff.pin" ] && fail "a refused PIN left a staff.pin"
out=$(echo $PIN | "$kiosk" --data "$d/data" --set-staff-pin) || fail "--set-staff-pin $PIN"
[[ "$out" == *"staff PIN set"* ]] || fail "--set-staff-pin said '$out'"
[ "$(stat -c %a "$d/data/staff.pin")" = 600 ] || fail "staff.pin is mode $(stat -c %a "$d/data/staff.pin")"
grep -q '^\$argon2id\$' "$d/data/staff.pin" || fail "staff.pin does not hold an Argon2id hash"
audit_has "$d" '"action":"pin_set","outcome":"ok"' 1
scenario staff_entry "$d"
audit_has "$d" '"action":"pin_attempt","outcome":"wrong"' 5
audit_has "$d" '"action":"staff_locked".*locked for 5 minutes' 1
grep -q '^failures 5$' "$d/data/staff.state" || fail "staff.state: $(cat "$d/data/staff.state")"
scenario staff_locked "$d" # a new process: the lock held
mkdir -p "$d/usb"
KIOSK_CLOCK_OFFSET=301 scenario staff_screens "$d" "EXPORT=$d/usb"
audit_has "$d" '"action":"pin_attempt","outcome":"ok"' 2
audit_has "$d" '"action":"pin_change","outcome":"ok"' 1
audit_has "$d" '"action":"pin_change_check","outcome":"wrong"' 1
audit_has "$d" '"action":"staff_exit","outcome":"button"' 2
audit_has "$d" '"action":"export","outcome":"failed"' 1
audit_has "$d" '"action":"export","outcome":"ok"' 1
export_file=$(ls "$d"/usb/kiosk-k1-*.txt 2>/dev/null | head -n1)
if [ -z "$export_file" ]; then fail "no export file in $d/usb"; else
  for part in '# health.json' '# audit.log' '# recent log lines' '"kiosk_id":	"k1"'; do
    grep -qF "$part" "$export_file" || fail "the export lacks '$part'"
  done
fi
printf 'goto staff.home\n' > "$d/goto.script"
err=$("$kiosk" --headless --data "$d/data" --config "$d/kiosk.ini" --script "$d/goto.script" --out "$d/goto" 2>&1); rc=$?
[ $rc = 1 ] && [[ "$err" == *"not open now"* ]] || fail "goto staff.home without the PIN: exit $rc"

# ---- settings through the editor, from a provisioning file's PIN hash ----
d="$work/settings"; mkdir -p "$d"
kiosk_config "$d/kiosk.ini" standard "$port"
hash=$(echo $PIN | "$kiosk" --hash-staff-pin) || fail "--hash-staff-pin"
printf '[staff]\npin_hash = %s\n' "$hash" >> "$d/kiosk.ini"
"$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null || fail "reference sync"
scenario staff_settings "$d" "PORT=$port"
want=(
  "hall_name = 江海区婚姻登记处自助终端" "location = 一楼东侧" "attract_text = 今日下午婚姻登记暂停"
  "language = zh-Hant" "languages = zh-Hans zh-Hant" "theme = large" "office = jh_marriage_registry"
  "services = marriage_registration" "window_days = 10" "idle_timeout = 90" "idle_timeout_large = 150"
  "warning_countdown = 25" "idle_timeout = 125" "allow_exit = true" "enabled = true"
  "url = http://localhost:$port" "ca_file = /etc/ssl/certs/ca-certificates.crt" "reference_refresh = 600"
  "heartbeat = 30" "retry_max = 120" "retention_days = 14")
for line in "${want[@]}"; do
  grep -qxF "$line" "$d/data/settings.ini" || fail "settings.ini lacks '$line'"
done
audit_has "$d" '"action":"setting_changed","outcome":"staff"' 21
audit_has "$d" 'kiosk.hall_name: \\"\\" → \\"江海区婚姻登记处自助终端\\"' 1
audit_has "$d" 'session.idle_timeout: \\"60\\" → \\"90\\"' 1
dump="$d/staff_settings/st-home-after-settings.json"
[ "$(jq -r '.theme + " " + .lang' "$dump" 2>/dev/null)" = "large zh-Hant" ] \
  || fail "the next visitor does not get the new defaults: $(jq -c '{theme, lang}' "$dump" 2>&1)"
# A restart keeps them: the attract screen and the booking window (10 days, the office's is 15).
cat > "$d/after.script" <<'SCRIPT'
expect "今日下午婚姻登记暂停"
expect "江海区婚姻登记处自助终端"
tap #attract.start
tap #home.booking
expect-screen booking.service
expect-not #service.divorce_application
tap #service.marriage_registration
expect-screen booking.day
dump day
SCRIPT
"$kiosk" --headless --data "$d/data" --config "$d/kiosk.ini" --script "$d/after.script" --out "$d/after" 2> "$d/after.err" \
  || { cat "$d/after.err" >&2; fail "the settings after a restart"; }
if [ -f "$d/after/day.json" ]; then
  allowed=" $(for k in $(seq 1 10); do TZ=Asia/Shanghai date -d "+$k day" +%-d; done | tr '\n' ' ')"
  for day in $(jq -r '.widgets[] | select(.role == "day" and .enabled) | .id | sub("^calendar\\."; "")' "$d/after/day.json"); do
    [[ "$allowed" == *" $day "* ]] || fail "booking day $day is open beyond the 10-day window"
  done
fi
# Exit to the desktop, now allowed.
scenario staff_exit "$d" && grep -q "exited to the desktop" "$d/staff_exit.err" || fail "exit to the desktop"
audit_has "$d" '"action":"exit_to_desktop","outcome":"ok"' 1

# ---- the outbox: sync now, retry, discard; help requests ----
d="$work/outbox"; mkdir -p "$d"
kiosk_config "$d/kiosk.ini" standard "$port"
printf '[sync]\nheartbeat = 3600\nreference_refresh = 86400\n' >> "$d/kiosk.ini"
echo $PIN | "$kiosk" --data "$d/data" --set-staff-pin > /dev/null || fail "--set-staff-pin"
"$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null || fail "reference sync"
curl -sf -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/admin/reset" > /dev/null
# Behind the kiosk's back, once its sync thread has done its first pass (its heartbeat arrived) and sleeps.
(
  for _ in $(seq 300); do [ "$(admin 'records?type=heartbeat' | jq .count)" -ge 1 ] && break; sleep 0.1; done
  "$writer" "$d/data" 1 help > "$d/writer.out" && "$writer" "$d/data" 1 closed >> "$d/writer.out"
) &
writer_pid=$!
scenario staff_outbox "$d"
wait $writer_pid
token_help=$(awk 'NR == 1 {print $2}' "$d/writer.out")
[ "$(admin 'records?type=help' | jq --arg t "$token_help" '[.items[] | select(.record.screen == $t)] | length')" = 1 ] \
  || fail "the help request did not reach the stub once"
[ "$(admin 'records?type=pledge' | jq .count)" = 0 ] || fail "the closed project's pledge was recorded"
audit_has "$d" '"action":"sync_now","outcome":"requested"' 1
audit_has "$d" '"action":"record_retry","outcome":"ok","detail":"pledge ' 1
audit_has "$d" '"action":"record_discarded","outcome":"ok","detail":"pledge .*(project_closed); reason: 项目已结束"' 1
audit_has "$d" '"action":"help_handled","outcome":"ok"' 1
[ "$(sqlite3 "$d/data/kiosk.db" "SELECT count(*) FROM submissions WHERE kind = 'pledge'")" = 0 ] \
  || fail "the discarded pledge is still in the database"

# ---- idle ----
d="$work/idle"; mkdir -p "$d"
offline_config "$d/kiosk.ini"
echo $PIN | "$kiosk" --data "$d/data" --set-staff-pin > /dev/null || fail "--set-staff-pin"
scenario staff_idle "$d"
audit_has "$d" '"action":"staff_exit","outcome":"idle"' 1
[ -e "$d/data/settings.ini" ] && fail "an abandoned edit was saved"

# ---- fleet settings by heartbeat ----
d="$work/remote"; mkdir -p "$d"
kiosk_config "$d/kiosk.ini" standard "$port"
echo $PIN | "$kiosk" --data "$d/data" --set-staff-pin > /dev/null || fail "--set-staff-pin"
post_settings() {
  curl -s -o "$d/post.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data "$1" "http://127.0.0.1:$port/v1/admin/settings"
}
doc='{"kiosk_id": "k1", "version": 7, "values": {"kiosk.hall_name": "远程设置的大厅名称",
  "kiosk.attract_text": "远程下发的通知", "session.idle_timeout": "5", "backend.secret": "stolen-secret",
  "staff.pin_hash": "x", "kiosk.id": "k9", "nonsense.key": "1"}}'
code=$(post_settings "$doc"); [ "$code" = 200 ] || fail "POST /v1/admin/settings: $code $(cat "$d/post.json")"
code=$(post_settings "$doc"); [ "$code" = 409 ] || fail "the same version again: $code, expected 409"
code=$(post_settings '{"kiosk_id": "k1", "version": 8, "values": {"kiosk.hall_name": 5}}')
[ "$code" = 400 ] || fail "a non-string value: $code, expected 400"
scenario staff_remote "$d"
audit_has "$d" '"action":"remote_settings_applied","outcome":"ok","detail":"version 7: 2 changed, 5 refused"' 1
for key in session.idle_timeout backend.secret staff.pin_hash kiosk.id nonsense.key; do
  audit_has "$d" "\"action\":\"remote_setting_refused\",\"outcome\":\"refused\",\"detail\":\"$key: " 1
done
audit_has "$d" '"action":"setting_changed","outcome":"remote"' 2
grep -qx '; settings_version = 7' "$d/data/settings.ini" || fail "settings.ini does not keep version 7"
grep -rqF stolen-secret "$d/data" && fail "the refused secret was kept"
last=$(admin 'records?type=heartbeat' | jq '[.items[] | select(.kiosk_id == "k1") | .record.settings_version] | max')
[ "$last" = 7 ] || fail "no heartbeat reported settings version 7 (highest: $last)"
hb=$(admin 'records?type=heartbeat' | jq -c '.items[-1].record')
for field in disk_free_bytes db_bytes reference_age_s network_link oldest_pending_age_s uptime_s; do
  echo "$hb" | jq -e "has(\"$field\")" > /dev/null || fail "the heartbeat lacks $field: $hb"
done
printf 'expect "远程设置的大厅名称"\n' > "$d/again.script"
"$kiosk" --headless --data "$d/data" --config "$d/kiosk.ini" --script "$d/again.script" --out "$d/again" 2> "$d/again.err" \
  || fail "the remote settings after a restart"
audit_has "$d" '"action":"remote_settings_applied"' 1

# ---- accessibility of every staff screen; nothing personal anywhere ----
count=0
while IFS= read -r -d '' dump; do
  count=$((count + 1))
  "$check" "$dump" --sweep > /dev/null || { "$check" "$dump" --sweep; fail "accessibility: $dump"; }
done < <(find "$work" -name 'st-*.json' -print0)
[ "$count" -ge 30 ] || fail "the sweep saw only $count staff screens"
for f in "$work"/*/data/audit.log* "$work"/*/*.err "$work"/entry/usb/*.txt; do
  [ -f "$f" ] || continue
  for needle in "$PIN" "$NEW_PIN" 111111 222222 864200 13812345678 陈大文; do
    if grep -q -F -- "$needle" "$f"; then fail "$f holds \"$needle\""; fi
  done
done
exit $status
