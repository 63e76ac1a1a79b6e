<?php

/**
 * PHPUnit bootstrap: recreates the test database, installs WordPress (Debian's package) with the
 * plugin activated in a separate process, then loads WordPress with the WooCommerce stand-in.
 *
 * @package TrulyBot_Commerce
 */

// phpcs:disable PSR1.Files.SideEffects

require __DIR__ . '/wp-loader.php';

$trulybot_host = trulybot_test_env('TRULYBOT_TEST_DB_HOST', '127.0.0.1:3306');
$trulybot_port = 3306;
if (false !== strpos($trulybot_host, ':')) {
    list($trulybot_host, $trulybot_port) = explode(':', $trulybot_host, 2);
}
mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
$trulybot_db = new mysqli(
    $trulybot_host,
    trulybot_test_env('TRULYBOT_TEST_DB_USER', 'root'),
    trulybot_test_env('TRULYBOT_TEST_DB_PASSWORD', ''),
    '',
    (int) $trulybot_port
);
$trulybot_name = str_replace('`', '', trulybot_test_env('TRULYBOT_TEST_DB_NAME', 'trulybot_wp_test'));
$trulybot_db->query('DROP DATABASE IF EXISTS `' . $trulybot_name . '`');
$trulybot_db->query('CREATE DATABASE `' . $trulybot_name . '` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
$trulybot_db->close();
mysqli_report(MYSQLI_REPORT_OFF);

exec(escapeshellarg(PHP_BINARY) . ' ' . escapeshellarg(__DIR__ . '/install.php') . ' 2>&1', $trulybot_out, $trulybot_rc);
if (0 !== $trulybot_rc) {
    fwrite(STDERR, "WordPress install failed:\n" . implode("\n", $trulybot_out) . "\n");
    exit(1);
}

require __DIR__ . '/stubs/features-util.php';
trulybot_test_load_wordpress(false);

require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once __DIR__ . '/TestCase.php';
