#!/usr/bin/env bash
# Lockdown under Xvfb: the full-screen kiosk (no window decorations, keyboard grabbed) is sent the
# escape routes a visitor might try with a keyboard: Alt+F4, Alt+Tab, Super, Ctrl+W, Ctrl+Q, Escape,
# Ctrl+Alt+Delete, Alt+Space, F11, and a window manager's close request (WM_DELETE_WINDOW). After
# each it must still run, mapped, covering the whole screen, the keyboard still grabbed; a screenshot
# of the display shows its attract screen. SIGTERM (systemd's stop) still ends it cleanly. A windowed
# kiosk (development) does close on the same close request and leaves the keyboard alone, which shows
# that the request really reaches the kiosk and that the grab probe can tell.
# Skips (77) when Xvfb, xdotool, xwininfo or ImageMagick's import are missing.
# usage: run_lockdown.sh KIOSK X11_PROBE WORK_DIR
set -u
kiosk=$1 probe=$2 work=$3
rm -rf "$work"; mkdir -p "$work"
for tool in Xvfb xdotool xwininfo xprop import convert; do
  command -v "$tool" > /dev/null || { echo "SKIP: $tool is not installed (./dev.sh installs xvfb, xdotool, x11-utils, imagemagick)"; exit 77; }
done
[ -x "$probe" ] || { echo "SKIP: x11_probe was not built (no libx11)"; exit 77; }
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
W=1080 H=1920

exec 5> "$work/display"
Xvfb -displayfd 5 -noreset -screen 0 ${W}x${H}x24 -nolisten tcp > "$work/xvfb.log" 2>&1 &
xvfb_pid=$!
exec 5>&-
kiosk_pid=""
cleanup() { [ -n "$kiosk_pid" ] && kill "$kiosk_pid" 2>/dev/null; kill "$xvfb_pid" 2>/dev/null; }
trap cleanup EXIT
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.05; done
[ -s "$work/display" ] || { cat "$work/xvfb.log"; echo "FAIL: Xvfb did not start"; exit 1; }
export DISPLAY=":$(head -n1 "$work/display")"
unset WAYLAND_DISPLAY

# Xvfb has no window manager: create the atom a window manager would (SDL only asks for "no
# decorations" through _MOTIF_WM_HINTS when the atom exists). -noreset keeps it between clients.
xprop -root -f _MOTIF_WM_HINTS 32c -set _MOTIF_WM_HINTS 0 || fail "cannot create the _MOTIF_WM_HINTS atom"

printf '[kiosk]\nid = lockdown\n[display]\nfullscreen = true\nrenderer = software\n[log]\nlevel = info\n' > "$work/kiosk.ini"

# start_kiosk NAME ARGS...: runs the kiosk in the background (log in NAME.err) and waits for its
# window; sets kiosk_pid, wid.
start_kiosk() {
  local name=$1; shift
  "$kiosk" --config "$work/kiosk.ini" --data "$work/data" "$@" > "$work/$name.out" 2> "$work/$name.err" &
  kiosk_pid=$!
  wid=""
  for _ in $(seq 200); do
    wid=$(xdotool search --name '^Kiosk$' 2>/dev/null | head -n1)
    [ -n "$wid" ] && break
    kill -0 "$kiosk_pid" 2>/dev/null || break
    sleep 0.05
  done
  [ -n "$wid" ] || { cat "$work/$name.err" >&2; return 1; }
  sleep 1 # the switch to full-screen follows the first frame
}

# covers_screen WHAT: the kiosk runs, its window is mapped at 0,0 with the screen's size.
covers_screen() {
  kill -0 "$kiosk_pid" 2>/dev/null || { fail "after $1 the kiosk is gone"; kiosk_pid=""; return 1; }
  local info; info=$(xwininfo -id "$wid" 2>&1)
  local x y w h state
  x=$(sed -n 's/.*Absolute upper-left X: *//p' <<< "$info"); y=$(sed -n 's/.*Absolute upper-left Y: *//p' <<< "$info")
  w=$(sed -n 's/.*Width: *//p' <<< "$info"); h=$(sed -n 's/.*Height: *//p' <<< "$info")
  state=$(sed -n 's/.*Map State: *//p' <<< "$info")
  [ "$x,$y,$w,$h,$state" = "0,0,$W,$H,IsViewable" ] || fail "after $1 the window is at $x,$y ${w}x$h, $state"
}

start_kiosk fullscreen || { echo "FAIL: the full-screen kiosk did not open a window"; exit 1; }
covers_screen "start"
# No title bar or frame: the window asks for no window manager decorations (Motif hints: flags
# MWM_HINTS_DECORATIONS, decorations 0). Full-screen is the window covering the screen at 0,0
# (without a window manager nobody answers SDL's _NET_WM_STATE_FULLSCREEN request).
xprop -id "$wid" _MOTIF_WM_HINTS 2>/dev/null | grep -q "= 0x2, 0x0," \
  || fail "the window does not ask for no decorations: $(xprop -id "$wid" _MOTIF_WM_HINTS 2>&1)"
# The keyboard is grabbed: no other client (a window manager's shortcuts) can take it.
"$probe" keyboard-grabbed > /dev/null || fail "the keyboard is not grabbed by the kiosk"
for keys in alt+F4 alt+Tab super Super_L ctrl+w ctrl+q Escape ctrl+alt+Delete alt+space F11 ctrl+alt+BackSpace; do
  xdotool key --clearmodifiers "$keys"
  sleep 0.3
  covers_screen "$keys" || break
done
"$probe" keyboard-grabbed > /dev/null || fail "after the keys the keyboard is no longer grabbed"
# A window manager's close request (what Alt+F4 becomes under one) is ignored, and logged once.
"$probe" close "$wid" || fail "x11_probe could not send the close request"
sleep 0.5
"$probe" close "$wid"
sleep 0.5
covers_screen "WM_DELETE_WINDOW"
n=$(grep -c "close the window was ignored" "$work/fullscreen.err")
[ "$n" = 1 ] || fail "the ignored close requests were logged $n times, expected once a minute"
import -window root "$work/lockdown.png" || fail "no screenshot"
# The top of the screen is the attract screen's header red: the kiosk's own frame fills the display.
pixel=$(convert "$work/lockdown.png" -format '%[pixel:p{540,60}]' info: 2>/dev/null)
case "$pixel" in
  "srgb(140,26,26)"|"rgb(140,26,26)") ;;
  *) fail "the screen at 540,60 is $pixel, not the attract screen's header" ;;
esac
if [ -n "$kiosk_pid" ]; then
  kill -TERM "$kiosk_pid"
  for _ in $(seq 100); do kill -0 "$kiosk_pid" 2>/dev/null || break; sleep 0.05; done
  if kill -0 "$kiosk_pid" 2>/dev/null; then fail "SIGTERM did not stop the kiosk"; kill -9 "$kiosk_pid"; fi
  wait "$kiosk_pid"; rc=$?
  [ $rc = 0 ] || fail "the kiosk exited $rc on SIGTERM"
  kiosk_pid=""
fi

# A windowed kiosk (development) closes on the same request.
start_kiosk windowed --windowed --size 800x600 || { echo "FAIL: the windowed kiosk did not open a window"; exit 1; }
"$probe" keyboard-grabbed > /dev/null && fail "a windowed kiosk grabs the keyboard (or the probe cannot tell)"
"$probe" close "$wid"
for _ in $(seq 100); do kill -0 "$kiosk_pid" 2>/dev/null || break; sleep 0.05; done
if kill -0 "$kiosk_pid" 2>/dev/null; then fail "the windowed kiosk did not close"; else
  wait "$kiosk_pid"; rc=$?; [ $rc = 0 ] || fail "the windowed kiosk exited $rc"; fi
kiosk_pid=""
exit $status
