# shellcheck shell=bash
# Installs Debian packages that are missing, for dev.sh (the build, tests and demo) and bench/run.sh
# (the same, and Chromium for the comparison with a browser kiosk); each keeps its own list and
# sources this file. As root it runs apt-get; otherwise through sudo, or without sudo it prints the
# apt-get line to run as root and exits 1. Idempotent: nothing to install, nothing run.

packages_log() { printf '\033[1m%s:\033[0m %s\n' "${0##*/}" "$*" >&2; }

# packages_install_missing PACKAGE...: installs those of the named packages that are not installed.
packages_install_missing() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  packages_log "installing missing Debian packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      packages_log "not root and no sudo: install these packages as root, then run again:"
      packages_log "  apt-get install ${missing[*]}"
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
