#!/usr/bin/env bash
# The kiosk with a damaged or read-only data directory: it starts, says calmly that it cannot take
# submissions (the unavailable screen), logs the cause, and keeps what was stored.
# usage: run_store_faults.sh KIOSK OUTBOX_WRITER DUMP_CHECK SOURCE_DIR WORK_DIR
set -u
kiosk=$1 writer=$2 check=$3 src=$4 work=$5
rm -rf "$work"; mkdir -p "$work"
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
script="$src/tests/scenarios/unavailable.script"

# A healthy kiosk does not show the calm screen.
"$writer" "$work/ok" 3 help > /dev/null || fail "writer"
if "$kiosk" --headless --data "$work/ok" --script "$script" --out "$work/ok-run" 2>/dev/null; then
  fail "a healthy kiosk showed the unavailable screen"
fi

# A corrupted database: quarantined (kept), calm screen, cause logged.
mkdir -p "$work/corrupt"
head -c 65536 /dev/urandom > "$work/corrupt/kiosk.db"
cp "$work/corrupt/kiosk.db" "$work/original.db"
"$kiosk" --headless --data "$work/corrupt" --script "$script" --out "$work/corrupt-run" 2> "$work/corrupt.log" \
  || { cat "$work/corrupt.log" >&2; fail "corrupt database: the kiosk did not show the calm screen"; }
grep -q "cannot take submissions" "$work/corrupt.log" || fail "corrupt database: cause not logged"
q=$(ls "$work/corrupt"/kiosk.db.corrupt-* 2>/dev/null | head -n1)
[ -n "$q" ] && cmp -s "$q" "$work/original.db" || fail "corrupt database not quarantined byte for byte"
"$check" "$work/corrupt-run/unavailable.json" --sweep > /dev/null || fail "calm screen accessibility"

# A read-only data directory (as an unprivileged user: root ignores permissions).
"$writer" "$work/ro" 5 help > /dev/null || fail "writer"
before=$(sha256sum "$work/ro/kiosk.db" | cut -d' ' -f1)
chmod -R a+rX "$work"; chmod a-w "$work/ro" "$work/ro"/*
chmod a+r "$work/ro/kiosk.key"
run_ro() { "$kiosk" --headless --data "$work/ro" --script "$script" --out "$work/ro-run" 2> "$work/ro.log"; }
if [ "$(id -u)" -eq 0 ]; then
  if command -v setpriv >/dev/null; then
    mkdir -p "$work/ro-run"; chmod 0777 "$work/ro-run"
    setpriv --reuid=65534 --regid=65534 --clear-groups "$kiosk" --headless --data "$work/ro" --script "$script" \
      --out "$work/ro-run" 2> "$work/ro.log" || { cat "$work/ro.log" >&2; fail "read-only: no calm screen"; }
  else
    echo "skipped the read-only case: running as root without setpriv" >&2
  fi
else
  run_ro || { cat "$work/ro.log" >&2; fail "read-only: no calm screen"; }
fi
[ -f "$work/ro.log" ] && { grep -q "cannot take submissions" "$work/ro.log" || fail "read-only: cause not logged"; }
after=$(sha256sum "$work/ro/kiosk.db" | cut -d' ' -f1)
[ "$before" = "$after" ] || fail "read-only: the database changed"
chmod -R u+w "$work"
exit $status
