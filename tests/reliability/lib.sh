# Shared by the reliability scripts (source it): a results table, the backend stub on a port that
# survives restarts, the stub's admin records, the kiosk's configuration and outbox drain, and the
# check that every reference a visitor was given reached the backend exactly once.
# Needs $kiosk, $stub, $work; sets $port, $stub_pid, $secret, $token.

secret=reliability-$$ token=admin-$$
results=${RELIABILITY_RESULTS:-$work/results.tsv}
stub_pids=()

# row CASE WHAT OUTCOME VERDICT: one line of the table run.sh prints (tab-separated).
row() {
  printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >> "$results"
  printf '%-4s %s: %s\n' "$4" "$1" "$3" >&2
}

stop_stubs() { for p in "${stub_pids[@]}"; do kill -9 "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; stub_pids=(); }

# start_stub DIR PORT [STUB OPTIONS...]: the stub on PORT (0: any free one) with DIR/stub.db and the
# demo data, many places per slot (thousands of bookings), the admin routes; sets $port, $stub_pid.
start_stub() {
  local dir=$1 want=$2; shift 2
  : > "$dir/stub.out"
  "$stub" --listen "127.0.0.1:$want" --db "$dir/stub.db" --seed demo --slot-capacity 100000 \
    --kiosk "k1:$secret" --admin-token "$token" "$@" >> "$dir/stub.out" 2>> "$dir/stub.log" &
  stub_pid=$!; stub_pids+=("$stub_pid")
  for _ in $(seq 400); do
    port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$dir/stub.out" | head -n1)
    [ -n "$port" ] && return 0
    kill -0 "$stub_pid" 2>/dev/null || break
    sleep 0.05
  done
  echo "the stub did not start:" >&2; cat "$dir/stub.log" >&2
  return 1
}

# restart_stub DIR [STUB OPTIONS...]: kills the stub (SIGKILL, as a crash) and starts it again on the
# same port with the options given (none: healthy).
restart_stub() {
  local dir=$1; shift
  kill -9 "$stub_pid" 2>/dev/null; wait "$stub_pid" 2>/dev/null
  local keep=$port
  for _ in $(seq 50); do  # the port may take a moment to be free again
    start_stub "$dir" "$keep" "$@" && return 0
    sleep 0.1
  done
  return 1
}

# kiosk_ini FILE [THEME]: the kiosk's configuration for the stub on $port.
kiosk_ini() {
  printf '[kiosk]\nid = k1\ntheme = %s\n[backend]\nurl = http://127.0.0.1:%s\nsecret = %s\n[log]\nlevel = %s\n' \
    "${2:-standard}" "$port" "$secret" "${KIOSK_LOG_LEVEL:-info}" > "$1"
}

# admin TYPE: the stub's records of a type (booking, pledge, withdrawal, help), as JSON.
admin() { curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/admin/records?type=$1&limit=100000"; }

# drain DATA CONFIG OUT: `kiosk --sync-now` until nothing is pending (at most 30 passes); its last
# counts in OUT ("pending 0" …).
drain() {
  for _ in $(seq 30); do
    "$kiosk" --data "$1" --config "$2" --sync-now > "$3" 2>> "$3.err" && return 0
    sleep 0.3
  done
  return 1
}

# outbox_state OUT: "delivered D, pending P, rejected R, needs_rebooking N" from a drain's counts;
# true when nothing is pending or stopped.
outbox_clean() {
  grep -q '^pending 0$' "$1" && grep -q '^rejected 0$' "$1" && grep -q '^needs_rebooking 0$' "$1"
}
outbox_state() { tr '\n' ' ' < "$1" | sed 's/ $//'; }

# acks DIR: every reference a visitor was shown on a done screen, from the sNNNNN-done.json dumps
# under DIR, one "KIND REFERENCE" a line: "booking JH-1A2B3C4D" (the kiosk's receipt number, the
# first 8 digits of the submission's idempotency key), "booking BK-…" (the backend's, once
# confirmed) or "pledge JC-…" (the pledge's kiosk reference, which the backend keeps; a confirmed
# pledge shows it beside the backend's PL-…).
acks() {
  local f
  for f in "$1"/s*-done.json; do
    [ -f "$f" ] || continue
    jq -r '.widgets[] | select(.id == "done.reference" or .id == "charity.done.reference" or
                               .id == "charity.done.kiosk_reference") |
           .text | capture("(?<r>(JH|BK|JC)-[0-9A-Z]{8})").r // empty |
           (if startswith("JC-") then "pledge " else "booking " end) + .' "$f" 2>/dev/null
  done
}

# check_acks DIR OUT_PREFIX: every acknowledged reference in DIR's dumps reached the stub exactly
# once, and no record at the stub came from the same idempotency key twice. Writes the details to
# OUT_PREFIX.* and prints "N acknowledged, all delivered once" or what is wrong; false on a problem.
check_acks() {
  local dir=$1 out=$2 problems=0
  acks "$dir" | sort > "$out.acks"
  admin booking > "$out.bookings.json" && admin pledge > "$out.pledges.json" || { echo "the stub did not answer"; return 1; }
  # per booking record: its reference and the first 8 digits of its key (upper case), one a line
  jq -r '.items[] | "\(.record.reference) JH-\((.idempotency_key // "?")[0:8] | ascii_upcase)"' \
    "$out.bookings.json" > "$out.booking_refs"
  jq -r '.items[] | .record.kiosk_reference // "?"' "$out.pledges.json" > "$out.pledge_refs"
  local n=0 kind ref count
  while read -r kind ref; do
    n=$((n + 1))
    if [ "$kind" = booking ]; then
      count=$(tr ' ' '\n' < "$out.booking_refs" | grep -cx -- "$ref")
    else
      count=$(grep -cx -- "$ref" "$out.pledge_refs")
    fi
    if [ "$count" != 1 ]; then
      echo "$kind $ref: $count times at the backend" >> "$out.problems"; problems=$((problems + 1))
    fi
  done < "$out.acks"
  local dup
  dup=$(jq -r '.items[].idempotency_key // "none"' "$out.bookings.json" "$out.pledges.json" | sort | uniq -d | head -n3)
  if [ -n "$dup" ]; then
    echo "records share an idempotency key (or have none): $dup" >> "$out.problems"; problems=$((problems + 1))
  fi
  if [ "$problems" -gt 0 ]; then
    echo "$problems problems: $(head -n3 "$out.problems" | tr '\n' ';')"
    return 1
  fi
  echo "$n acknowledged, each at the backend once"
}

# screens_clear DIR: every lookup dump (sNNNNN-lookup.json) shows an answer or a sentence, and every
# done dump a status and a reference, never a spinner left turning; prints what is wrong.
screens_clear() {
  local f bad=0
  for f in "$1"/s*-lookup.json; do
    [ -f "$f" ] || continue
    jq -e '(.screen == "assist.status_result") or
           (.screen == "assist.status" and any(.widgets[]; .id == "assist.status.message" and (.text | length) > 0)
            and all(.widgets[]; .id != "assist.status.spinner"))' "$f" > /dev/null \
      || { echo "$(basename "$f"): $(jq -c '[.screen, [.widgets[] | select(.role == "status" or (.id | test("message|spinner"))) | .id]]' "$f")"; bad=1; }
  done
  for f in "$1"/s*-done.json; do
    [ -f "$f" ] || continue
    jq -e 'any(.widgets[]; (.id == "done.status" or .id == "charity.done.status") and (.text | length) > 0)
           and all(.widgets[]; .id != "done.spinner" and .id != "charity.done.spinner")' "$f" > /dev/null \
      || { echo "$(basename "$f"): no status, or still waiting"; bad=1; }
  done
  return $bad
}
