#!/usr/bin/env bash
# Outbox integration tests against the backend stub:
#  exactly-once  500 submissions stored while the backend is down, then delivered through faults
#                (30 % errors, 10 % dropped connections, 50 ms latency) with the stub killed and
#                restarted twice during the drain: the backend holds exactly 500, none twice.
#  crash         the writer (storing submissions as the UI does) and the deliverer (kiosk --sync-now)
#                are each killed with SIGKILL at random moments, 24 times; every submission the writer
#                acknowledged reaches the backend exactly once and nothing half-written is left.
#  at-rest       the database and its WAL never hold the test's name, ID number or phone in plain text.
# usage: run_outbox.sh KIOSK STUB OUTBOX_WRITER WORK_DIR
set -u
kiosk=$1 stub=$2 writer=$3 work=$4
rm -rf "$work"; mkdir -p "$work"
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
secret=test-secret-$$ token=admin-$$
pids=()
cleanup() { for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done; }
trap cleanup EXIT

# start_stub DIR PORT [FAULT ARGS...]: starts the stub on PORT (0: any), sets $stub_pid and $port
start_stub() {
  local dir=$1 want=$2; shift 2
  : > "$dir/stub.log"
  "$stub" --listen "127.0.0.1:$want" --db "$dir/stub.db" --seed demo --kiosk "k1:$secret" \
    --admin-token "$token" "$@" >>"$dir/stub.log" 2>&1 &
  stub_pid=$!; pids+=("$stub_pid")
  for _ in $(seq 200); do
    port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$dir/stub.log" | head -n1)
    [ -n "$port" ] && return 0
    kill -0 "$stub_pid" 2>/dev/null || break
    sleep 0.05
  done
  echo "the stub did not start:" >&2; cat "$dir/stub.log" >&2; return 1
}

config() { printf '[kiosk]\nid = k1\n[backend]\nurl = http://127.0.0.1:%s\nsecret = %s\n[log]\nlevel = warn\n' "$2" "$secret" > "$1"; }

admin() { curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/admin/records?type=$1&limit=100000"; }

# drain DIR: kiosk --sync-now until nothing is pending (at most 60 runs)
drain() {
  for _ in $(seq 60); do
    "$kiosk" --data "$1/data" --config "$1/kiosk.ini" --sync-now > "$1/sync.out" 2>>"$1/sync.err" && return 0
    sleep 0.2
  done
  return 1
}

# ---- exactly once under faults, with two stub restarts ----
d="$work/exactly_once"; mkdir -p "$d"
"$writer" "$d/data" 500 mix > "$d/acks" || fail "writer"
[ "$(wc -l < "$d/acks")" -eq 500 ] || fail "500 submissions were not all stored"
start_stub "$d" 0 --error-rate 0.3 --drop-rate 0.1 --latency-ms 50 --fault-seed 7 || exit 1
config "$d/kiosk.ini" "$port"
( drain "$d" ) & drainer=$!
for restart in 1 2; do
  sleep 3
  kill -9 "$stub_pid"; wait "$stub_pid" 2>/dev/null
  start_stub "$d" "$port" --error-rate 0.3 --drop-rate 0.1 --latency-ms 50 --fault-seed "$restart" \
    || fail "stub restart $restart"
done
wait "$drainer" || fail "the outbox did not drain: $(cat "$d/sync.out")"
grep -q '^pending 0$' "$d/sync.out" || fail "pending left: $(cat "$d/sync.out")"
help=$(admin help) pledge=$(admin pledge)
[ "$(jq .count <<<"$help")" = 250 ] || fail "backend holds $(jq .count <<<"$help") help requests, expected 250"
[ "$(jq .count <<<"$pledge")" = 250 ] || fail "backend holds $(jq .count <<<"$pledge") pledges, expected 250"
[ "$(jq -r '.items[].record.screen' <<<"$help" | sort -u | wc -l)" = 250 ] || fail "a help request arrived twice"
diff <(awk '{print $2}' "$d/acks" | grep -v -- '-[0-9]*[13579]$' | sort) \
     <(jq -r '.items[].record.screen' <<<"$help" | sort) > /dev/null || fail "help requests differ from what was stored"
echo "exactly-once: 500 stored, 500 delivered through faults and 2 restarts"

# ---- crash safety: SIGKILL the writer and the deliverer at random moments ----
d="$work/crash"; mkdir -p "$d"
start_stub "$d" 0 || exit 1
config "$d/kiosk.ini" "$port"
: > "$d/acks"
RANDOM=42
for i in $(seq 24); do
  if (( i % 2 )); then
    "$writer" "$d/data" 100000 help >> "$d/acks" 2>>"$d/writer.err" & victim=$!
  else
    "$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now >/dev/null 2>>"$d/sync.err" & victim=$!
  fi
  sleep "0.$(( 5 + RANDOM % 40 ))"
  kill -9 "$victim" 2>/dev/null; wait "$victim" 2>/dev/null
done
drain "$d" || fail "the outbox did not drain after the crashes: $(cat "$d/sync.out")"
grep -q '^rejected 0$' "$d/sync.out" || fail "records were rejected (half-written?): $(cat "$d/sync.out")"
acked=$(grep -c '^ack ' "$d/acks")
help=$(admin help)
jq -r '.items[].record.screen' <<<"$help" | sort > "$d/delivered"
[ "$(sort -u "$d/delivered" | wc -l)" = "$(wc -l < "$d/delivered")" ] || fail "a submission arrived twice"
missing=$(comm -23 <(awk '/^ack /{print $2}' "$d/acks" | sort) "$d/delivered" | wc -l)
[ "$missing" = 0 ] || fail "$missing acknowledged submissions never reached the backend"
[ "$acked" -ge 100 ] || fail "only $acked submissions were acknowledged: the test did too little"
echo "crash: $acked acknowledged across 24 kills, all delivered exactly once ($(wc -l < "$d/delivered") at the backend)"

# ---- personal data at rest ----
for f in "$work"/*/data/kiosk.db "$work"/*/data/kiosk.db-wal; do
  [ -f "$f" ] || continue
  for needle in 陈大文 13812345678; do
    if grep -q -a -F "$needle" "$f"; then fail "$f holds \"$needle\" in plain text"; fi
  done
done
echo "at rest: no name or phone in plain text"
exit $status
