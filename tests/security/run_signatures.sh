#!/usr/bin/env bash
# Security: the backend stub refuses requests without a valid signature (backend-stub/API.md,
# "Authentication"), and a replayed request creates nothing.
# A signed request made here (the contract's HMAC-SHA256 with openssl) is accepted first, so the
# refusals below are about what was changed, not about a signer that never worked:
#   no signature headers, each header missing, an unknown kiosk, a wrong secret, one hex digit of the
#   signature changed, the path or the query changed after signing, the body changed after signing,
#   the method changed, a timestamp 330 s old or ahead (the window is 300 s; the margin covers a slow
#   machine), a timestamp that is not a number → 401 with the contract's code, nothing created;
#   a signed POST replayed as it is (same Idempotency-Key) → the first answer again, nothing created;
#   replayed with another Idempotency-Key (which the signature covers, as the last line of the string
#   to sign) → 401 bad_signature, nothing created: one booking at the backend.
# usage: run_signatures.sh STUB SOURCE_DIR WORK_DIR
set -u
stub=$1 src=$2 work=$3
rm -rf "$work"; mkdir -p "$work"
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
secret=sig-$$ token=admin-$$
. "$src/tests/integration/stub.sh"
start_stub || exit 1
base=http://127.0.0.1:$port

# sign SECRET METHOD TARGET TIMESTAMP BODY [KEY]: the contract's signature; a non-empty KEY (the
# Idempotency-Key as sent) is its last line.
sign() {
  local hash
  hash=$(printf '%s' "$5" | sha256sum | cut -d' ' -f1)
  if [ -n "${6:-}" ]; then
    printf '%s\n%s\n%s\n%s\n%s' "$2" "$3" "$4" "$hash" "$6"
  else
    printf '%s\n%s\n%s\n%s' "$2" "$3" "$4" "$hash"
  fi | openssl dgst -sha256 -hmac "$1" -r | cut -d' ' -f1
}

# send METHOD TARGET BODY [curl args...]: prints "STATUS CODE" (CODE: the error code or -), body in $work/last.
send() {
  local method=$1 target=$2 body=$3
  shift 3
  local args=(-s -o "$work/last" -w '%{http_code}' -X "$method" "$@")
  [ "$method" = POST ] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
  local code
  code=$(curl "${args[@]}" "$base$target")
  printf '%s %s\n' "$code" "$(jq -r '.error.code // "-"' "$work/last" 2>/dev/null || echo -)"
}

# signed METHOD TARGET BODY [overrides: kiosk=… secret=… ts=… sig=… sign_target=… sign_body=… sign_method=… key=… drop=HEADER]
# A POST sends key (a fresh UUID when not given), and is signed with it.
signed() {
  local method=$1 target=$2 body=$3
  shift 3
  local kiosk=k1 sec=$secret ts sig="" sign_target=$target sign_body=$body sign_method=$method key="" drop=""
  ts=$(date +%s)
  for kv in "$@"; do
    case $kv in
      kiosk=*) kiosk=${kv#kiosk=} ;; secret=*) sec=${kv#secret=} ;; ts=*) ts=${kv#ts=} ;;
      sig=*) sig=${kv#sig=} ;; sign_target=*) sign_target=${kv#sign_target=} ;; sign_body=*) sign_body=${kv#sign_body=} ;;
      sign_method=*) sign_method=${kv#sign_method=} ;; key=*) key=${kv#key=} ;; drop=*) drop=${kv#drop=} ;;
    esac
  done
  if [ "$method" = POST ] && [ -z "$key" ]; then key=$(cat /proc/sys/kernel/random/uuid); fi
  [ -n "$sig" ] || sig=$(sign "$sec" "$sign_method" "$sign_target" "$ts" "$sign_body" "$key")
  local h=()
  [ "$drop" = X-Kiosk-Id ] || h+=(-H "X-Kiosk-Id: $kiosk")
  [ "$drop" = X-Timestamp ] || h+=(-H "X-Timestamp: $ts")
  [ "$drop" = X-Signature ] || h+=(-H "X-Signature: $sig")
  if [ "$method" = POST ]; then h+=(-H "Idempotency-Key: $key"); fi
  send "$method" "$target" "$body" "${h[@]}"
}

expect() { # expect WHAT GOT WANT[|WANT…]
  [[ "|$3|" == *"|$2|"* ]] || fail "$1: got \"$2\", expected \"$3\""
}
admin_count() {
  curl -sf -H "Authorization: Bearer $token" "$base/v1/admin/records?type=$1" | jq .count
}

# The signer is right: a signed GET and a signed POST are accepted.
expect "signed GET" "$(signed GET /v1/services '')" "200 -"
expect "signed heartbeat" "$(signed POST /v1/heartbeat '{"app_version":"0.1.0","uptime_s":1}')" "200 -"

# Refusals of a GET.
expect "no signature headers" "$(send GET /v1/services '')" "401 unauthenticated"
expect "no X-Signature" "$(signed GET /v1/services '' drop=X-Signature)" "401 unauthenticated"
expect "no X-Timestamp" "$(signed GET /v1/services '' drop=X-Timestamp)" "401 unauthenticated"
expect "no X-Kiosk-Id" "$(signed GET /v1/services '' drop=X-Kiosk-Id)" "401 unauthenticated"
# The contract allows either code where telling them apart would tell an attacker which part was wrong.
expect "unknown kiosk" "$(signed GET /v1/services '' kiosk=k9)" "401 unauthenticated|401 bad_signature"
expect "wrong secret" "$(signed GET /v1/services '' secret=not-the-secret)" "401 bad_signature"
ts=$(date +%s)
good=$(sign "$secret" GET /v1/services "$ts" '')
if [ "${good:0:1}" = 0 ]; then tampered=1${good:1}; else tampered=0${good:1}; fi
expect "one hex digit changed" "$(signed GET /v1/services '' ts="$ts" sig="$tampered")" "401 bad_signature"
expect "the same, unchanged" "$(signed GET /v1/services '' ts="$ts" sig="$good")" "200 -"
expect "signature not hex" "$(signed GET /v1/services '' sig=zz)" "401 bad_signature"
expect "path changed" "$(signed GET /v1/offices '' sign_target=/v1/services)" "401 bad_signature"
expect "query changed" "$(signed GET '/v1/slots?service=marriage_registration&office=jh_marriage_registry' '' \
  sign_target='/v1/slots?service=marriage_registration&office=waihai_street')" "401 bad_signature"
expect "method changed" "$(signed GET /v1/services '' sign_method=POST)" "401 bad_signature"
now=$(date +%s)
expect "timestamp 330 s old" "$(signed GET /v1/services '' ts=$((now - 330)))" "401 stale_timestamp"
expect "timestamp 330 s ahead" "$(signed GET /v1/services '' ts=$((now + 330)))" "401 stale_timestamp"
expect "timestamp not a number" "$(signed GET /v1/services '' ts=soon)" "401 unauthenticated|401 bad_signature|401 stale_timestamp"

# Refusals of a POST that would create a booking: nothing is created.
slot=$(signed GET '/v1/slots?service=marriage_registration&office=jh_marriage_registry' '' >/dev/null;
       jq '[.items[] | select(.bookable and .free > 0)][0].id' "$work/last")
booking="{\"service\":\"marriage_registration\",\"office\":\"jh_marriage_registry\",\"slot_id\":$slot,\"phone\":\"13912345678\",\"parties\":[{\"name\":\"陈大文\",\"id_number\":\"440704199005060018\"},{\"name\":\"李美玲\",\"id_number\":\"440704199203040026\"}]}"
other=${booking/13912345678/13812345678}
expect "body changed after signing" "$(signed POST /v1/bookings "$other" sign_body="$booking")" "401 bad_signature"
expect "booking signed 330 s ago" "$(signed POST /v1/bookings "$booking" ts=$((now - 330)))" "401 stale_timestamp"
expect "booking unsigned" "$(send POST /v1/bookings "$booking" -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)")" \
  "401 unauthenticated"
expect "bookings after the refusals" "$(admin_count booking)" 0

# A replay of a captured request (same headers, same body, inside the window).
key=$(cat /proc/sys/kernel/random/uuid)
ts=$(date +%s)
sig=$(sign "$secret" POST /v1/bookings "$ts" "$booking" "$key")
expect "the booking" "$(signed POST /v1/bookings "$booking" ts="$ts" sig="$sig" key="$key")" "201 -"
first=$(cat "$work/last")
expect "replayed as it is" "$(signed POST /v1/bookings "$booking" ts="$ts" sig="$sig" key="$key")" "201 -"
[ "$(cat "$work/last")" = "$first" ] || fail "the replay got another answer than the first"
expect "replayed with another Idempotency-Key" \
  "$(signed POST /v1/bookings "$booking" ts="$ts" sig="$sig" key="$(cat /proc/sys/kernel/random/uuid)")" \
  "401 bad_signature"
expect "bookings after the replays" "$(admin_count booking)" 1
echo "signatures: $( [ $status = 0 ] && echo "every tampered, missing, stale or replayed request refused" || echo "failures above")"
exit $status
