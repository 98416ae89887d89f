#!/usr/bin/env bash
# The Debian packages end to end, on the machine itself (CI runs as root):
#  1. configure the `package` preset in a build directory of this test, build, `cpack -G DEB`; check
#     each package's control fields (Depends from dpkg-shlibdeps plus the fonts, espeak-ng data and the
#     zinnia handwriting model, no libpinyin, cage only recommended, the conffiles, the maintainer
#     scripts);
#  2. `dpkg -i` both (apt-get install -f only when dpkg reports missing dependencies); check the user
#     civic-kiosk (no login shell), /var/lib/civic-kiosk (0700, its own), /etc/civic-kiosk/kiosk.ini
#     (0640 root:civic-kiosk), the binary free of build-tree paths, and `systemd-analyze verify` of
#     both installed units (skipped when systemd-analyze is absent);
#  3. start the installed stub on loopback with a database of this test, provision the installed kiosk
#     (`civic-kiosk --provision`, secret and PIN on stdin), then as the user civic-kiosk: sync, the home
#     scenario, a booking and its lookup, headless, reading assets from /usr/share/civic-kiosk; the
#     files it made in /var/lib/civic-kiosk are its own;
#  4. reinstall over itself (an upgrade): the provisioned configuration and the outbox stay;
#  5. `dpkg -r` keeps configuration and data; `dpkg --purge` leaves nothing: no /usr/share/civic-kiosk,
#     /etc/civic-kiosk, /var/lib/civic-kiosk, binaries, units or user.
# Whatever happens, the trap purges what this test installed; a run killed outright leaves a marker in
# /run by which the next run recognises and purges its leftovers. Skips (77) without root or dpkg, and
# when civic-kiosk is otherwise already installed here (a real kiosk is never touched).
# usage: run_package.sh SOURCE_DIR WORK_DIR
set -u
src=$1 work=$2
started=$(date +%s)
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
note() { echo "run_package: $*"; }
skip() { echo "SKIP: $*" >&2; exit 77; }

[ "$(id -u)" = 0 ] || skip "needs root (dpkg -i into this machine)"
for tool in dpkg dpkg-deb dpkg-shlibdeps cpack cmake runuser; do
  command -v "$tool" > /dev/null 2>&1 || skip "$tool is not installed"
done
# A run killed midway (not even its trap ran) leaves this marker: what is installed is then its own.
marker=/run/civic-kiosk-package-test.installed
if [ -e "$marker" ]; then
  note "purging what an interrupted earlier run left installed"
  DEBIAN_FRONTEND=noninteractive dpkg --purge civic-kiosk-backend-stub civic-kiosk > /dev/null 2>&1
  rm -f "$marker"
fi
for pkg in civic-kiosk civic-kiosk-backend-stub; do
  if dpkg-query -W -f='${Status}' "$pkg" 2> /dev/null | grep -qv 'not-installed'; then
    skip "$pkg is already installed on this machine; this test installs and purges it, so it does not run here"
  fi
done

rm -rf "$work"; mkdir -p "$work"
# Scenarios and outputs the kiosk user can read and write, outside the source tree.
run_dir=$(mktemp -d /tmp/civic-kiosk-pkgtest.XXXXXX)
chmod 0755 "$run_dir"
installed=0 stub_pid=""
cleanup() {
  [ -n "$stub_pid" ] && kill "$stub_pid" 2> /dev/null
  if [ "$installed" = 1 ]; then
    DEBIAN_FRONTEND=noninteractive dpkg --purge civic-kiosk-backend-stub civic-kiosk > "$work/cleanup.log" 2>&1 \
      && rm -f "$marker" \
      || { echo "cleanup: dpkg --purge failed:" >&2; cat "$work/cleanup.log" >&2; }
  fi
  rm -rf "$run_dir"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# 1. Build the packages.
build="$work/build"
note "building the packages (preset package) in $build"
(cd "$src" && cmake --preset package -B "$build") > "$work/configure.log" 2>&1 || { cat "$work/configure.log" >&2; exit 1; }
cmake --build "$build" -j"$(nproc 2> /dev/null || echo 2)" > "$work/build.log" 2>&1 || { tail -30 "$work/build.log" >&2; exit 1; }
(cd "$build" && cpack -G DEB > "$work/cpack.log" 2>&1) || { cat "$work/cpack.log" >&2; exit 1; }
kiosk_deb=$(ls "$build"/civic-kiosk_*.deb 2> /dev/null | head -n1)
stub_deb=$(ls "$build"/civic-kiosk-backend-stub_*.deb 2> /dev/null | head -n1)
[ -f "$kiosk_deb" ] && [ -f "$stub_deb" ] || { ls "$build" >&2; fail "cpack made no .deb files"; exit 1; }
note "built $(basename "$kiosk_deb") ($(stat -c %s "$kiosk_deb") bytes), $(basename "$stub_deb") ($(stat -c %s "$stub_deb") bytes)"
depends=$(dpkg-deb -f "$kiosk_deb" Depends)
note "civic-kiosk Depends: $depends"
note "civic-kiosk Recommends: $(dpkg-deb -f "$kiosk_deb" Recommends)"
note "civic-kiosk-backend-stub Depends: $(dpkg-deb -f "$stub_deb" Depends)"
for need in fonts-noto-cjk fonts-noto-core fonts-dejavu-core espeak-ng-data adduser libsdl2-2.0-0 libcurl4 libsqlite3-0 \
            libsodium23 libcups2 libzinnia0 tegaki-zinnia-simplified-chinese; do
  case ", $depends," in *", $need"[\ ,]*) ;; *) fail "civic-kiosk does not depend on $need" ;; esac
done
case "$depends" in *pinyin*|*cage*) fail "civic-kiosk depends on something it does not use: $depends" ;; esac
[ "$(dpkg-deb -f "$kiosk_deb" Recommends)" = cage ] || fail "civic-kiosk does not recommend cage"
case "$(dpkg-deb -f "$stub_deb" Depends)" in *libmicrohttpd*) ;; *) fail "the stub does not depend on libmicrohttpd" ;; esac
dpkg-deb -I "$kiosk_deb" conffiles | grep -qx /etc/civic-kiosk/kiosk.ini || fail "kiosk.ini is not a conffile"
dpkg-deb -I "$stub_deb" conffiles | grep -qx /etc/default/civic-kiosk-backend-stub || fail "the stub's defaults are not a conffile"
for script in postinst prerm postrm; do
  dpkg-deb -I "$kiosk_deb" "$script" > /dev/null 2>&1 || fail "civic-kiosk has no $script"
done
contents=$(dpkg-deb -c "$kiosk_deb")
for path in ./usr/bin/civic-kiosk ./usr/share/civic-kiosk/assets/i18n/strings/strings.pot \
            ./usr/share/civic-kiosk/assets/i18n/strings/en.po ./usr/share/civic-kiosk/assets/i18n/print/zh_Hant.po \
            ./usr/share/civic-kiosk/fonts/fonts.ini ./usr/share/civic-kiosk/ime/STCharacters.txt \
            ./usr/share/civic-kiosk/ime/HKVariants.txt ./usr/share/civic-kiosk/ime/rime/deployed.txt \
            ./usr/share/civic-kiosk/ime/rime/luna_pinyin.table.bin ./usr/share/civic-kiosk/assets/ime/surnames.tsv \
            ./etc/civic-kiosk/kiosk.ini ./lib/systemd/system/civic-kiosk.service \
            ./usr/share/doc/civic-kiosk/operators/install.md; do
  echo "$contents" | grep -q " $path\$" || fail "civic-kiosk does not ship $path"
done
echo "$contents" | grep -q "var/lib" && fail "civic-kiosk ships files in /var/lib (data is made by postinst, never shipped)"

# 2. Install.
note "installing with dpkg -i"
: > "$marker"
installed=1 # from here on the trap purges, whatever dpkg managed to do
if ! DEBIAN_FRONTEND=noninteractive dpkg -i "$kiosk_deb" "$stub_deb" > "$work/dpkg-i.log" 2>&1; then
  if grep -q "dependency problems" "$work/dpkg-i.log" && command -v apt-get > /dev/null 2>&1; then
    note "dpkg reported missing dependencies; apt-get install -f"
    DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq >> "$work/dpkg-i.log" 2>&1 \
      || { cat "$work/dpkg-i.log" >&2; fail "the dependencies could not be installed"; exit 1; }
  else
    cat "$work/dpkg-i.log" >&2; fail "dpkg -i failed"; exit 1
  fi
fi
for pkg in civic-kiosk civic-kiosk-backend-stub; do
  dpkg-query -W -f='${Status}' "$pkg" | grep -q 'install ok installed' || fail "$pkg is not installed"
done
[ "$(getent passwd civic-kiosk | cut -d: -f6,7)" = /var/lib/civic-kiosk:/usr/sbin/nologin ] \
  || fail "user civic-kiosk: $(getent passwd civic-kiosk)"
[ "$(stat -c '%U:%G %a' /var/lib/civic-kiosk)" = "civic-kiosk:civic-kiosk 700" ] \
  || fail "/var/lib/civic-kiosk is $(stat -c '%U:%G %a' /var/lib/civic-kiosk)"
[ "$(stat -c '%U:%G %a' /etc/civic-kiosk/kiosk.ini)" = "root:civic-kiosk 640" ] \
  || fail "/etc/civic-kiosk/kiosk.ini is $(stat -c '%U:%G %a' /etc/civic-kiosk/kiosk.ini)"
if grep -q -a -F "$src/" /usr/bin/civic-kiosk /usr/bin/civic-kiosk-backend-stub; then fail "an installed binary names the source tree $src"; fi
runuser -u civic-kiosk -- /usr/bin/civic-kiosk --check-config --config /etc/civic-kiosk/kiosk.ini > "$work/check.out" \
  || fail "the kiosk user cannot read or validate the packaged configuration"
if command -v systemd-analyze > /dev/null 2>&1; then
  for unit in /lib/systemd/system/civic-kiosk.service /lib/systemd/system/civic-kiosk-backend-stub.service; do
    systemd-analyze verify "$unit" > "$work/verify.log" 2>&1
    rc=$?
    note "systemd-analyze verify $unit: exit $rc$( [ -s "$work/verify.log" ] && printf ', said:\n%s' "$(cat "$work/verify.log")")"
    [ $rc = 0 ] || fail "systemd-analyze verify $unit failed"
    grep -q "$(basename "$unit")" "$work/verify.log" && fail "systemd-analyze complains about $(basename "$unit")"
  done
else
  note "systemd-analyze not installed: the units were not verified"
fi

# 3. Provision against the installed stub, then run the installed kiosk as its user.
secret="pkg-test-$$-$RANDOM" token="admin-$$"
/usr/bin/civic-kiosk-backend-stub --listen 127.0.0.1:0 --db "$run_dir/stub.db" --seed demo --kiosk "k1:$secret" \
  --admin-token "$token" > "$run_dir/stub.log" 2>&1 &
stub_pid=$!
port=""
for _ in $(seq 100); do
  port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$run_dir/stub.log" | head -n1)
  [ -n "$port" ] && break
  kill -0 "$stub_pid" 2> /dev/null || break
  sleep 0.05
done
[ -n "$port" ] || { cat "$run_dir/stub.log" >&2; fail "the installed stub did not start"; exit 1; }
printf '%s\n24681357\n' "$secret" | /usr/bin/civic-kiosk --provision --config /etc/civic-kiosk/kiosk.ini \
  --data /var/lib/civic-kiosk --id k1 --backend "http://127.0.0.1:$port" --secret - --staff-pin - > "$work/provision.out" 2>&1 \
  || { cat "$work/provision.out" >&2; fail "provisioning the installed kiosk failed"; }
note "provisioning said: $(tr '\n' '|' < "$work/provision.out")"
[ "$(stat -c '%U:%G %a' /etc/civic-kiosk/kiosk.ini)" = "root:civic-kiosk 640" ] || fail "provisioning changed kiosk.ini's owner or mode"
[ "$(stat -c '%U %a' /var/lib/civic-kiosk/staff.pin 2> /dev/null)" = "civic-kiosk 600" ] \
  || fail "staff.pin is $(stat -c '%U %a' /var/lib/civic-kiosk/staff.pin 2>&1)"

as_kiosk() { runuser -u civic-kiosk -- env -u KIOSK_ASSETS_DIR -u KIOSK_FONTS_DIR /usr/bin/civic-kiosk \
  --config /etc/civic-kiosk/kiosk.ini --data /var/lib/civic-kiosk "$@"; }
cp "$src/tests/scenarios/home.script" "$src/tests/scenarios/booking_online.script" "$run_dir/"
sed "s/@REFERENCE@/__REF__/" "$src/tests/scenarios/booking_lookup.script" > "$run_dir/lookup.template"
install -d -o civic-kiosk -g civic-kiosk "$run_dir/out"
chmod 0644 "$run_dir"/*.script
(cd / && as_kiosk --sync-now > "$work/sync.out" 2>&1) || { cat "$work/sync.out" >&2; fail "--sync-now as civic-kiosk"; }
(cd / && as_kiosk --headless --script "$run_dir/home.script" --out "$run_dir/out/home" 2> "$work/home.err") \
  || { cat "$work/home.err" >&2; fail "the home scenario on the installed kiosk"; }
(cd / && as_kiosk --headless --script "$run_dir/booking_online.script" --out "$run_dir/out/booking" 2> "$work/booking.err") \
  || { cat "$work/booking.err" >&2; fail "the booking scenario on the installed kiosk"; }
# Pinyin from the installed schemas (never deployed at run time): a name field offers 张三 for zhangsan.
printf 'tap #attract.start\ngoto gallery\ntap #field.name\ntype zhangsan\nexpect #candidate.0="张三"\n' > "$run_dir/pinyin.script"
chmod 0644 "$run_dir/pinyin.script"
(cd / && as_kiosk --headless --script "$run_dir/pinyin.script" --out "$run_dir/out/pinyin" 2> "$work/pinyin.err") \
  || { cat "$work/pinyin.err" >&2; fail "pinyin on the installed kiosk"; }
ref=$(jq -r '.widgets[] | select(.id == "done.reference") | .text' "$run_dir/out/booking/bk-done.json" 2> /dev/null)
if [ -n "$ref" ]; then
  sed "s/__REF__/$ref/" "$run_dir/lookup.template" > "$run_dir/lookup.script"; chmod 0644 "$run_dir/lookup.script"
  (cd / && as_kiosk --headless --script "$run_dir/lookup.script" --out "$run_dir/out/lookup" 2> "$work/lookup.err") \
    || { cat "$work/lookup.err" >&2; fail "the lookup scenario on the installed kiosk"; }
  note "booked and looked up $ref on the installed kiosk"
else
  fail "no booking reference on the done screen"
fi
n=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/admin/records?type=booking" | jq .count)
[ "$n" = 1 ] || fail "the installed stub holds $n bookings, expected 1"
for f in kiosk.db kiosk.key; do
  [ "$(stat -c %U "/var/lib/civic-kiosk/$f" 2> /dev/null)" = civic-kiosk ] || fail "/var/lib/civic-kiosk/$f is not the kiosk user's"
done
[ "$(stat -c %a /var/lib/civic-kiosk/kiosk.key)" = 600 ] || fail "kiosk.key is not 0600"
[ -z "$(find /var/lib/civic-kiosk ! -user civic-kiosk)" ] || fail "files in /var/lib/civic-kiosk not owned by civic-kiosk: $(find /var/lib/civic-kiosk ! -user civic-kiosk)"

# 4. Reinstall over itself: configuration and data stay.
db_before=$(stat -c %s /var/lib/civic-kiosk/kiosk.db)
DEBIAN_FRONTEND=noninteractive dpkg --force-confold -i "$kiosk_deb" > "$work/dpkg-again.log" 2>&1 \
  || { cat "$work/dpkg-again.log" >&2; fail "reinstalling over itself"; }
grep -q '^id = k1$' /etc/civic-kiosk/kiosk.ini || fail "the upgrade lost the provisioned configuration"
[ -s /var/lib/civic-kiosk/kiosk.db ] && [ -s /var/lib/civic-kiosk/kiosk.key ] || fail "the upgrade lost the data"
[ "$(stat -c %s /var/lib/civic-kiosk/kiosk.db)" -ge "$db_before" ] || fail "the database shrank across the upgrade"
[ "$(stat -c '%U:%G %a' /etc/civic-kiosk/kiosk.ini)" = "root:civic-kiosk 640" ] || fail "the upgrade changed kiosk.ini's owner or mode"

# 5. Remove keeps configuration and data; purge leaves nothing.
kill "$stub_pid" 2> /dev/null; wait "$stub_pid" 2> /dev/null; stub_pid=""
DEBIAN_FRONTEND=noninteractive dpkg -r civic-kiosk-backend-stub civic-kiosk > "$work/dpkg-r.log" 2>&1 \
  || { cat "$work/dpkg-r.log" >&2; fail "dpkg -r"; }
[ -f /etc/civic-kiosk/kiosk.ini ] && [ -f /var/lib/civic-kiosk/kiosk.db ] || fail "dpkg -r removed configuration or data"
[ -e /usr/bin/civic-kiosk ] && fail "dpkg -r left /usr/bin/civic-kiosk"
DEBIAN_FRONTEND=noninteractive dpkg --purge civic-kiosk-backend-stub civic-kiosk > "$work/dpkg-purge.log" 2>&1 \
  || { cat "$work/dpkg-purge.log" >&2; fail "dpkg --purge"; }
installed=0
rm -f "$marker"
for path in /usr/share/civic-kiosk /etc/civic-kiosk /var/lib/civic-kiosk /usr/bin/civic-kiosk /usr/bin/civic-kiosk-backend-stub \
            /lib/systemd/system/civic-kiosk.service /lib/systemd/system/civic-kiosk-backend-stub.service \
            /etc/default/civic-kiosk-backend-stub /usr/share/doc/civic-kiosk; do
  [ -e "$path" ] && fail "$path is still there after the purge"
done
getent passwd civic-kiosk > /dev/null && fail "the user civic-kiosk is still there after the purge"
for pkg in civic-kiosk civic-kiosk-backend-stub; do
  dpkg-query -W -f='${Status}' "$pkg" 2> /dev/null | grep -qv 'not-installed' && fail "dpkg still knows $pkg"
done
note "finished in $(( $(date +%s) - started )) s"
exit $status
