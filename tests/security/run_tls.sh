#!/usr/bin/env bash
# Security: TLS verification is on by default. The stub serves HTTPS with a certificate signed by a CA
# made here (openssl; the certificate names 127.0.0.1), and a kiosk with one pending submission syncs
# against it (kiosk --sync-now):
#   - with the default configuration (no [backend] ca_file): the certificate is refused, nothing
#     reaches the backend, the submission stays pending (exit 3);
#   - with a certificate for another host signed by the same CA, even with the CA configured: refused;
#   - with [backend] ca_file naming the CA: delivered (exit 0), the backend holds it.
# usage: run_tls.sh KIOSK STUB OUTBOX_WRITER SOURCE_DIR WORK_DIR
set -u
kiosk=$1 stub=$2 writer=$3 src=$4 work=$5
rm -rf "$work"; mkdir -p "$work"
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
secret=tls-$$ token=admin-$$

# A CA, a server certificate for 127.0.0.1 and one for another name, both signed by it.
pki=$work/pki
mkdir -p "$pki"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Kiosk test CA $$" -keyout "$pki/ca.key" \
  -out "$pki/ca.pem" 2>/dev/null || { echo "FAIL: openssl cannot make a CA" >&2; exit 1; }
for name in good:IP:127.0.0.1 other:DNS:backend.example; do
  n=${name%%:*} san=${name#*:}
  openssl req -newkey rsa:2048 -nodes -subj "/CN=${san#*:}" -keyout "$pki/$n.key" -out "$pki/$n.csr" 2>/dev/null
  printf 'subjectAltName=%s\n' "$san" > "$pki/$n.ext"
  openssl x509 -req -in "$pki/$n.csr" -CA "$pki/ca.pem" -CAkey "$pki/ca.key" -CAcreateserial -days 2 \
    -extfile "$pki/$n.ext" -out "$pki/$n.pem" 2>/dev/null || fail "openssl cannot sign the $n certificate"
done

# https_stub CERT: a stub serving HTTPS with that certificate (replaces the one running).
stub_pid=""
https_stub() {
  [ -n "$stub_pid" ] && { kill "$stub_pid" 2>/dev/null; wait "$stub_pid" 2>/dev/null; }
  "$stub" --listen 127.0.0.1:0 --db "$work/stub.db" --seed demo --kiosk "k1:$secret" --admin-token "$token" \
    --tls-cert "$pki/$1.pem" --tls-key "$pki/$1.key" > "$work/stub-$1.log" 2>&1 &
  stub_pid=$!
  port=""
  for _ in $(seq 100); do
    port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\) (https)$/\1/p' "$work/stub-$1.log" | head -n1)
    [ -n "$port" ] && return 0
    kill -0 "$stub_pid" 2>/dev/null || break
    sleep 0.05
  done
  cat "$work/stub-$1.log" >&2
  return 1
}
trap '[ -n "$stub_pid" ] && kill $stub_pid 2>/dev/null' EXIT
# What the backend holds (the test's own look, so it does not check the certificate: -k).
help_count() {
  curl -sfk -H "Authorization: Bearer $token" \
    "https://127.0.0.1:$port/v1/admin/records?type=help" | jq .count
}

# sync NAME CA_FILE: one pass of a kiosk with one pending help request; prints the exit status.
sync() {
  local d="$work/$1"
  mkdir -p "$d"
  printf '[kiosk]\nid = k1\n[backend]\nurl = https://127.0.0.1:%s\nsecret = %s\nca_file = %s\n' \
    "$port" "$secret" "$2" > "$d/kiosk.ini"
  [ -d "$d/data" ] || "$writer" "$d/data" 1 help > /dev/null || fail "$1: cannot store a submission"
  "$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > "$d/sync.out" 2> "$d/sync.err"
  echo $?
}

https_stub good || exit 1
rc=$(sync default "")
[ "$rc" = 3 ] || fail "default configuration: --sync-now exited $rc, expected 3 (the certificate refused)"
grep -q '^pending 1$' "$work/default/sync.out" || fail "default configuration: $(cat "$work/default/sync.out")"
[ "$(help_count)" = 0 ] || fail "default configuration: the backend received the submission"

https_stub other || exit 1
rc=$(sync wrong_host "$pki/ca.pem")
[ "$rc" = 3 ] || fail "a certificate for another host: --sync-now exited $rc, expected 3"
[ "$(help_count)" = 0 ] || fail "a certificate for another host: the backend received the submission"

https_stub good || exit 1
rc=$(sync default "$pki/ca.pem")
[ "$rc" = 0 ] || fail "with the CA configured: --sync-now exited $rc, expected 0: $(cat "$work/default/sync.err")"
grep -q '^delivered 1$' "$work/default/sync.out" || fail "with the CA configured: $(cat "$work/default/sync.out")"
[ "$(help_count)" = 1 ] || fail "with the CA configured: the backend holds $(help_count) submissions, expected 1"
[ $status = 0 ] && echo "tls: the self-signed endpoint is refused by default and for another host, accepted with its CA"
exit $status
