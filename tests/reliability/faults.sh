#!/usr/bin/env bash
# The fault matrix: visitor sessions (tests/tools/soak_script.c --faults) against a backend that
# fails in every way the stub can, a kiosk killed in the middle of submissions, a full disk, a
# damaged database, a missing font and no audio device. Every case is judged by its outcome:
#   - nothing acknowledged lost: each reference a visitor was shown on a done screen (the dumps the
#     sessions write) is at the backend exactly once after the outbox drains;
#   - nothing duplicated: no two records at the backend from one idempotency key, no submission
#     stopped as a duplicate, the backend holds exactly what the sessions submitted;
#   - a clear screen: every session's expectations hold, and every lookup ends with an answer or a
#     sentence (never a spinner left turning), every done screen with a status and a reference.
#
# usage: faults.sh KIOSK STUB SOAK_SCRIPT SOURCE_DIR WORK_DIR [--kills N] [--sessions N] [--only LIST]
#   --kills N     SIGKILLs of the kiosk during submissions (default 50)
#   --sessions N  sessions per backend fault (default 12)
#   --only LIST   comma-separated cases: errors,drops,slow,garbage,restarts,mixed,kill,disk,corrupt,font,audio
# Appends its rows to $RELIABILITY_RESULTS (default WORK_DIR/results.tsv); exits 1 on any failure.
set -u
kiosk=$1 stub=$2 gen=$3 src=$4 work=$5; shift 5
kills=50 sessions=12 only=""
while [ $# -gt 0 ]; do
  case $1 in
    --kills) kills=$2; shift 2 ;;
    --sessions) sessions=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    *) echo "faults.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
rm -rf "$work"; mkdir -p "$work"
. "$(dirname "$0")/lib.sh"
mounts=()
cleanup() {
  stop_stubs
  for m in "${mounts[@]}"; do umount "$m" 2>/dev/null; done
}
trap cleanup EXIT
status=0
wanted() { [ -z "$only" ] || [[ ",$only," == *",$1,"* ]]; }
fail_row() { row "$@" FAIL; status=1; }

# What the sessions against a faulty backend do: every kind that submits or asks the backend.
BACKEND_KINDS=pledge,pledge_withdraw,book_reissue,book_marriage,assist_status,book_lookup,assisted

# run_sessions DIR NAME SEED N KINDS [FIRST]: a --faults script of N sessions, headless; its dumps
# in DIR/NAME, its log in DIR/NAME.err; returns the kiosk's exit status.
run_sessions() {
  local d=$1 name=$2 seed=$3 n=$4 kinds=$5 first=${6:-1}
  "$gen" --faults --sessions "$n" --seed "$seed" --first "$first" --kinds "$kinds" --warmup 0 --every 1000000 \
    --summary "$d/$name.summary" > "$d/$name.script" || return 2
  "$kiosk" --headless --data "$d/data" --config "$d/kiosk.ini" --script "$d/$name.script" --out "$d/$name" \
    2> "$d/$name.err"
}

# first_failure FILE: the driver's failing line, or the first sanitizer report, from a kiosk log.
first_failure() { grep -m1 -E '\.script:[0-9]+: |Sanitizer|runtime error' "$1" || tail -n1 "$1"; }

# summary_matches DIR NAME: the backend holds exactly what the sessions submitted; prints the counts.
summary_matches() {
  local ok=0 kind want have out=""
  for kind in booking pledge withdrawal help; do
    want=$(awk -v k="$kind" '$1 == k {print $2}' "$1/$2.summary")
    have=$(admin "$kind" | jq .count)
    out="$out${out:+, }$kind $have/$want"
    [ "$have" = "$want" ] || ok=1
  done
  echo "$out"
  return $ok
}

# answered DIR: how the sessions' submissions and lookups ended for the visitor.
answered() {
  local confirmed provisional lookups offline
  confirmed=$(cat "$1"/s*-done.json 2>/dev/null | jq -r '.widgets[] | select(.id == "done.reference" or .id == "charity.done.reference") | .text' | grep -c -E 'BK-|PL-')
  provisional=$(( $(ls "$1"/s*-done.json 2>/dev/null | wc -l) - confirmed ))
  lookups=$(ls "$1"/s*-lookup.json 2>/dev/null | wc -l)
  offline=$(cat "$1"/s*-lookup.json 2>/dev/null | jq -r '.screen' | grep -c -v status_result)
  echo "$confirmed confirmed at once and $provisional shown as received (provisional); $((lookups - offline)) of $lookups status lookups answered, $offline told it cannot check now"
}

# ---- the backend failing: errors, dropped connections, slowness, garbage, several at once ----
# backend_case NAME WHAT SEED N STUB_FAULT_OPTIONS...: reference data synced while the backend is
# well, then N sessions against the faulty one; then the backend recovers and the outbox drains.
backend_case() {
  local name=$1 what=$2 seed=$3 n=$4; shift 4
  local d="$work/$name"; mkdir -p "$d"
  start_stub "$d" 0 || { fail_row "$name" "$what" "the stub did not start"; return; }
  kiosk_ini "$d/kiosk.ini"
  "$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null 2>&1
  restart_stub "$d" --fault-seed "$seed" "$@" || { fail_row "$name" "$what" "the stub did not restart"; return; }
  local started=$SECONDS
  if ! run_sessions "$d" run "$seed" "$n" "$BACKEND_KINDS"; then
    fail_row "$name" "$what" "a session failed: $(first_failure "$d/run.err")"; stop_stubs; return
  fi
  local took=$((SECONDS - started)) told clear acked counts
  told=$(answered "$d/run")
  clear=$(screens_clear "$d/run") || { fail_row "$name" "$what" "unclear screens: $clear"; stop_stubs; return; }
  restart_stub "$d" || { fail_row "$name" "$what" "the stub did not come back"; return; }
  if ! drain "$d/data" "$d/kiosk.ini" "$d/drain.out" || ! outbox_clean "$d/drain.out"; then
    fail_row "$name" "$what" "the outbox did not drain cleanly: $(outbox_state "$d/drain.out")"; stop_stubs; return
  fi
  acked=$(check_acks "$d/run" "$d/check") || { fail_row "$name" "$what" "$acked"; stop_stubs; return; }
  counts=$(summary_matches "$d" run) || { fail_row "$name" "$what" "the backend holds $counts (have/submitted)"; stop_stubs; return; }
  row "$name" "$what; $n sessions in ${took}s" "every session passed; $told; $acked after recovery ($counts)" PASS
  stop_stubs
}

wanted errors && backend_case errors "the backend answers half of all requests with 500 internal" 101 "$sessions" \
  --error-rate 0.5 --error-status 500
wanted drops && backend_case drops "the backend does the work, then drops the connection unanswered, for half of all requests" \
  102 "$sessions" --drop-rate 0.5
wanted garbage && backend_case garbage "the backend does the work, then answers 200 with a body that is not JSON, for half of all requests" \
  103 "$sessions" --garbage-rate 0.5
wanted mixed && backend_case mixed "503s 20 %, drops 20 %, garbage 10 %, 300 ms latency on every request" 104 "$sessions" \
  --error-rate 0.2 --drop-rate 0.2 --garbage-rate 0.1 --latency-ms 300
# Beyond the kiosk's 15 s timeout: each request is answered (and done) after 16 s, when the kiosk has
# given up; a few sessions only, each lookup waits out the timeout in real time.
wanted slow && backend_case slow "every request answered after 16 s, beyond the kiosk's 15 s timeout (the work done meanwhile)" \
  105 $(( sessions < 4 ? sessions : 4 )) --latency-ms 16000

# ---- the backend restarted (killed) again and again during sessions ----
if wanted restarts; then
  d="$work/restarts"; mkdir -p "$d"
  what="the backend killed (SIGKILL) and restarted every 1-3 s while $sessions sessions run"
  if start_stub "$d" 0; then
    kiosk_ini "$d/kiosk.ini"
    "$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null 2>&1
    run_sessions "$d" run 106 "$sessions" "$BACKEND_KINDS" & runner=$!
    restarts=0 RANDOM=106
    while kill -0 "$runner" 2>/dev/null; do
      sleep "$(( 1 + RANDOM % 3 )).$(( RANDOM % 10 ))"
      kill -0 "$runner" 2>/dev/null || break
      restart_stub "$d" && restarts=$((restarts + 1))
    done
    wait "$runner"; rc=$?
    if [ "$rc" -ne 0 ]; then
      fail_row restarts "$what" "a session failed: $(first_failure "$d/run.err")"
    elif ! clear=$(screens_clear "$d/run"); then
      fail_row restarts "$what" "unclear screens: $clear"
    elif ! drain "$d/data" "$d/kiosk.ini" "$d/drain.out" || ! outbox_clean "$d/drain.out"; then
      fail_row restarts "$what" "the outbox did not drain cleanly: $(outbox_state "$d/drain.out")"
    elif ! acked=$(check_acks "$d/run" "$d/check"); then
      fail_row restarts "$what" "$acked"
    elif ! counts=$(summary_matches "$d" run); then
      fail_row restarts "$what" "the backend holds $counts (have/submitted)"
    else
      row restarts "$what" "$restarts restarts; every session passed; $(answered "$d/run"); $acked ($counts)" PASS
    fi
  else
    fail_row restarts "$what" "the stub did not start"
  fi
  stop_stubs
fi

# ---- SIGKILL of the kiosk during submissions ----
# Each round starts the kiosk on the same data directory with three submitting sessions, waits for
# the review screen of one of them (its dump is written just before "confirm"), lets 0-400 ms pass
# (the commit, the done screen, the delivery) and kills it. Afterwards every reference a visitor was
# shown must reach the backend exactly once.
if wanted kill; then
  d="$work/kill"; mkdir -p "$d"
  what="the kiosk SIGKILLed $kills times, each 0-400 ms after a visitor tapped confirm, and restarted"
  if start_stub "$d" 0; then
    kiosk_ini "$d/kiosk.ini"
    "$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null 2>&1
    RANDOM=107 first=1 killed=0 reviews=0
    for round in $(seq "$kills"); do
      "$gen" --faults --sessions 3 --first "$first" --seed "$round" --kinds pledge,book_reissue,book_marriage \
        --warmup 0 --every 1000000 > "$d/round.script"
      "$kiosk" --headless --data "$d/data" --config "$d/kiosk.ini" --script "$d/round.script" --out "$d/run" \
        2>> "$d/run.err" & victim=$!
      target=$(printf 's%05d-review.json' $(( first + RANDOM % 3 )))
      while kill -0 "$victim" 2>/dev/null && [ ! -f "$d/run/$target" ]; do sleep 0.01; done
      [ -f "$d/run/$target" ] && reviews=$((reviews + 1))
      sleep "$(printf '0.%03d' $(( RANDOM % 400 )))"
      kill -9 "$victim" 2>/dev/null && killed=$((killed + 1))
      wait "$victim" 2>/dev/null
      first=$((first + 3))
    done
    # The kiosk comes up again on what the kills left and takes a visitor.
    printf 'tap #attract.start\nexpect-screen home\ntap #home.charity\nexpect-screen charity.projects\n' > "$d/after.script"
    if ! "$kiosk" --headless --data "$d/data" --config "$d/kiosk.ini" --script "$d/after.script" --out "$d/after" \
      2> "$d/after.err"; then
      fail_row kill "$what" "after the kills the kiosk does not take a visitor: $(first_failure "$d/after.err")"
    elif ! drain "$d/data" "$d/kiosk.ini" "$d/drain.out" || ! outbox_clean "$d/drain.out"; then
      fail_row kill "$what" "the outbox did not drain cleanly: $(outbox_state "$d/drain.out")"
    elif ! acked=$(check_acks "$d/run" "$d/check"); then
      fail_row kill "$what" "$acked"
    else
      stored=$(( $(admin booking | jq .count) + $(admin pledge | jq .count) ))
      row kill "$what" "$killed kills ($reviews at a confirm); $acked; $stored submissions at the backend in all (some stored before a kill hid the done screen); the kiosk starts and takes a visitor" PASS
    fi
  else
    fail_row kill "$what" "the stub did not start"
  fi
  stop_stubs
fi

# ---- a full disk ----
# The data directory on a small tmpfs (root only). Two pledges are acknowledged while the backend is
# away. Then, while a visitor is on the review of a third, the disk fills up: their pledge cannot be
# stored, so the review stays, with a sentence, and what they typed is kept (nothing is said to be
# received); the assistance guide (it only reads) still opens. Space is freed: the next pledge is
# taken. Then the kiosk is started on a full disk: it must come up and say calmly that it cannot
# take submissions. The backend returns: the three acknowledged pledges arrive once each.
if wanted disk; then
  d="$work/disk"; mkdir -p "$d/data"
  what="the data directory's disk fills up during a visit (tmpfs filled to the last byte), is freed, then the kiosk starts on a full disk"
  if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=12m,mode=0700 tmpfs "$d/data" 2>/dev/null; then
    row disk "$what" "skipped: needs root to mount a small tmpfs (CI runs as root)" SKIP
  else
    mounts+=("$d/data")
    start_stub "$d" 0 && kiosk_ini "$d/kiosk.ini"
    "$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null 2>&1
    kill -9 "$stub_pid"; wait "$stub_pid" 2>/dev/null  # away: the pledges stay in the outbox
    run_sessions "$d" before 108 2 pledge 1 || fail_row disk "$what" "before: $(first_failure "$d/before.err")"
    # The third visitor: up to the review (its dump), a pause while the disk fills, then confirm.
    "$gen" --faults --sessions 1 --first 3 --seed 109 --kinds pledge --warmup 0 --every 1000000 \
      | sed '/^dump s00003-review$/q' > "$d/full.script"
    printf '%s\n' 'pause 3000' 'tap #charity.confirm' 'expect-screen charity.review' 'dump full-review' 'shot full-review' \
      'wait 61000' 'wait 30000' 'expect-screen attract' 'tap #attract.start' 'tap #home.assistance' 'tap #assist.guide' \
      'expect-screen assist.guide' 'expect #programme.dibao' >> "$d/full.script"
    "$kiosk" --headless --data "$d/data" --config "$d/kiosk.ini" --script "$d/full.script" --out "$d/full" 2> "$d/full.err" &
    victim=$!
    while kill -0 "$victim" 2>/dev/null && [ ! -f "$d/full/s00003-review.json" ]; do sleep 0.02; done
    # Held still while the disk fills, however slow the machine: the confirm comes after.
    kill -STOP "$victim" 2>/dev/null
    dd if=/dev/zero of="$d/data/filler" bs=4k 2>/dev/null
    kill -CONT "$victim" 2>/dev/null
    wait "$victim"; rc=$?
    toast=$(jq -r '[.widgets[] | select(.role == "status") | .text] | join(" ")' "$d/full/full-review.json" 2>/dev/null)
    # The kiosk started on the full disk.
    printf '%s\n' 'tap #attract.start' 'tap #home.charity' 'dump start-full' 'shot start-full' > "$d/start.script"
    "$kiosk" --headless --data "$d/data" --config "$d/kiosk.ini" --script "$d/start.script" --out "$d/start" 2> "$d/start.err"
    rc_start=$?
    screen_start=$(jq -r .screen "$d/start/start-full.json" 2>/dev/null)
    rm -f "$d/data/filler"
    run_sessions "$d" after 110 1 pledge 4; rc_after=$?
    restart_stub "$d"
    if [ "$rc" -ne 0 ]; then
      fail_row disk "$what" "the visitor's session went wrong on the full disk: $(first_failure "$d/full.err")"
    elif [ -z "$toast" ]; then
      fail_row disk "$what" "the review said nothing when the pledge could not be stored"
    elif ! grep -q 'disk is full' "$d/full.err"; then
      fail_row disk "$what" "the log does not say the disk is full"
    elif [ "$(grep -c 'disk is full' "$d/full.err")" -gt 100 ]; then
      # The outbox must wait for room, not retry at once in a loop (a flood of requests and log lines).
      fail_row disk "$what" "the log says the disk is full $(grep -c 'disk is full' "$d/full.err") times in $(( $(wc -l < "$d/full.err") )) lines: something retries in a loop"
    elif [ "$rc_start" -ne 0 ] || [ "$screen_start" != unavailable ]; then
      fail_row disk "$what" "started on the full disk, the kiosk showed ${screen_start:-nothing} for a pledge: $(first_failure "$d/start.err")"
    elif [ "$rc_after" -ne 0 ]; then
      fail_row disk "$what" "after space was freed a pledge failed: $(first_failure "$d/after.err")"
    elif ! drain "$d/data" "$d/kiosk.ini" "$d/drain.out" || ! outbox_clean "$d/drain.out"; then
      fail_row disk "$what" "the outbox did not drain cleanly: $(outbox_state "$d/drain.out")"
    else
      cp "$d"/after/s*-done.json "$d/before/" 2>/dev/null
      if acked=$(check_acks "$d/before" "$d/check") && [ "$(admin pledge | jq .count)" = 3 ]; then
        row disk "$what" "the pledge on the full disk was refused on its review with \"$toast\" (nothing said received, nothing typed lost); the guide still opened; the log says the disk is full ($(grep -c 'disk is full' "$d/full.err") lines in that run: the outbox waits for room); after freeing space the next pledge was taken; started on the full disk the kiosk came up with the calm screen for pledges; $acked (3 pledges in all)" PASS
      else
        fail_row disk "$what" "${acked:-} (the backend holds $(admin pledge | jq .count) pledges, expected 3)"
      fi
    fi
    stop_stubs
    umount "$d/data" 2>/dev/null
  fi
fi

# ---- a damaged database ----
# A kiosk holds three acknowledged submissions not yet delivered (the backend was away); then its
# database is damaged: a page of reference data overwritten with noise (the file checkpointed, or
# the latest commits still in the write-ahead log after a SIGKILL), the file cut in half, or the
# whole file noise. The kiosk must start, tell a visitor calmly that it cannot take submissions
# (the read-only services still open), log why, keep the damaged file byte for byte, and deliver
# every acknowledged submission it can read from it, once.
if wanted corrupt; then
  # ref_page DB: the number of a page holding reference data (the bulk of the file).
  ref_page() { sqlite3 "file:$1?immutable=1" "SELECT pageno FROM dbstat WHERE name = 'ref_cache' AND pagetype = 'overflow' ORDER BY pageno LIMIT 1 OFFSET 10" 2>/dev/null; }
  printf 'tap #attract.start\ntap #home.charity\nexpect-screen unavailable\ndump calm\nshot calm\ntap #unavailable.home\ntap #home.assistance\nexpect-screen assist.home\n' > "$work/calm.script"
  for variant in page wal half noise; do
    d="$work/corrupt-$variant"; mkdir -p "$d"
    case $variant in
      page) what="a page of reference data overwritten with noise, with 3 acknowledged submissions undelivered" ;;
      wal) what="the kiosk SIGKILLed after 3 acknowledged submissions (they are in the write-ahead log), then a page of the database overwritten" ;;
      half) what="the database cut to half its size, with 3 acknowledged submissions undelivered" ;;
      noise) what="the whole database replaced by noise" ;;
    esac
    if ! command -v sqlite3 > /dev/null; then
      row "corrupt ($variant)" "$what" "skipped: the sqlite3 tool is not installed (dev.sh installs it)" SKIP; continue
    fi
    start_stub "$d" 0 || { fail_row "corrupt ($variant)" "$what" "the stub did not start"; continue; }
    kiosk_ini "$d/kiosk.ini"
    "$kiosk" --data "$d/data" --config "$d/kiosk.ini" --sync-now > /dev/null 2>&1
    kill -9 "$stub_pid"; wait "$stub_pid" 2>/dev/null  # away: what visitors submit stays in the outbox
    acked=0
    if [ "$variant" != noise ]; then
      "$gen" --faults --sessions 3 --seed 111 --kinds pledge,book_reissue --warmup 0 --every 1000000 > "$d/run.script"
      if [ "$variant" = wal ]; then
        echo "pause 60000" >> "$d/run.script"
        "$kiosk" --headless --data "$d/data" --config "$d/kiosk.ini" --script "$d/run.script" --out "$d/run" 2> "$d/run.err" & victim=$!
        for _ in $(seq 3000); do [ -f "$d/run/s00003-done.json" ] && break; sleep 0.02; done
        sleep 0.2; kill -9 "$victim"; wait "$victim" 2>/dev/null
        [ -s "$d/data/kiosk.db-wal" ] || { fail_row "corrupt ($variant)" "$what" "no write-ahead log was left to test with"; stop_stubs; continue; }
      else
        "$kiosk" --headless --data "$d/data" --config "$d/kiosk.ini" --script "$d/run.script" --out "$d/run" 2> "$d/run.err" \
          || { fail_row "corrupt ($variant)" "$what" "the sessions failed: $(first_failure "$d/run.err")"; stop_stubs; continue; }
      fi
      acked=$(acks "$d/run" | wc -l)
    fi
    db="$d/data/kiosk.db" size=$(stat -c %s "$d/data/kiosk.db")
    case $variant in
      page|wal) dd if=/dev/urandom of="$db" bs=4096 seek=$(( $(ref_page "$db") - 1 )) count=1 conv=notrunc 2>/dev/null ;;
      half) truncate -s $(( size / 2 / 4096 * 4096 )) "$db" ;;
      noise) head -c 65536 /dev/urandom > "$db" ;;
    esac
    cp "$db" "$d/damaged.copy"
    restart_stub "$d" || { fail_row "corrupt ($variant)" "$what" "the stub did not come back"; continue; }
    if ! "$kiosk" --headless --data "$d/data" --config "$d/kiosk.ini" --script "$work/calm.script" --out "$d/calm" 2> "$d/calm.err"; then
      fail_row "corrupt ($variant)" "$what" "no calm screen: $(first_failure "$d/calm.err")"; stop_stubs; continue
    fi
    moved=$(ls "$d"/data/kiosk.db.corrupt-* 2>/dev/null | grep -v -e '-wal$' -e '-shm$' | head -n1)
    said=$(grep -m1 -o 'Every submission it held was recovered[^.]*\|Submissions recovered from it[^:]*\|Its outbox could not be read' "$d/calm.err")
    if [ -z "$moved" ] || ! cmp -s "$moved" "$d/damaged.copy"; then
      fail_row "corrupt ($variant)" "$what" "the damaged file was not kept byte for byte beside the fresh one"
    elif ! grep -q 'failed its integrity check\|cannot take submissions' "$d/calm.err"; then
      fail_row "corrupt ($variant)" "$what" "the log does not say what happened"
    elif ! drain "$d/data" "$d/kiosk.ini" "$d/drain.out" || ! outbox_clean "$d/drain.out"; then
      fail_row "corrupt ($variant)" "$what" "the outbox did not drain cleanly: $(outbox_state "$d/drain.out")"
    elif [ "$variant" = noise ]; then
      row "corrupt ($variant)" "$what" "the kiosk started with the calm screen for submissions (the guide still opens); the file kept as $(basename "$moved"); log: ${said:-nothing to recover}" PASS
    elif ! result=$(check_acks "$d/run" "$d/check"); then
      fail_row "corrupt ($variant)" "$what" "$result (log: ${said:-no recovery})"
    else
      row "corrupt ($variant)" "$what" "the kiosk started with the calm screen for submissions (the guide still opens); the damaged file kept byte for byte; log: \"$said\"; $result" PASS
    fi
    stop_stubs
  done
fi

# ---- a missing font ----
# The fonts directory without the CJK faces (fonts-noto-cjk not installed: the manifest's paths lead
# nowhere). Visitors must not meet empty boxes: the kiosk shows its out-of-service notice in a
# language it can still draw, says why once in the log, and stays there whatever is touched. With no
# usable font at all it cannot draw: it exits with a message naming the package.
if wanted font; then
  d="$work/font"; mkdir -p "$d/fonts" "$d/none"
  what="the fonts directory without the CJK font (fonts-noto-cjk missing); then without any font"
  sed -e 's#/usr/share/fonts/opentype/noto/NotoSansCJK-#/nonexistent/NotoSansCJK-#' \
      -e 's#/usr/share/fonts/truetype/droid/#/nonexistent/droid/#' "$src/fonts/fonts.ini" > "$d/fonts/fonts.ini"
  sed -e 's#= */usr/share/fonts/.*#= /nonexistent/font.ttf#' "$src/fonts/fonts.ini" > "$d/none/fonts.ini"
  printf 'expect-screen outage\ndump outage\nshot outage\ntap @540,960\nhold @20,20 3100\nexpect-screen outage\nwait 200000\nexpect-screen outage\n' \
    > "$d/outage.script"
  printf '[kiosk]\nid = k1\n[log]\nlevel = info\n' > "$d/kiosk.ini"
  KIOSK_FONTS_DIR="$d/fonts" "$kiosk" --headless --data "$d/data" --config "$d/kiosk.ini" --script "$d/outage.script" \
    --out "$d/run" 2> "$d/run.err"
  rc=$?
  KIOSK_FONTS_DIR="$d/none" "$kiosk" --headless --data "$d/data" --config "$d/kiosk.ini" --script "$d/outage.script" \
    --out "$d/none-run" > /dev/null 2> "$d/none.err"
  rc_none=$?
  said=$(grep -c 'fonts: no installed font draws' "$d/run.err")
  title=$(jq -r '.widgets[] | select(.id == "outage.title") | .text' "$d/run/outage.json" 2>/dev/null)
  if [ "$rc" -ne 0 ]; then
    fail_row font "$what" "no out-of-service notice: $(first_failure "$d/run.err")"
  elif [ "$said" != 1 ]; then
    fail_row font "$what" "the log says it $said times, not once"
  elif [ -z "$title" ] || [ "$(jq -r .lang "$d/run/outage.json")" != en ]; then
    fail_row font "$what" "the notice is not in English, the language the remaining fonts draw"
  elif [ "$rc_none" -eq 0 ] || ! grep -q 'fonts-noto-cjk' "$d/none.err"; then
    fail_row font "$what" "with no font at all the kiosk did not stop with a message naming the package (exit $rc_none)"
  else
    row font "$what" "the notice \"$title\" (in English: only the Latin fonts are left) instead of the attract screen, untouchable; logged once: \"$(grep -m1 -o 'no installed font draws the [^(]*' "$d/run.err")…\"; with no font at all it exits $rc_none: \"$(grep -m1 -o 'no font of the.*' "$d/none.err")\"" PASS
  fi
fi

# ---- no audio device ----
# The assisted mode on a display (Xvfb) without sound: SDL's audio driver "none" (none exists), and
# the machine's default (a CI machine has no sound card). The voice is silent, said once in the log;
# everything else works and staff can see it on the tools screen.
if wanted audio; then
  d="$work/audio"; mkdir -p "$d"
  what="the assisted mode (voice on) with no audio device: SDL_AUDIODRIVER=none, and the machine's default"
  if ! command -v Xvfb > /dev/null; then
    row audio "$what" "skipped: Xvfb is not installed (dev.sh installs xvfb)" SKIP
  else
    exec 5> "$d/display"
    Xvfb -displayfd 5 -noreset -screen 0 1080x1920x24 -nolisten tcp > "$d/xvfb.log" 2>&1 & xvfb_pid=$!
    exec 5>&-
    for _ in $(seq 100); do [ -s "$d/display" ] && break; sleep 0.05; done
    printf '[kiosk]\nid = k1\n[display]\nfullscreen = false\nrenderer = software\n[log]\nlevel = info\n' > "$d/kiosk.ini"
    echo 735194 | "$kiosk" --data "$d/data" --set-staff-pin > /dev/null 2>&1
    printf '%s\n' 'tap #attract.large' 'expect-screen home' 'tap #voice.again' 'tap #home.assistance' 'tap #assist.guide' \
      'expect-screen assist.guide' 'tap #voice.again' 'dump voice' 'wait 121000' 'wait 30000' 'expect-screen attract' \
      'hold @20,20 3100' 'tap #staff.pin.7' 'tap #staff.pin.3' 'tap #staff.pin.5' 'tap #staff.pin.1' 'tap #staff.pin.9' \
      'tap #staff.pin.4' 'tap #staff.pin.ok' 'tap #staff.menu.tools' 'expect #staff.tools.voice.state' 'dump tools' \
      'tap #staff.leave' > "$d/voice.script"
    verdict=PASS outcome=""
    for driver in none default; do
      if [ "$driver" = none ]; then env=(SDL_AUDIODRIVER=none); else env=(); fi
      env -u SDL_AUDIODRIVER DISPLAY=":$(head -n1 "$d/display")" "${env[@]}" "$kiosk" --windowed --size 1080x1920 \
        --data "$d/data" --config "$d/kiosk.ini" --script "$d/voice.script" --out "$d/$driver" 2> "$d/$driver.err"
      rc=$?
      n=$(grep -c 'speech stays silent' "$d/$driver.err")
      spoken=$(jq -r .speech "$d/$driver/voice.json" 2>/dev/null)
      state=$(jq -r '.widgets[] | select(.id == "staff.tools.voice.state") | .text' "$d/$driver/tools.json" 2>/dev/null)
      if [ "$rc" -ne 0 ]; then
        verdict=FAIL outcome="$outcome$driver: $(first_failure "$d/$driver.err"); "
      elif [ "$n" != 1 ] || [ -z "$spoken" ]; then
        verdict=FAIL outcome="$outcome$driver: silent $n times in the log, last prompt \"$spoken\"; "
      else
        outcome="$outcome$driver: every step passed, \"$(grep -m1 'speech stays silent' "$d/$driver.err" | sed 's/.*voice: //')\" logged once, staff see \"$state\"; "
      fi
    done
    kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null
    row audio "$what" "${outcome%; }" $verdict
    [ "$verdict" = PASS ] || status=1
  fi
fi

exit $status
