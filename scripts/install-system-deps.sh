#!/usr/bin/env bash
# The Debian packages the full test suite needs (Chromium for the browser tests; PHP, PHPUnit,
# PHP_CodeSniffer, WordPress and zip for the WooCommerce plugin tests). Installs only what is
# missing; needs root (or sudo) and apt-get. Used by `npm test` (as root, unless
# TRULYBOT_NO_INSTALL=1) and by .ci/run.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v php >/dev/null 2>&1 || need+=(php-cli)
for p in php-mysql php-xml php-mbstring php-curl; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
command -v phpunit >/dev/null 2>&1 || need+=(phpunit)
command -v phpcs >/dev/null 2>&1 || need+=(php-codesniffer)
[ -d /usr/share/wordpress ] || need+=(wordpress)
command -v zip >/dev/null 2>&1 || need+=(zip)
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=sudo; else
    echo "not root: cannot install ${need[*]}" >&2
    exit 2
  fi
fi
command -v apt-get >/dev/null 2>&1 || { echo "no apt-get: cannot install ${need[*]}" >&2; exit 2; }
echo "Installing the Debian packages the tests need: ${need[*]}"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
