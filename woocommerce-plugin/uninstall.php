<?php

/**
 * Uninstall: tells the app to disconnect (best effort, short timeout), revokes the local
 * credentials and removes every option and transient of the plugin.
 *
 * @package TrulyBot_Commerce
 */

defined('WP_UNINSTALL_PLUGIN') || exit;

if (!defined('TRULYBOT_COMMERCE_VERSION')) {
    define('TRULYBOT_COMMERCE_VERSION', '0.1.0');
}
if (!defined('TRULYBOT_COMMERCE_FILE')) {
    define('TRULYBOT_COMMERCE_FILE', __DIR__ . '/trulybot-commerce.php');
}
require_once __DIR__ . '/includes/class-trulybot-settings.php';
require_once __DIR__ . '/includes/class-trulybot-signer.php';
require_once __DIR__ . '/includes/class-trulybot-client.php';
require_once __DIR__ . '/includes/class-trulybot-admin.php';
require_once __DIR__ . '/includes/class-trulybot-connect.php';
require_once __DIR__ . '/includes/class-trulybot-webhooks.php';

if (!function_exists('trulybot_commerce_uninstall_site')) {
    /**
     * Cleans one site.
     */
    function trulybot_commerce_uninstall_site()
    {
        global $wpdb;
        TrulyBot_Connect::disconnect('uninstall', 3);
        delete_option(TrulyBot_Settings::OPTION);
        // Direct query: transients have per-user keys that cannot be listed otherwise.
        $wpdb->query(
            "DELETE FROM {$wpdb->options} WHERE option_name LIKE '\\_transient\\_trulybot\\_%'"
            . " OR option_name LIKE '\\_transient\\_timeout\\_trulybot\\_%'"
        );
    }
}

if (is_multisite()) {
    foreach (get_sites(array('fields' => 'ids', 'number' => 0)) as $trulybot_site_id) {
        switch_to_blog((int) $trulybot_site_id);
        trulybot_commerce_uninstall_site();
        restore_current_blog();
    }
} else {
    trulybot_commerce_uninstall_site();
}
