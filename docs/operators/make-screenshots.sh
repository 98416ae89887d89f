#!/usr/bin/env bash
# Renders the screenshots of the operator guide (docs/operators/images/*.png) from the real kiosk,
# headless, against the backend stub with demo data: the staff home (health), the staff outbox, and a
# booking's done screen with the receipt button (that one needs cupsd: a private one is started as in
# the printing test, with a printer stand-in). Each is downscaled to 540 px wide, 64 colours, so it
# stays small. Run from the top of the tree after ./dev.sh test (or any dev build):
#   docs/operators/make-screenshots.sh [BUILD_DIR]      (default build/dev)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
build=${1:-build/dev}
kiosk="$build/kiosk/kiosk" stub="$build/backend-stub/backend-stub" sink="$build/tests/print_sink"
out="$root/docs/operators/images"
work=$(mktemp -d /tmp/kiosk-doc-shots.XXXXXX)
mkdir -p "$out"
secret=doc-shots token=doc-admin
. "$root/tests/integration/stub.sh"
start_stub --kiosk "hall-01:$secret"
sink_pid=""
trap 'kill $stub_pid ${sink_pid} 2>/dev/null; [ -n "${cupsd_pid:-}" ] && kill $cupsd_pid 2>/dev/null; rm -rf "$work"' EXIT

shrink() { convert "$1" -resize 540x -colors 64 -strip "PNG8:$2"; echo "  $2 ($(stat -c %s "$2") bytes)"; }

# Staff screens: a PIN set the way provisioning sets it, one stopped submission to show.
printf '[kiosk]\nid = hall-01\nlocation = 一楼大厅\n[backend]\nurl = http://127.0.0.1:%s\nsecret = %s\n[log]\nlevel = warn\n' \
  "$port" "$secret" > "$work/kiosk.ini"
printf '135790\n' | "$kiosk" --data "$work/data" --set-staff-pin > /dev/null
"$kiosk" --data "$work/data" --config "$work/kiosk.ini" --sync-now > /dev/null
cat > "$work/staff.script" <<'SCRIPT'
hold @20,20 3100
tap #staff.pin.1
tap #staff.pin.3
tap #staff.pin.5
tap #staff.pin.7
tap #staff.pin.9
tap #staff.pin.0
tap #staff.pin.ok
expect-screen staff.home
shot staff_home
tap #staff.menu.outbox
expect-screen staff.outbox
shot staff_outbox
SCRIPT
"$kiosk" --headless --data "$work/data" --config "$work/kiosk.ini" --script "$work/staff.script" --out "$work/shots"
shrink "$work/shots/staff_home.png" "$out/staff-home.png"
shrink "$work/shots/staff_outbox.png" "$out/staff-outbox.png"

# The receipt button: a private CUPS with a raw queue to a printer stand-in.
. "$root/tests/integration/cups.sh"
if start_cupsd && [ -x "$sink" ]; then
  "$sink" "$work/sink.port" "$work/printed.bin" &
  sink_pid=$!
  for _ in $(seq 100); do [ -s "$work/sink.port" ] && break; sleep 0.05; done
  lpadmin -p receipt -E -v "socket://127.0.0.1:$(cat "$work/sink.port")"
  printf '[printer]\nenabled = true\nqueue = receipt\npaper = 80mm\n' >> "$work/kiosk.ini"
  sed '/^# print$/,$d' tests/scenarios/print_booking.script > "$work/book.script"
  printf 'expect #done.print\nshot booking_done_print\n' >> "$work/book.script"
  "$kiosk" --headless --data "$work/data2" --config "$work/kiosk.ini" --sync-now > /dev/null
  "$kiosk" --headless --data "$work/data2" --config "$work/kiosk.ini" --script "$work/book.script" --out "$work/shots"
  shrink "$work/shots/booking_done_print.png" "$out/booking-done-print.png"
else
  echo "  no cupsd: the receipt button screenshot was not made" >&2
fi
