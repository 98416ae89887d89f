#!/usr/bin/env bash
# Refreshes the "stub-*" seeds in fuzz/corpus/ from the backend stub's demo data: real answers of the
# contract (backend-stub/API.md), trimmed with jq to a few items so each target's seeds stay a few KB.
# The hand-made seeds beside them are kept as they are. Run after the contract changes, then review
# and commit what changed.
# usage: fuzz/seeds_from_stub.sh BACKEND_STUB    (e.g. build/dev/backend-stub/backend-stub)
set -euo pipefail
stub=$1
here=$(cd "$(dirname "$0")" && pwd)
corpus=$here/corpus
work=$(mktemp -d)
secret=seed-secret kiosk=seed-kiosk admin=seed-admin
"$stub" --listen 127.0.0.1:0 --db "$work/stub.db" --seed demo --kiosk "$kiosk:$secret" --admin-token "$admin" \
  >"$work/stub.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
port=""
for _ in $(seq 100); do
  port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/stub.log" | head -n1)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { cat "$work/stub.log" >&2; exit 1; }
base=http://127.0.0.1:$port

# call METHOD PATH [BODY]: a signed request as the kiosk makes it (a POST's Idempotency-Key is the
# last line of the string to sign); prints the body.
call() {
  local method=$1 path=$2 body=${3:-} ts sig hash key=""
  ts=$(date +%s)
  hash=$(printf '%s' "$body" | sha256sum | cut -d' ' -f1)
  if [ "$method" = POST ]; then
    key=$(cat /proc/sys/kernel/random/uuid)
    sig=$(printf '%s\n%s\n%s\n%s\n%s' "$method" "$path" "$ts" "$hash" "$key" |
      openssl dgst -sha256 -hmac "$secret" -r | cut -d' ' -f1)
  else
    sig=$(printf '%s\n%s\n%s\n%s' "$method" "$path" "$ts" "$hash" | openssl dgst -sha256 -hmac "$secret" -r | cut -d' ' -f1)
  fi
  local args=(-sS -X "$method" -H "X-Kiosk-Id: $kiosk" -H "X-Timestamp: $ts" -H "X-Signature: $sig")
  if [ "$method" = POST ]; then
    args+=(-H "Content-Type: application/json" -H "Idempotency-Key: $key" --data-binary "$body")
  fi
  curl "${args[@]}" "$base$path"
}

# seed TARGET NAME PREFIX PARTS...: the printf-escaped PREFIX bytes (a target's parameter bytes),
# then the parts joined by NUL bytes (fuzz_common.h's fuzz_parts_split).
seed() {
  local target=$1 name=$2 prefix=$3
  shift 3
  mkdir -p "$corpus/$target"
  {
    printf "$prefix"
    local first=1
    for part in "$@"; do
      [ $first = 1 ] || printf '\0'
      printf '%s' "$part"
      first=0
    done
  } >"$corpus/$target/stub-$name"
}

services=$(call GET /v1/services | jq -c '.items |= .[:3]')
offices=$(call GET /v1/offices | jq -c '.items |= .[:2]')
slots_full=$(call GET "/v1/slots?service=marriage_registration&office=jh_marriage_registry")
slots=$(jq -c '.items |= .[:4]' <<<"$slots_full")
programmes=$(call GET /v1/programmes | jq -c '.items |= [.[] | select(.id == "dibao" or .id == "disability_subsidies")]')
projects=$(call GET /v1/projects | jq -c '.items |= .[:2]')
texts=$(call GET /v1/texts)
seed fuzz_booking_catalog demo "" "$services" "$offices" "$slots"
seed fuzz_assistance demo '\x02\x03\x84\x06\x02\x00' "$programmes" "$texts"
seed fuzz_charity_catalog demo "" "$projects" "$texts"
seed fuzz_application_status rejected "" \
  "$(call POST /v1/assistance/status '{"id_number":"440704196501010016","application_number":"JHJZ2026-0005"}')"
seed fuzz_application_status due "" \
  "$(call POST /v1/assistance/status '{"id_number":"440704194503150013","phone":"13800000008"}')"

# A booking on the first bookable slot, then its lookup and a refusal.
slot=$(jq '[.items[] | select(.bookable and .free > 0)][0].id' <<<"$slots_full")
booking=$(call POST /v1/bookings "{\"service\":\"marriage_registration\",\"office\":\"jh_marriage_registry\",\"slot_id\":$slot,\"phone\":\"13912345678\",\"language\":\"zh-Hans\",\"parties\":[{\"name\":\"陈大文\",\"id_type\":\"resident_id\",\"id_number\":\"440704199005060018\"},{\"name\":\"李美玲\",\"id_type\":\"resident_id\",\"id_number\":\"440704199203040026\"}]}")
reference=$(jq -r .reference <<<"$booking")
seed fuzz_lookup_answer booked "" "$(call POST /v1/bookings/lookup "{\"reference\":\"$reference\",\"id_number\":\"440704199005060018\"}")"
seed fuzz_lookup_answer cancelled "" "$(call POST /v1/bookings/cancel "{\"reference\":\"$reference\",\"id_number\":\"440704199005060018\"}")"
seed fuzz_sync_answers booking '\x11\x00' "$booking"
seed fuzz_sync_answers refused '\x09\x00' "$(call POST /v1/bookings '{"service":"marriage_registration"}')"
seed fuzz_sync_answers offices '\x00\x00' "$offices"
curl -sS -X POST -H "Authorization: Bearer $admin" --data-binary \
  "{\"kiosk_id\":\"$kiosk\",\"version\":4,\"values\":{\"kiosk.hall_name\":\"江海区婚姻登记处\",\"session.idle_timeout\":\"90\",\"backend.secret\":\"x\"}}" \
  "$base/v1/admin/settings" >/dev/null
heartbeat=$(call POST /v1/heartbeat '{"app_version":"0.1.0","uptime_s":60,"settings_version":1}')
seed fuzz_sync_answers heartbeat '\x00\x01' "$heartbeat"
seed fuzz_remote_settings heartbeat "" "" "$(jq -c .settings <<<"$heartbeat")"
echo "seeds written under $corpus (stub-*)"
