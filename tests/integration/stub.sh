# Shared by the integration scripts (source it): starts the backend stub on a free loopback port with
# demo data, one kiosk (k1 with $secret) and an admin token ($token), and stops it when the script
# exits. Sets $port and $stub_pid. Needs $stub, $work, $secret and $token.
start_stub() {
  "$stub" --listen 127.0.0.1:0 --db "$work/stub.db" --seed demo --kiosk "k1:$secret" --admin-token "$token" "$@" \
    > "$work/stub.log" 2>&1 &
  stub_pid=$!
  trap 'kill $stub_pid 2>/dev/null' EXIT
  port=""
  for _ in $(seq 100); do
    port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/stub.log" | head -n1)
    [ -n "$port" ] && return 0
    kill -0 "$stub_pid" 2>/dev/null || break
    sleep 0.05
  done
  cat "$work/stub.log" >&2
  return 1
}

# kiosk_config FILE THEME PORT: a kiosk configuration for the stub.
kiosk_config() {
  printf '[kiosk]\nid = k1\ntheme = %s\n[backend]\nurl = http://127.0.0.1:%s\nsecret = %s\n[log]\nlevel = warn\n' \
    "$2" "$3" "$secret" > "$1"
}
