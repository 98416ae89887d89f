# Shared by the printing tests (source it): a private CUPS scheduler for one test, in $work/cups, on
# a Unix socket of its own (nothing on port 631, nothing of the machine's own CUPS touched), with
# CUPS_SERVER exported so the kiosk and lpadmin talk to it. start_cupsd returns 77 (skip) when cupsd
# is not installed or cannot run here, with the reason on stderr. Sets $cupsd_pid; stop_cupsd stops it.
start_cupsd() {
  local d="$work/cups"
  if ! command -v cupsd > /dev/null 2>&1 || ! command -v lpadmin > /dev/null 2>&1; then
    echo "SKIP: cupsd or lpadmin not installed (packages cups, cups-client)" >&2
    return 77
  fi
  mkdir -p "$d/root" "$d/spool" "$d/cache" "$d/state" "$d/tmp" "$d/log"
  cat > "$d/cupsd.conf" <<CONF
Listen $d/cups.sock
LogLevel info
WebInterface No
Browsing No
DefaultAuthType None
MaxJobs 100
PreserveJobFiles No
<Location />
  Order allow,deny
  Allow all
</Location>
CONF
  cat > "$d/cups-files.conf" <<CONF
ServerRoot $d/root
RequestRoot $d/spool
CacheDir $d/cache
StateDir $d/state
TempDir $d/tmp
ErrorLog $d/log/error_log
AccessLog $d/log/access_log
PageLog $d/log/page_log
Sandboxing Relaxed
CONF
  cupsd -f -c "$d/cupsd.conf" -s "$d/cups-files.conf" > "$d/log/cupsd.out" 2>&1 &
  cupsd_pid=$!
  export CUPS_SERVER="$d/cups.sock"
  for _ in $(seq 100); do
    [ -S "$d/cups.sock" ] && lpstat -r > /dev/null 2>&1 && return 0
    kill -0 "$cupsd_pid" 2> /dev/null || break
    sleep 0.05
  done
  echo "SKIP: cupsd cannot run in this environment:" >&2
  cat "$d/log/cupsd.out" "$d/log/error_log" 2> /dev/null | tail -5 >&2
  stop_cupsd
  return 77
}

stop_cupsd() {
  if [ -n "${cupsd_pid:-}" ]; then
    kill "$cupsd_pid" 2> /dev/null
    wait "$cupsd_pid" 2> /dev/null
    cupsd_pid=""
  fi
}
