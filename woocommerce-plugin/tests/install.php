<?php

/**
 * Installs WordPress into the (empty) test database and activates the plugin. Run by bootstrap.php
 * in its own process, because WordPress in install mode loads no plugins.
 *
 * @package TrulyBot_Commerce
 */

// phpcs:disable PSR1.Files.SideEffects

require __DIR__ . '/wp-loader.php';
trulybot_test_load_wordpress(true);

require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$result = wp_install('TrulyBot Test Shop', 'admin', 'admin@shop.example.org', true, '', 'password');
if (empty($result['user_id'])) {
    fwrite(STDERR, "wp_install failed\n");
    exit(1);
}
// The stand-in for WooCommerce: its roles and capability (WooCommerce adds these on install).
get_role('administrator')->add_cap('manage_woocommerce');
add_role('customer', 'Customer', array('read' => true));
add_role('shop_manager', 'Shop manager', array('read' => true, 'manage_woocommerce' => true));

// WooCommerce's API keys table (schema of WC_Install), where /wc-auth/v1/authorize stores the app's key.
global $wpdb;
$wpdb->query(
    "CREATE TABLE {$wpdb->prefix}woocommerce_api_keys (
        key_id BIGINT UNSIGNED NOT NULL auto_increment,
        user_id BIGINT UNSIGNED NOT NULL,
        description varchar(200) NULL,
        permissions varchar(10) NOT NULL,
        consumer_key char(64) NOT NULL,
        consumer_secret char(43) NOT NULL,
        nonces longtext NULL,
        truncated_key char(7) NOT NULL,
        last_access datetime NULL default null,
        PRIMARY KEY  (key_id),
        KEY consumer_key (consumer_key),
        KEY consumer_secret (consumer_secret)
    ) {$wpdb->get_charset_collate()}"
);

// WooCommerce's webhooks table (schema of WC_Install), written through WC_Webhook (tests/stubs/wc-webhook.php).
$wpdb->query(
    "CREATE TABLE {$wpdb->prefix}wc_webhooks (
        webhook_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        status varchar(200) NOT NULL,
        name text NOT NULL,
        user_id BIGINT UNSIGNED NOT NULL,
        delivery_url text NOT NULL,
        secret text NOT NULL,
        topic varchar(200) NOT NULL,
        date_created datetime NOT NULL default '0000-00-00 00:00:00',
        date_created_gmt datetime NOT NULL default '0000-00-00 00:00:00',
        date_modified datetime NOT NULL default '0000-00-00 00:00:00',
        date_modified_gmt datetime NOT NULL default '0000-00-00 00:00:00',
        api_version smallint(4) NOT NULL,
        failure_count smallint(10) NOT NULL DEFAULT '0',
        pending_delivery tinyint(1) NOT NULL DEFAULT '0',
        PRIMARY KEY  (webhook_id),
        KEY user_id (user_id)
    ) {$wpdb->get_charset_collate()}"
);

$activated = activate_plugin(TRULYBOT_TEST_PLUGIN_BASENAME);
if (is_wp_error($activated)) {
    fwrite(STDERR, 'activate_plugin failed: ' . $activated->get_error_message() . "\n");
    exit(1);
}
echo "installed\n";
