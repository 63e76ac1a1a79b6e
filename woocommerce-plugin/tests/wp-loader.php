<?php

/**
 * Loads the Debian-packaged WordPress (/usr/share/wordpress) against the test database, with the
 * plugin in a temporary wp-content. Used by bootstrap.php, install.php and probe-no-woo.php.
 *
 * Environment: TRULYBOT_WP_DIR (default /usr/share/wordpress), TRULYBOT_TEST_DB_HOST (127.0.0.1:3306),
 * TRULYBOT_TEST_DB_USER (root), TRULYBOT_TEST_DB_PASSWORD (""), TRULYBOT_TEST_DB_NAME (trulybot_wp_test).
 *
 * @package TrulyBot_Commerce
 */

// phpcs:disable PSR1.Files.SideEffects

function trulybot_test_env($name, $default)
{
    $value = getenv($name);
    return false === $value ? $default : $value;
}

define('TRULYBOT_TEST_PLUGIN_DIR', dirname(__DIR__));
define('TRULYBOT_TEST_CONTENT_DIR', sys_get_temp_dir() . '/trulybot-wp-test-content');
define('TRULYBOT_TEST_PLUGIN_BASENAME', 'trulybot-commerce/trulybot-commerce.php');

/**
 * Prepares wp-content/plugins/trulybot-commerce → the plugin folder (as it is named when installed).
 */
function trulybot_test_prepare_content_dir()
{
    $plugins = TRULYBOT_TEST_CONTENT_DIR . '/plugins';
    foreach (array(TRULYBOT_TEST_CONTENT_DIR, $plugins, TRULYBOT_TEST_CONTENT_DIR . '/uploads') as $dir) {
        if (!is_dir($dir)) {
            mkdir($dir, 0777, true);
        }
    }
    $link = $plugins . '/trulybot-commerce';
    if (is_link($link) && readlink($link) !== TRULYBOT_TEST_PLUGIN_DIR) {
        unlink($link);
    }
    if (!file_exists($link)) {
        symlink(TRULYBOT_TEST_PLUGIN_DIR, $link);
    }
}

/**
 * Loads WordPress. $installing = true loads it in install mode (no plugins).
 *
 * @param bool $installing Install mode.
 */
function trulybot_test_load_wordpress($installing = false)
{
    global $table_prefix, $wp_filter;

    trulybot_test_prepare_content_dir();

    $wp_dir = rtrim(trulybot_test_env('TRULYBOT_WP_DIR', '/usr/share/wordpress'), '/') . '/';
    define('ABSPATH', $wp_dir);
    define('DB_NAME', trulybot_test_env('TRULYBOT_TEST_DB_NAME', 'trulybot_wp_test'));
    define('DB_USER', trulybot_test_env('TRULYBOT_TEST_DB_USER', 'root'));
    define('DB_PASSWORD', trulybot_test_env('TRULYBOT_TEST_DB_PASSWORD', ''));
    define('DB_HOST', trulybot_test_env('TRULYBOT_TEST_DB_HOST', '127.0.0.1:3306'));
    define('DB_CHARSET', 'utf8mb4');
    define('DB_COLLATE', '');
    define('WP_CONTENT_DIR', TRULYBOT_TEST_CONTENT_DIR);
    define('WP_HOME', 'http://shop.example.org');
    define('WP_SITEURL', 'http://shop.example.org');
    define('WP_DEBUG', true);
    define('WP_DEBUG_DISPLAY', true);
    define('WP_DEBUG_LOG', false);
    define('DISABLE_WP_CRON', true);
    define('WP_AUTO_UPDATE_CORE', false);
    define('AUTOMATIC_UPDATER_DISABLED', true);
    define('WP_HTTP_BLOCK_EXTERNAL', true);
    foreach (array('AUTH', 'SECURE_AUTH', 'LOGGED_IN', 'NONCE') as $salt) {
        define($salt . '_KEY', 'trulybot-test-' . $salt . '-key');
        define($salt . '_SALT', 'trulybot-test-' . $salt . '-salt');
    }
    $table_prefix = 'wptests_';

    $_SERVER['HTTP_HOST'] = 'shop.example.org';
    $_SERVER['SERVER_NAME'] = 'shop.example.org';
    $_SERVER['SERVER_PORT'] = '80';
    $_SERVER['REQUEST_METHOD'] = 'GET';
    $_SERVER['REQUEST_URI'] = '/';
    $_SERVER['REMOTE_ADDR'] = '127.0.0.1';
    $_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
    $_SERVER['PHP_SELF'] = '/index.php';

    if ($installing) {
        define('WP_INSTALLING', true);
    } elseif (!defined('TRULYBOT_TEST_NO_WOO')) {
        // WooCommerce stand-in: just enough for the plugin to see "WooCommerce is active".
        if (!class_exists('WooCommerce')) {
            require __DIR__ . '/stubs/woocommerce.php';
        }
    }

    // Hooks registered before WordPress loads (like the core test suite's tests_add_filter()).
    $wp_filter['wp_die_handler'][10][] = array(
        'function'      => static function () {
            return 'trulybot_test_wp_die';
        },
        'accepted_args' => 1,
    );

    require ABSPATH . 'wp-settings.php';
}

/**
 * wp_die() during tests throws, so the test can assert on it.
 *
 * @param string|WP_Error $message Message.
 * @param string          $title   Title.
 * @param array|int       $args    Args.
 * @throws TrulyBot_Test_Die Always.
 */
function trulybot_test_wp_die($message, $title = '', $args = array())
{
    if (is_wp_error($message)) {
        $message = $message->get_error_message();
    }
    $status = is_array($args) && isset($args['response']) ? (int) $args['response'] : (is_int($args) ? $args : 500);
    throw new TrulyBot_Test_Die((string) $message, $status);
}

/**
 * Thrown by wp_die() in tests.
 */
class TrulyBot_Test_Die extends RuntimeException
{
}
