#!/usr/bin/env bash
# WooCommerce plugin checks: php -l on every plugin file, PHP_CodeSniffer (woocommerce-plugin/phpcs.xml.dist),
# then PHPUnit inside a real WordPress (Debian's `wordpress` package) on MariaDB (127.0.0.1:3306, root).
#
#   bash scripts/test-php.sh            # run; installs nothing
#   bash scripts/test-php.sh --install  # first apt-get install the missing Debian packages (root)
#   CI=true bash scripts/test-php.sh    # same as --install; a missing tool is a failure
#
# Environment: TRULYBOT_WP_DIR (default /usr/share/wordpress), TRULYBOT_TEST_DB_HOST (127.0.0.1:3306),
# TRULYBOT_TEST_DB_USER (root), TRULYBOT_TEST_DB_PASSWORD (empty), TRULYBOT_TEST_DB_NAME (trulybot_wp_test;
# dropped and recreated on every run).
set -u

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PLUGIN="$ROOT/woocommerce-plugin"
WP_DIR="${TRULYBOT_WP_DIR:-/usr/share/wordpress}"
DB_HOST_PORT="${TRULYBOT_TEST_DB_HOST:-127.0.0.1:3306}"
DB_HOST="${DB_HOST_PORT%%:*}"
DB_PORT="${DB_HOST_PORT##*:}"
[ "$DB_PORT" = "$DB_HOST_PORT" ] && DB_PORT=3306

INSTALL=0
case "${CI:-}" in true|1) INSTALL=1; IS_CI=1 ;; *) IS_CI=0 ;; esac
for arg in "$@"; do
  case "$arg" in
    --install) INSTALL=1 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

if [ "$INSTALL" = 1 ]; then
  # Debian package names (bookworm): PHP 8.2 CLI and extensions, PHPUnit 9.6, PHP_CodeSniffer, WordPress 6.1.
  PKGS="php-cli php-mysql php-xml php-mbstring php-curl phpunit php-codesniffer wordpress mariadb-server"
  MISSING=""
  for p in $PKGS; do
    dpkg -s "$p" >/dev/null 2>&1 || MISSING="$MISSING $p"
  done
  if [ -n "$MISSING" ]; then
    echo "Installing:$MISSING"
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $MISSING \
      || { echo "apt-get install failed" >&2; exit 1; }
  fi
fi

if ! command -v php >/dev/null 2>&1; then
  if [ "$IS_CI" = 1 ]; then
    echo "PHP not found (CI=true): cannot run the WooCommerce plugin tests" >&2
    exit 1
  fi
  echo "PHP not found: skipping the WooCommerce plugin tests"
  exit 0
fi

missing_tools=""
command -v phpunit >/dev/null 2>&1 || missing_tools="$missing_tools phpunit"
command -v phpcs >/dev/null 2>&1 || missing_tools="$missing_tools phpcs(php-codesniffer)"
[ -f "$WP_DIR/wp-settings.php" ] || missing_tools="$missing_tools wordpress($WP_DIR)"
php -m 2>/dev/null | grep -qi '^mysqli$' || missing_tools="$missing_tools php-mysql"
if [ -n "$missing_tools" ]; then
  echo "Missing for the WooCommerce plugin tests:$missing_tools — run: bash scripts/test-php.sh --install" >&2
  exit 1
fi

port_open() { (exec 3<>"/dev/tcp/$DB_HOST/$DB_PORT") >/dev/null 2>&1; }

if ! port_open; then
  if [ "$DB_HOST" = 127.0.0.1 ] || [ "$DB_HOST" = localhost ]; then
    if [ -x /usr/sbin/mariadbd ]; then
      echo "MariaDB is not listening on $DB_HOST:$DB_PORT: starting /usr/sbin/mariadbd"
      mkdir -p /run/mysqld 2>/dev/null && chown mysql:mysql /run/mysqld 2>/dev/null
      if [ ! -d /var/lib/mysql/mysql ] && command -v mariadb-install-db >/dev/null 2>&1; then
        mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null 2>&1
      fi
      start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
    fi
    for _ in $(seq 1 60); do
      port_open && break
      sleep 0.5
    done
  fi
  if ! port_open; then
    echo "MariaDB is not reachable on $DB_HOST:$DB_PORT (install mariadb-server or set TRULYBOT_TEST_DB_HOST)" >&2
    exit 1
  fi
fi

status=0

echo "--- php -l ($(php -r 'echo PHP_VERSION;'))"
lint_failed=0
lint_count=0
while IFS= read -r -d '' f; do
  lint_count=$((lint_count + 1))
  if ! out="$(php -l "$f" 2>&1)"; then
    echo "$out"
    lint_failed=1
  fi
done < <(find "$PLUGIN" -name '*.php' -not -path '*/assets/*' -not -path '*/vendor/*' -print0)
if [ "$lint_failed" = 0 ]; then
  echo "php -l: $lint_count files, no syntax errors"
else
  status=1
fi

echo "--- phpcs"
if (cd "$PLUGIN" && phpcs -q --no-colors --report=full --standard=phpcs.xml.dist); then
  echo "phpcs: clean"
else
  echo "phpcs: FAILED"
  status=1
fi

echo "--- phpunit"
if ! (cd "$PLUGIN" && phpunit --configuration phpunit.xml.dist); then
  status=1
fi

exit "$status"
