<?php

/**
 * Loads WordPress WITHOUT the WooCommerce stand-in (in its own process) and reports, as JSON on the
 * last line, what the plugin did. Used by ActivationTest.
 *
 * @package TrulyBot_Commerce
 */

// phpcs:disable PSR1.Files.SideEffects

define('TRULYBOT_TEST_NO_WOO', true);
require __DIR__ . '/wp-loader.php';
trulybot_test_load_wordpress(false);

$admins = get_users(array('role' => 'administrator', 'number' => 1, 'fields' => 'ids'));
wp_set_current_user((int) $admins[0]);
ob_start();
do_action('admin_notices');
$notice = ob_get_clean();
$routes = rest_get_server()->get_routes();

echo "\n" . wp_json_encode(
    array(
        'woocommerce'        => class_exists('WooCommerce'),
        'plugin_file_loaded' => defined('TRULYBOT_COMMERCE_FILE'),
        'notice'             => $notice,
        'plugin_class'       => class_exists('TrulyBot_Plugin', false),
        'rest_routes'        => isset($routes['/trulybot/v1/config']) || isset($routes['/trulybot/v1/messages']),
        'menu_hooked'        => class_exists('TrulyBot_Admin', false),
        'script_hooked'      => class_exists('TrulyBot_Frontend', false),
    )
) . "\n";
