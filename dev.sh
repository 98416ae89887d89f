#!/usr/bin/env bash
# The two commands of this repository:
#   ./dev.sh run   install what is missing, build, start the backend stub with demo data and the kiosk
#   ./dev.sh test  install what is missing, build the dev and asan presets, run the whole suite in both,
#                  then the fuzz targets' short pass (preset fuzz)
#   ./dev.sh deps  install what is missing, nothing else (bench/run.sh starts with it)
# Idempotent: a second run installs nothing and rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

# Debian 12 packages the build, the tests and the demo need.
PACKAGES=(
  build-essential cmake pkg-config
  libsdl2-dev libharfbuzz-dev libfreetype-dev libunibreak-dev libinih-dev libpng-dev
  libcjson-dev libsodium-dev libsqlite3-dev libcurl4-openssl-dev libmicrohttpd-dev libqrencode-dev
  libespeak-ng-dev espeak-ng espeak-ng-data
  libzinnia-dev tegaki-zinnia-simplified-chinese opencc libopencc1.1
  librime-dev rime-data-luna-pinyin
  fonts-noto-cjk fonts-noto-core fonts-dejavu-core
  curl xvfb xauth xdotool imagemagick x11-utils libx11-dev libxtst-dev jq sqlite3
  libcups2-dev cups cups-client cups-bsd
  dpkg-dev adduser systemd cage openssl
  gettext libopencc-dev libopencc-data
  clang libclang-rt-14-dev
)

log() { printf '\033[1mdev.sh:\033[0m %s\n' "$*" >&2; }

# The install logic is shared with bench/run.sh.
# shellcheck source=tools/packages.sh
. "$ROOT/tools/packages.sh"
install_missing() { packages_install_missing "${PACKAGES[@]}"; }

jobs() { nproc 2>/dev/null || echo 2; }

build() {
  local preset=$1
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j"$(jobs)"
}

cmd_test() {
  install_missing
  build dev
  build asan
  local status=0
  log "test suite, dev build"
  ctest --preset dev -j"$(jobs)" || status=1
  log "test suite, asan build (ASan + UBSan + LeakSanitizer)"
  ctest --preset asan -j"$(jobs)" || status=1
  # The fuzz targets (fuzz/, clang + libFuzzer): a few seconds each from the committed seeds.
  # fuzz/run.sh [SECONDS] is the long pass.
  log "fuzz targets, short pass (libFuzzer, ASan + UBSan)"
  build fuzz
  ctest --preset fuzz -j"$(jobs)" || status=1
  return $status
}

cmd_run() {
  install_missing
  build dev
  local bin="$ROOT/build/dev"
  local run_dir="$ROOT/build/run"
  # A fresh demo each time: the stub's data and the kiosk's outbox from the last run are dropped.
  rm -rf "$run_dir"
  mkdir -p "$run_dir/data"
  local secret=demo-secret-change-me
  # The stub picks a free port (":0") and says which in its "listening on" line.
  "$bin/backend-stub/backend-stub" --listen 127.0.0.1:0 --db "$run_dir/stub.db" --seed demo \
    --kiosk "demo-kiosk:$secret" >"$run_dir/stub.log" 2>&1 &
  local stub_pid=$!
  trap 'kill '"$stub_pid"' 2>/dev/null || true' EXIT
  local port=""
  for _ in $(seq 100); do
    port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$run_dir/stub.log" 2>/dev/null | head -n1)
    [ -n "$port" ] && break
    kill -0 "$stub_pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$port" ]; then
    log "the backend stub did not start; its log:"; cat "$run_dir/stub.log" >&2; exit 1
  fi
  log "backend stub on http://127.0.0.1:$port with demo data (log: $run_dir/stub.log)"
  cat >"$run_dir/kiosk.ini" <<INI
; written by ./dev.sh run for the local demo
[kiosk]
id = demo-kiosk
[backend]
url = http://127.0.0.1:$port
secret = $secret
[idcard]
reader = file:$run_dir/idcard.json
INI
  log "the ID card reader is simulated: copy a card onto it, e.g. cp assets/demo/cards/chen_dawen.json $run_dir/idcard.json"
  # Fill the kiosk's cache with the stub's reference data before the first screen.
  "$bin/kiosk/kiosk" --config "$run_dir/kiosk.ini" --data "$run_dir/data" --sync-now >/dev/null || true
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    log "starting the kiosk full-screen on the display (stop it with Ctrl+C here)"
    "$bin/kiosk/kiosk" --config "$run_dir/kiosk.ini" --data "$run_dir/data"
  else
    local out="$run_dir/screens"
    rm -rf "$out"; mkdir -p "$out"
    log "no display: running the headless demo"
    "$bin/kiosk/kiosk" --headless --config "$run_dir/kiosk.ini" --data "$run_dir/data" \
      --script "$ROOT/assets/demo/tour.script" --out "$out"
    "$bin/kiosk/kiosk" --config "$run_dir/kiosk.ini" --data "$run_dir/data-landscape" --sync-now >/dev/null || true
    "$bin/kiosk/kiosk" --headless --size 1920x1080 --config "$run_dir/kiosk.ini" --data "$run_dir/data-landscape" \
      --script "$ROOT/assets/demo/tour.script" --out "$out/landscape"
    log "screenshots written to $out:"
    find "$out" -name '*.png' | sort | sed 's/^/  /' >&2
  fi
}

case "${1:-}" in
  run) cmd_run ;;
  test) cmd_test ;;
  deps) install_missing ;;
  *) echo "usage: ./dev.sh run|test|deps" >&2; exit 2 ;;
esac
