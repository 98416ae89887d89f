#!/usr/bin/env bash
# Receipt printing end to end through a real CUPS: a private cupsd (tests/integration/cups.sh) with a
# raw queue "receipt" whose device is socket://127.0.0.1:PORT, where print_sink plays a network
# ESC/POS printer (port 9100 style) and keeps every byte it is sent. Then:
#  - a booking, "打印凭条" on the done screen, "printed": the bytes that reached the printer start with
#    ESC @ and FS & (Chinese mode), carry the receipt title in GB18030, the QR code command with the
#    booking reference as its payload (pL pH = its length + 3), and end with the cut; no personal data;
#  - a pledge: the same with the payment link of the backend's answer in the QR code, the amount in
#    words (壹佰元整) in GB18030;
#  - printing off ([printer] enabled false), or the queue disabled (cupsdisable): no button;
#  - the printer gone (nothing listens): "the printer is not available" after the job timeout, and the
#    job cancelled in CUPS, so no receipt comes out later for the next visitor.
# Skips (77) when cupsd cannot run here.
# usage: run_print.sh KIOSK STUB PRINT_SINK SOURCE_DIR WORK_DIR
set -u
kiosk=$1 stub=$2 sink=$3 src=$4 work=$5
rm -rf "$work"; mkdir -p "$work"
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
secret=print-$$ token=admin-$$
. "$(dirname "$0")/stub.sh"
. "$(dirname "$0")/cups.sh"
sink_pid=""
cleanup() {
  [ -n "$sink_pid" ] && kill "$sink_pid" 2> /dev/null
  stop_cupsd
  kill "${stub_pid:-}" 2> /dev/null
}
start_cupsd; rc=$?
[ $rc -eq 0 ] || exit $rc
start_stub || { stop_cupsd; exit 1; }
trap cleanup EXIT
admin() { curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/admin/$1"; }
reset() { curl -sf -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/admin/reset" > /dev/null; }
text_of() { jq -r --arg id "$2" '.widgets[] | select(.id == $id) | .text' "$1"; }
hex() { od -An -tx1 -v "$1" | tr -d ' \n'; }
hex_of() { printf '%s' "$1" | od -An -tx1 -v | tr -d ' \n'; }
gb() { printf '%s' "$1" | iconv -f UTF-8 -t GB18030 | od -An -tx1 -v | tr -d ' \n'; }

start_sink() {
  rm -f "$work/sink.port"
  "$sink" "$work/sink.port" "$work/printed.bin" 2> "$work/sink.err" &
  sink_pid=$!
  for _ in $(seq 100); do [ -s "$work/sink.port" ] && break; sleep 0.05; done
  sink_port=$(cat "$work/sink.port")
}
start_sink
lpadmin -p receipt -E -v "socket://127.0.0.1:$sink_port" 2> "$work/lpadmin.err" || { cat "$work/lpadmin.err" >&2; exit 1; }

config() { # config FILE ENABLED: the kiosk against the stub, printing on queue "receipt", 58 mm
  printf '[kiosk]\nid = k1\n[backend]\nurl = http://127.0.0.1:%s\nsecret = %s\n[printer]\nenabled = %s\nqueue = receipt\npaper = 58mm\n[log]\nlevel = warn\n' \
    "$port" "$secret" "$2" > "$1"
}
run() { # run NAME SCRIPT CONFIG: a fresh data dir, reference data synced, the scenario headless
  local d="$work/$1"; mkdir -p "$d"
  reset
  "$kiosk" --data "$d/data" --config "$3" --sync-now > /dev/null || fail "$1: reference sync"
  "$kiosk" --headless --data "$d/data" --config "$3" --script "$2" --out "$d" 2> "$d/err" \
    || { cat "$d/err" >&2; fail "$1"; return 1; }
}
# The booking steps of print_booking.script (cut at "# print") with another ending.
steps() { sed '/^# print$/,$d' "$src/tests/scenarios/print_booking.script"; }

# 1. A booking receipt.
config "$work/on.ini" true
if run booking "$src/tests/scenarios/print_booking.script" "$work/on.ini"; then
  ref=$(text_of "$work/booking/printed.json" done.reference)
  bytes=$(hex "$work/printed.bin" 2> /dev/null)
  [ -n "$ref" ] && [ -n "$bytes" ] || fail "booking: nothing reached the printer (reference \"$ref\")"
  case "$bytes" in 1b401c26*) ;; *) fail "booking: the receipt does not start with ESC @ FS &" ;; esac
  case "$bytes" in *1b64031d564200) ;; *) fail "booking: the receipt does not end with the feed and the cut" ;; esac
  n=$(( ${#ref} + 3 ))
  qr=$(printf '1d286b%02x%02x315030%s1d286b0300315130' $(( n % 256 )) $(( n / 256 )) "$(hex_of "$ref")")
  case "$bytes" in *"$qr"*) ;; *) fail "booking: no QR code command carrying the reference $ref" ;; esac
  case "$bytes" in *"$(gb 预约凭条)"*) ;; *) fail "booking: the title is not there in GB18030" ;; esac
  case "$bytes" in *"$(gb 结婚登记)"*) ;; *) fail "booking: the service is not there in GB18030" ;; esac
  for personal in "Chen Da Wen" 440704199005060018 13912345678; do
    case "$bytes" in *"$(hex_of "$personal")"*) fail "booking: personal data on the receipt" ;; esac
  done
  echo "booking receipt: $(stat -c %s "$work/printed.bin") bytes, reference $ref"
fi

# 2. A pledge receipt with the payment link.
rm -f "$work/printed.bin"
if run pledge "$src/tests/scenarios/print_pledge.script" "$work/on.ini"; then
  url=$(jq -r '.widgets[] | select(.id == "charity.done.qr") | .text' "$work/pledge/printed.json")
  bytes=$(hex "$work/printed.bin" 2> /dev/null)
  [ -n "$url" ] && [ -n "$bytes" ] || fail "pledge: nothing reached the printer (QR \"$url\")"
  n=$(( ${#url} + 3 ))
  qr=$(printf '1d286b%02x%02x315030%s' $(( n % 256 )) $(( n / 256 )) "$(hex_of "$url")")
  case "$bytes" in *"$qr"*) ;; *) fail "pledge: no QR code command carrying $url" ;; esac
  case "$bytes" in *"$(gb 认捐凭条)"*) ;; *) fail "pledge: the title is not there in GB18030" ;; esac
  case "$bytes" in *"$(gb 壹佰元整)"*) ;; *) fail "pledge: the amount in words is not there" ;; esac
  case "$bytes" in *"$(hex_of "100.00")"*) ;; *) fail "pledge: the amount in figures is not there" ;; esac
  echo "pledge receipt: $(stat -c %s "$work/printed.bin") bytes, QR $url"
fi

# 3. No button: printing off, then the queue disabled.
{ steps; printf 'expect-not #done.print\nexpect-not "打印凭条"\n'; } > "$work/none.script"
config "$work/off.ini" false
run off "$work/none.script" "$work/off.ini"
cupsdisable receipt
run disabled "$work/none.script" "$work/on.ini"
cupsenable receipt

# 4. The printer gone: the job never finishes; the kiosk says so and CUPS no longer holds it.
kill "$sink_pid"; wait "$sink_pid" 2> /dev/null; sink_pid=""
{ steps; printf 'tap #done.print\nwait-for "打印机暂时无法使用。请拍照或记下屏幕上的编号，或请工作人员协助。" 45000\nexpect-not "凭条已打印，请从出纸口取走。"\n'; } \
  > "$work/gone.script"
if run gone "$work/gone.script" "$work/on.ini"; then
  pending=$(lpstat -o receipt 2> /dev/null | wc -l)
  [ "$pending" = 0 ] || fail "printer gone: $pending job(s) still queued in CUPS after the kiosk gave up"
fi
exit $status
