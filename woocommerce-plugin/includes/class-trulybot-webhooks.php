<?php

/**
 * WooCommerce webhooks for TrulyBot, registered locally through WooCommerce's own webhook API
 * (WC_Webhook): no REST write key is needed. On connect the plugin makes a webhook secret, sends
 * it to the app (signed) and gets the delivery URL back; it then creates one webhook per topic.
 * Removed on disconnect and uninstall; repaired (re-enabled, or re-created) when WooCommerce
 * disabled one after failed deliveries, or one went missing.
 *
 * @package TrulyBot_Commerce
 */

defined('ABSPATH') || exit;

if (!class_exists('TrulyBot_Webhooks')) {
    /**
     * The plugin's webhooks.
     */
    class TrulyBot_Webhooks
    {
        public const TOPICS = array('order.created', 'order.updated', 'order.deleted', 'customer.deleted');
        public const PATH_SECRET = '/api/v1/woo/webhooks/secret';
        public const NAME_PREFIX = 'TrulyBot: ';
        public const REPAIR_HOOK = 'trulybot_repair_webhooks';
        public const CHECK_HOOK = 'trulybot_check_webhooks';
        /** Wait before re-enabling a webhook WooCommerce disabled (the app may still be down). */
        public const REPAIR_DELAY = 900;

        /**
         * Registers the cron hooks.
         */
        public static function init()
        {
            add_action(self::REPAIR_HOOK, array(__CLASS__, 'repair'));
            add_action(self::CHECK_HOOK, array(__CLASS__, 'repair'));
            add_action('woocommerce_webhook_disabled_due_delivery_failures', array(__CLASS__, 'on_disabled'));
            if (TrulyBot_Settings::is_connected() && !wp_next_scheduled(self::CHECK_HOOK)) {
                wp_schedule_event(time() + HOUR_IN_SECONDS, 'daily', self::CHECK_HOOK);
            }
        }

        /**
         * True when WooCommerce's webhook API is loaded.
         *
         * @return bool
         */
        public static function available()
        {
            return class_exists('WC_Webhook') && function_exists('wc_get_webhook');
        }

        /**
         * Creates (or updates) the webhooks with a fresh secret, after the app stored that secret.
         *
         * @return true|WP_Error
         */
        public static function register()
        {
            if (!self::available()) {
                return new WP_Error('trulybot_webhooks', __('WooCommerce\'s webhook API is not available.', 'trulybot-commerce'));
            }
            $secret = bin2hex(random_bytes(24));
            $delivery_url = self::send_secret($secret);
            if (is_wp_error($delivery_url)) {
                return $delivery_url;
            }
            $ids = array();
            $known = self::ids();
            foreach (self::TOPICS as $topic) {
                $webhook = isset($known[$topic]) ? wc_get_webhook((int) $known[$topic]) : null;
                if (!$webhook) {
                    $webhook = new WC_Webhook();
                    $webhook->set_user_id(self::owner_id());
                }
                $webhook->set_name(self::NAME_PREFIX . $topic);
                $webhook->set_topic($topic);
                $webhook->set_delivery_url($delivery_url);
                $webhook->set_secret($secret);
                $webhook->set_api_version('wp_api_v3');
                $webhook->set_status('active');
                $webhook->set_failure_count(0);
                $ids[$topic] = (int) $webhook->save();
            }
            TrulyBot_Settings::update(array('webhook_ids' => $ids, 'webhooks_checked_at' => time()));
            return true;
        }

        /**
         * Sends the secret to the app (signed, with the site title the store is shown under) and returns
         * the delivery URL it answered, which must be on the app's host.
         *
         * @param string $secret Webhook secret.
         * @return string|WP_Error
         */
        private static function send_secret($secret)
        {
            $body = wp_json_encode(
                array(
                    'secret'    => $secret,
                    'storeName' => wp_specialchars_decode((string) get_bloginfo('name'), ENT_QUOTES),
                )
            );
            $response = TrulyBot_Client::signed_request('POST', self::PATH_SECRET, $body);
            $data = TrulyBot_Client::json($response);
            $url = is_array($data) && isset($data['deliveryUrl']) && is_string($data['deliveryUrl']) ? $data['deliveryUrl'] : '';
            $host = wp_parse_url($url, PHP_URL_HOST);
            if (
                is_wp_error($response) || 200 !== (int) wp_remote_retrieve_response_code($response) || '' === $url
                || !is_string($host) || strtolower($host) !== TrulyBot_Connect::app_host()
            ) {
                return new WP_Error(
                    'trulybot_webhooks',
                    __('TrulyBot could not set up order updates right now. Use "Repair" below to try again.', 'trulybot-commerce')
                );
            }
            return $url;
        }

        /**
         * The user the webhooks build their payloads as: the current admin, else the first administrator.
         *
         * @return int
         */
        private static function owner_id()
        {
            $id = get_current_user_id();
            if ($id > 0 && user_can($id, 'manage_woocommerce')) {
                return $id;
            }
            $admins = get_users(array('role' => 'administrator', 'number' => 1, 'fields' => 'ID', 'orderby' => 'ID'));
            return $admins ? (int) $admins[0] : 0;
        }

        /**
         * Stored webhook ids by topic.
         *
         * @return array<string, int>
         */
        public static function ids()
        {
            $ids = TrulyBot_Settings::get('webhook_ids');
            return is_array($ids) ? array_map('intval', $ids) : array();
        }

        /**
         * Deletes the plugin's webhooks. Without WooCommerce loaded (uninstall), deletes their rows.
         *
         * @return int Number deleted.
         */
        public static function unregister()
        {
            $deleted = 0;
            foreach (self::ids() as $id) {
                if (self::available()) {
                    $webhook = wc_get_webhook($id);
                    $deleted += ($webhook && $webhook->delete(true)) ? 1 : 0;
                } else {
                    $deleted += self::delete_row($id);
                }
            }
            TrulyBot_Settings::update(array('webhook_ids' => array()));
            wp_clear_scheduled_hook(self::CHECK_HOOK);
            wp_clear_scheduled_hook(self::REPAIR_HOOK);
            return $deleted;
        }

        /**
         * Deletes one webhook row directly (WooCommerce not loaded).
         *
         * @param int $id Webhook id.
         * @return int
         */
        private static function delete_row($id)
        {
            global $wpdb;
            $table = $wpdb->prefix . 'wc_webhooks';
            // phpcs:ignore -- WooCommerce's own table, written by WooCommerce through $wpdb too.
            if ($wpdb->get_var($wpdb->prepare('SHOW TABLES LIKE %s', $wpdb->esc_like($table))) !== $table) {
                return 0;
            }
            return (int) $wpdb->delete($table, array('webhook_id' => (int) $id), array('%d'));
        }

        /**
         * Each topic's webhook as WooCommerce has it: id, status (active | paused | disabled | missing), failures.
         *
         * @return array<string, array{id: int, status: string, failures: int}>
         */
        public static function status()
        {
            $out = array();
            $ids = self::ids();
            foreach (self::TOPICS as $topic) {
                $id = isset($ids[$topic]) ? (int) $ids[$topic] : 0;
                $webhook = ($id && self::available()) ? wc_get_webhook($id) : null;
                $out[$topic] = array(
                    'id'       => $webhook ? $webhook->get_id() : 0,
                    'status'   => $webhook ? (string) $webhook->get_status() : 'missing',
                    'failures' => $webhook ? (int) $webhook->get_failure_count() : 0,
                );
            }
            return $out;
        }

        /**
         * True when every webhook exists and is active.
         *
         * @return bool
         */
        public static function healthy()
        {
            foreach (self::status() as $s) {
                if ('active' !== $s['status']) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Re-enables webhooks WooCommerce disabled; when one is missing (deleted by hand), registers all
         * again with a fresh secret. Paused webhooks are the merchant's choice and stay paused.
         *
         * @return true|WP_Error
         */
        public static function repair()
        {
            if (!TrulyBot_Settings::is_connected() || !self::available()) {
                return new WP_Error('trulybot_webhooks', __('Connect the store to TrulyBot first.', 'trulybot-commerce'));
            }
            $status = self::status();
            foreach ($status as $s) {
                if ('missing' === $s['status']) {
                    return self::register();
                }
            }
            foreach ($status as $s) {
                if ('disabled' === $s['status']) {
                    $webhook = wc_get_webhook($s['id']);
                    $webhook->set_status('active');
                    $webhook->set_failure_count(0);
                    $webhook->save();
                }
            }
            TrulyBot_Settings::update(array('webhooks_checked_at' => time()));
            return true;
        }

        /**
         * WooCommerce disabled a webhook after failed deliveries: if it is ours, try again later.
         *
         * @param int $webhook_id Webhook id.
         */
        public static function on_disabled($webhook_id)
        {
            if (in_array((int) $webhook_id, self::ids(), true) && !wp_next_scheduled(self::REPAIR_HOOK)) {
                wp_schedule_single_event(time() + self::REPAIR_DELAY, self::REPAIR_HOOK);
            }
        }
    }
}
