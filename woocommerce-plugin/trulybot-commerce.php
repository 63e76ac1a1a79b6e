<?php

/**
 * Plugin Name:          TrulyBot Commerce
 * Plugin URI:           https://trulybot.ai/
 * Description:          Order-tracking chat bot for WooCommerce: live order status, shipments and tracking links.
 * Version:              0.1.0
 * Requires at least:    6.1
 * Requires PHP:         7.4
 * Requires Plugins:     woocommerce
 * Author:               TrulyBot
 * Author URI:           https://trulybot.ai/
 * License:              GPLv2 or later
 * License URI:          https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:          trulybot-commerce
 * Domain Path:          /languages
 * WC requires at least: 8.0
 * WC tested up to:      10.0
 *
 * @package TrulyBot_Commerce
 */

defined('ABSPATH') || exit;

// A second installed copy of the plugin (e.g. "trulybot-commerce-1" next to "trulybot-commerce")
// must not redeclare anything: the copy loaded first runs, the other only says so.
if (defined('TRULYBOT_COMMERCE_FILE')) {
    if (!function_exists('trulybot_commerce_duplicate_notice')) {
        /**
         * Admin notice naming the copy that is not running.
         */
        function trulybot_commerce_duplicate_notice()
        {
            if (!current_user_can('activate_plugins')) {
                return;
            }
            echo '<div class="notice notice-warning"><p>'
                . esc_html__(
                    // phpcs:ignore Generic.Files.LineLength -- one literal, so translation tools extract it.
                    'Two copies of TrulyBot Commerce are active. Only the first one runs; please deactivate and delete the other copy on the Plugins screen.',
                    'trulybot-commerce'
                )
                . '</p></div>';
        }
    }
    add_action('admin_notices', 'trulybot_commerce_duplicate_notice');
    return;
}

define('TRULYBOT_COMMERCE_VERSION', '0.1.0');
define('TRULYBOT_COMMERCE_FILE', __FILE__);
define('TRULYBOT_COMMERCE_DIR', plugin_dir_path(__FILE__));

// Settings storage and activation need no WooCommerce; everything else loads only with it.
require_once TRULYBOT_COMMERCE_DIR . 'includes/class-trulybot-settings.php';

register_activation_hook(__FILE__, array('TrulyBot_Settings', 'activate'));

add_action(
    'before_woocommerce_init',
    static function () {
        if (class_exists('\Automattic\WooCommerce\Utilities\FeaturesUtil')) {
            foreach (array('custom_order_tables', 'cart_checkout_blocks') as $trulybot_feature) {
                \Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility(
                    $trulybot_feature,
                    TRULYBOT_COMMERCE_FILE,
                    true
                );
            }
        }
    }
);

add_action('init', 'trulybot_commerce_load_textdomain');
add_action('plugins_loaded', 'trulybot_commerce_boot');

if (!function_exists('trulybot_commerce_load_textdomain')) {
    /**
     * Loads the translations from the plugin's languages folder.
     */
    function trulybot_commerce_load_textdomain()
    {
        load_plugin_textdomain(
            'trulybot-commerce',
            false,
            dirname(plugin_basename(TRULYBOT_COMMERCE_FILE)) . '/languages'
        );
    }
}

if (!function_exists('trulybot_commerce_woocommerce_active')) {
    /**
     * True when WooCommerce is loaded.
     */
    function trulybot_commerce_woocommerce_active()
    {
        return class_exists('WooCommerce');
    }
}

if (!function_exists('trulybot_commerce_boot')) {
    /**
     * Starts the plugin, or only shows an admin notice when WooCommerce is missing.
     */
    function trulybot_commerce_boot()
    {
        if (!trulybot_commerce_woocommerce_active()) {
            add_action('admin_notices', 'trulybot_commerce_missing_woocommerce_notice');
            return;
        }
        require_once TRULYBOT_COMMERCE_DIR . 'includes/class-trulybot-signer.php';
        require_once TRULYBOT_COMMERCE_DIR . 'includes/class-trulybot-client.php';
        require_once TRULYBOT_COMMERCE_DIR . 'includes/class-trulybot-connect.php';
        require_once TRULYBOT_COMMERCE_DIR . 'includes/class-trulybot-webhooks.php';
        require_once TRULYBOT_COMMERCE_DIR . 'includes/class-trulybot-admin.php';
        require_once TRULYBOT_COMMERCE_DIR . 'includes/class-trulybot-rest.php';
        require_once TRULYBOT_COMMERCE_DIR . 'includes/class-trulybot-frontend.php';
        require_once TRULYBOT_COMMERCE_DIR . 'includes/class-trulybot-plugin.php';
        TrulyBot_Plugin::instance()->init();
    }
}

if (!function_exists('trulybot_commerce_missing_woocommerce_notice')) {
    /**
     * Admin notice shown instead of a fatal error when WooCommerce is not active.
     */
    function trulybot_commerce_missing_woocommerce_notice()
    {
        if (!current_user_can('activate_plugins')) {
            return;
        }
        echo '<div class="notice notice-error"><p>'
            . esc_html__(
                'TrulyBot Commerce needs WooCommerce. Please install and activate WooCommerce to use the chat bot.',
                'trulybot-commerce'
            )
            . '</p></div>';
    }
}
