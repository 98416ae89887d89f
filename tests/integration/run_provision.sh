#!/usr/bin/env bash
# `kiosk --provision` against the stub, on a copy of the packaged default configuration (mode 0640):
#  - the secret and the staff PIN from standard input: the file keeps its comments and mode, the keys
#    are set in place, --check-config reads them back, the secret is never printed, the PIN's hash
#    is in DATA/staff.pin (0600), and the stub received one signed heartbeat marked "provisioning";
#  - each failure said exactly, exit 3 with the values kept: a wrong secret (401 bad_signature), a
#    clock 20 minutes off (401 stale_timestamp), nothing listening (no connection), TLS to a plain
#    HTTP server (TLS handshake), a self-signed server without its CA (certificate not verified), a CA
#    file that is not a CA bundle;
#  - refused before anything changes, exit 2: a URL without http(s), a short PIN, a secret the INI
#    syntax would cut, a missing CA file, --staff-pin with a value, unknown options.
# usage: run_provision.sh KIOSK STUB DEFAULT_CONFIG WORK_DIR
set -u
kiosk=$1 stub=$2 default_config=$3 work=$4
rm -rf "$work"; mkdir -p "$work"
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
secret=provision-$$-secret token=admin-$$
. "$(dirname "$0")/stub.sh"
start_stub || exit 1
cfg="$work/kiosk.ini" data="$work/data"
cp "$default_config" "$cfg"; chmod 0640 "$cfg"
url="http://127.0.0.1:$port"
prov() { "$kiosk" --provision --config "$cfg" "$@"; }

# 1. Success.
printf '%s\n123456\n' "$secret" | prov --data "$data" --id k1 --backend "$url" --secret - --staff-pin - \
  > "$work/ok.out" 2> "$work/ok.err"
rc=$?
[ $rc = 0 ] || { cat "$work/ok.out" "$work/ok.err" >&2; fail "provisioning exited $rc, expected 0"; }
grep -q "^  \[kiosk\] id = k1$" "$work/ok.out" || fail "the id is not reported"
grep -q "^  \[backend\] url = $url$" "$work/ok.out" || fail "the URL is not reported"
grep -q "^  \[backend\] secret = (set: ${#secret} characters, not shown)$" "$work/ok.out" || fail "the secret is not reported masked"
grep -q "staff PIN set" "$work/ok.out" || fail "the PIN is not reported"
grep -q "^backend check: OK" "$work/ok.out" || fail "no successful backend check"
if grep -q -- "$secret" "$work/ok.out" "$work/ok.err"; then fail "the secret was printed"; fi
[ "$(stat -c %a "$cfg")" = 640 ] || fail "the configuration's mode changed to $(stat -c %a "$cfg")"
grep -q "^id = k1$" "$cfg" && grep -q "^secret = $secret$" "$cfg" && grep -q "^url = $url$" "$cfg" \
  || fail "the keys are not set in the file"
grep -q "^; id = unprovisioned$" "$cfg" && fail "the commented default of id is still there"
grep -q "^; Kiosk identity known to the backend" "$cfg" || fail "the help comment above id is gone"
[ "$(grep -c '^\[kiosk\]$' "$cfg")" = 1 ] || fail "[kiosk] appears more than once"
"$kiosk" --check-config --config "$cfg" > "$work/check.out" || fail "--check-config refuses the provisioned file"
grep -q "^id = k1$" "$work/check.out" || fail "--check-config does not read the id back"
grep -q "^secret = (set, not shown)$" "$work/check.out" || fail "--check-config does not see the secret"
[ "$(stat -c %a "$data/staff.pin" 2> /dev/null)" = 600 ] || fail "no staff.pin of mode 0600"
beats=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/admin/records?type=heartbeat")
[ "$(echo "$beats" | jq '[.items[] | select(.kiosk_id == "k1" and .record.provisioning == true)] | length')" = 1 ] \
  || fail "the stub did not record one provisioning heartbeat from k1: $beats"
ls "$work" | grep -q '\.tmp-' && fail "a temporary file was left beside the configuration"

# Staff changed the backend address on this kiosk (settings.ini wins over the file): said.
printf '[backend]\nurl = http://127.0.0.1:9\n' > "$data/settings.ini"
prov --data "$data" --backend "$url" > "$work/override.out" 2> "$work/override.err" || fail "provisioning with an override"
grep -q "settings.ini .* sets \[backend\] url = http://127.0.0.1:9, which wins" "$work/override.err" \
  || { cat "$work/override.err" >&2; fail "the staff override of the URL is not reported"; }
rm "$data/settings.ini"

# 2. Failures of the check: said exactly, exit 3, the values written.
check_fails() { # check_fails NAME PATTERN ARGS...: exit 3 and PATTERN on stderr
  local name=$1 pattern=$2; shift 2
  "$@" > "$work/$name.out" 2> "$work/$name.err"
  local rc=$?
  [ $rc = 3 ] || fail "$name: exit $rc, expected 3"
  grep -q -- "$pattern" "$work/$name.err" || { cat "$work/$name.err" >&2; fail "$name: \"$pattern\" not said"; }
}
check_fails wrong-secret "401 bad_signature" sh -c "printf 'not-the-secret\n' | \"$kiosk\" --provision --config \"$cfg\" --secret -"
grep -q "^secret = not-the-secret$" "$cfg" || fail "wrong secret: the value was not written"
printf '%s\n' "$secret" | prov --secret - --no-check > /dev/null || fail "setting the secret back"
check_fails clock "401 stale_timestamp" env KIOSK_CLOCK_OFFSET=1200 "$kiosk" --provision --config "$cfg" --id k1
check_fails refused "no connection to the backend" "$kiosk" --provision --config "$cfg" --backend http://127.0.0.1:1
check_fails tls "TLS handshake failed" "$kiosk" --provision --config "$cfg" --backend "https://127.0.0.1:$port"
# A TLS server whose certificate no CA of the system signed (the usual mistake: the hall's own CA not
# given), then a CA file that is not a PEM bundle.
if command -v openssl > /dev/null 2>&1 &&
   openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/tls.key" -out "$work/tls.crt" -days 2 \
     -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 > /dev/null 2>&1; then
  openssl s_server -accept 127.0.0.1:0 -cert "$work/tls.crt" -key "$work/tls.key" -www > "$work/tls.log" 2>&1 &
  tls_pid=$!
  trap 'kill $stub_pid $tls_pid 2>/dev/null' EXIT
  tls_port=""
  for _ in $(seq 100); do
    tls_port=$(sed -n 's/^ACCEPT 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/tls.log" | head -n1)
    [ -n "$tls_port" ] && break
    sleep 0.05
  done
  check_fails unverified "certificate could not be verified" "$kiosk" --provision --config "$cfg" \
    --backend "https://127.0.0.1:$tls_port"
  printf 'not a certificate\n' > "$work/bad-ca.pem"
  check_fails bad-ca "CA file cannot be read or is not a PEM bundle" "$kiosk" --provision --config "$cfg" \
    --ca-file "$work/bad-ca.pem"
  kill "$tls_pid"
else
  echo "note: openssl missing, the certificate checks were not run" >&2
fi
prov --backend "$url" --ca-file "" --no-check > /dev/null || fail "setting the URL back"

# 3. Refused before anything changes: exit 2, the file byte for byte as before.
before=$(sha256sum < "$cfg")
refused() { # refused NAME PATTERN ARGS...
  local name=$1 pattern=$2; shift 2
  "$@" > "$work/$name.out" 2> "$work/$name.err" < "${stdin:-/dev/null}"
  local rc=$?
  [ $rc = 2 ] || fail "$name: exit $rc, expected 2"
  grep -q -- "$pattern" "$work/$name.err" || { cat "$work/$name.err" >&2; fail "$name: \"$pattern\" not said"; }
  [ "$(sha256sum < "$cfg")" = "$before" ] || fail "$name: the configuration changed"
}
refused bad-url "must start with https://" "$kiosk" --provision --config "$cfg" --backend ftp://x
printf '%s\n12\n' "$secret" > "$work/short-pin"
stdin="$work/short-pin" refused short-pin "6 to 12 digits" "$kiosk" --provision --config "$cfg" --data "$data" \
  --id other --secret - --staff-pin -
printf 'abc ;def\n' > "$work/cut-secret"
stdin="$work/cut-secret" refused cut-secret "read back" "$kiosk" --provision --config "$cfg" --secret -
refused no-ca "No such file" "$kiosk" --provision --config "$cfg" --ca-file "$work/absent.pem"
refused pin-arg "only \"-\"" "$kiosk" --provision --config "$cfg" --data "$data" --staff-pin 123456
refused unknown "unknown option" "$kiosk" --provision --config "$cfg" --colour red
refused nothing "nothing to set" "$kiosk" --provision --config "$cfg"
[ "$(stat -c %a "$cfg")" = 640 ] || fail "the configuration's mode changed"
exit $status
