<?php

/**
 * Connect, single sign-on and disconnect against the TrulyBot app.
 *
 * @package TrulyBot_Commerce
 */

defined('ABSPATH') || exit;

/**
 * The connection lifecycle. Methods return values or WP_Error; redirects are done by TrulyBot_Admin.
 */
class TrulyBot_Connect
{
    public const TOKEN_TTL = 900;
    public const PATH_START = '/api/v1/woo/connect/start';
    public const PATH_EXCHANGE = '/api/v1/woo/connect/exchange';
    public const PATH_SSO = '/api/v1/woo/sso';
    public const PATH_DISCONNECT = '/api/v1/woo/disconnect';
    /** WooCommerce names keys made by /wc-auth/v1/authorize "<app_name> - API (<date>)"; the app's app_name is TrulyBot. */
    public const WC_KEY_DESCRIPTION_PREFIX = 'TrulyBot - API (';

    /**
     * Transient key holding the SHA-256 of the current user's pending connect token.
     *
     * @param int $user_id User id.
     * @return string
     */
    public static function transient_key($user_id)
    {
        return 'trulybot_connect_' . (int) $user_id;
    }

    /**
     * The settings page URL the app sends the merchant back to.
     *
     * @return string
     */
    public static function return_url()
    {
        return admin_url('admin.php?page=' . TrulyBot_Admin::PAGE);
    }

    /**
     * Starts a connection: creates the one-time token, remembers its hash for 15 minutes and returns
     * the app URL to send the merchant to.
     *
     * @param string $access Key permission to ask WooCommerce for: read, or read_write (self-service actions).
     * @return string
     */
    public static function begin($access = 'read')
    {
        $token = bin2hex(random_bytes(16));
        set_transient(self::transient_key(get_current_user_id()), hash('sha256', $token), self::TOKEN_TTL);
        return self::start_url($token, $access);
    }

    /**
     * The app's connect start URL for a token.
     *
     * @param string $token  One-time token.
     * @param string $access read | read_write.
     * @return string
     */
    public static function start_url($token, $access = 'read')
    {
        return TrulyBot_Settings::app_url() . self::PATH_START
            . '?store_url=' . rawurlencode(home_url())
            . '&return_url=' . rawurlencode(self::return_url())
            . '&token=' . rawurlencode($token)
            . ('read_write' === $access ? '&access=read_write' : '');
    }

    /**
     * Handles the browser's return from the app: checks the one-time token (single use), then
     * fetches the store secret server-to-server and stores the credentials.
     *
     * @param array<string, mixed> $query The return query (trulybot_connected, store_id, token).
     * @return true|WP_Error
     */
    public static function complete(array $query)
    {
        $key = self::transient_key(get_current_user_id());
        $expected = get_transient($key);
        // Single use: whatever happens next, this token cannot be tried again.
        delete_transient($key);

        if (isset($query['trulybot_connected']) && '1' !== (string) $query['trulybot_connected']) {
            $reason = isset($query['error']) ? sanitize_key(wp_unslash((string) $query['error'])) : '';
            return new WP_Error('trulybot_connect_declined', self::declined_message($reason));
        }

        $token = isset($query['token']) ? (string) wp_unslash($query['token']) : '';
        $store_id = isset($query['store_id']) ? sanitize_text_field(wp_unslash((string) $query['store_id'])) : '';
        if (
            !is_string($expected) || '' === $expected || !preg_match('/^[0-9a-f]{32}$/', $token)
            || !hash_equals($expected, hash('sha256', $token))
        ) {
            return new WP_Error(
                'trulybot_connect_token',
                __('This connection link is invalid or was already used. Please click Connect again.', 'trulybot-commerce')
            );
        }
        if (!self::valid_store_id($store_id)) {
            return new WP_Error('trulybot_connect_store', __('The app returned an invalid store id.', 'trulybot-commerce'));
        }

        $body = wp_json_encode(array('storeId' => $store_id, 'token' => $token));
        $response = TrulyBot_Client::unsigned_request('POST', self::PATH_EXCHANGE, $body);
        $status = (int) wp_remote_retrieve_response_code($response);
        $data = TrulyBot_Client::json($response);
        if (is_wp_error($response) || 200 !== $status || !is_array($data)) {
            return new WP_Error(
                'trulybot_connect_exchange',
                __('TrulyBot could not confirm the connection. Please try again in a minute.', 'trulybot-commerce')
            );
        }
        $secret = isset($data['secret']) && is_string($data['secret']) ? $data['secret'] : '';
        $returned_id = isset($data['storeId']) ? (string) $data['storeId'] : '';
        if ($returned_id !== $store_id || strlen($secret) < 16) {
            return new WP_Error(
                'trulybot_connect_exchange',
                __('TrulyBot returned an unexpected answer. Please try again.', 'trulybot-commerce')
            );
        }
        $dashboard = isset($data['dashboardUrl']) && is_string($data['dashboardUrl'])
            ? esc_url_raw($data['dashboardUrl']) : '';
        $access = isset($data['keyAccess']) && 'read_write' === $data['keyAccess'] ? 'read_write' : 'read';
        TrulyBot_Settings::update(
            array(
                'store_id'      => $store_id,
                'secret'        => $secret,
                'dashboard_url' => $dashboard,
                'connected_at'  => time(),
                'connected_via' => 'connect',
                'key_access'    => $access,
            )
        );
        // A reconnect (e.g. for read/write access) made a new key: the ones it replaces go.
        if (isset($data['keyId']) && is_numeric($data['keyId']) && (int) $data['keyId'] > 0) {
            self::revoke_superseded_keys((int) $data['keyId']);
        }
        // Order updates: failure here leaves the connection working; the settings screen shows it.
        self::register_webhooks();
        return true;
    }

    /**
     * Deletes the keys whose description starts with the app's prefix, narrowed or widened by one
     * fixed condition on a key id (never input: the two callers above pass literal SQL).
     *
     * @param string $condition "AND …" or "OR (…)" with one %d for the key id.
     * @param int    $key_id    The key id for the condition.
     * @return int Number of keys deleted.
     */
    private static function delete_trulybot_keys($condition, $key_id)
    {
        global $wpdb;
        $table = self::keys_table();
        if ('' === $table) {
            return 0;
        }
        $prefix = (string) apply_filters('trulybot_wc_key_description_prefix', self::WC_KEY_DESCRIPTION_PREFIX);
        // phpcs:ignore -- the table name and the condition are the code's own; values go through prepare().
        $sql = "DELETE FROM {$table} WHERE description LIKE %s {$condition}";
        return (int) $wpdb->query($wpdb->prepare($sql, $wpdb->esc_like($prefix) . '%', (int) $key_id));
    }

    /**
     * WooCommerce's API keys table, or '' when it does not exist (WooCommerce never installed).
     *
     * @return string
     */
    private static function keys_table()
    {
        global $wpdb;
        $table = $wpdb->prefix . 'woocommerce_api_keys';
        // phpcs:ignore -- WooCommerce has no API to delete keys; it uses $wpdb on this table itself.
        $found = $wpdb->get_var($wpdb->prepare('SHOW TABLES LIKE %s', $wpdb->esc_like($table)));
        return $found === $table ? $table : '';
    }

    /**
     * After a reconnect: deletes the keys WooCommerce's authorization screen made for TrulyBot earlier
     * (description "TrulyBot - API (…)"), keeping the one the app now uses. Other keys are never touched.
     *
     * @param int $keep_key_id WooCommerce's id of the key the app reported for this connection.
     * @return int Number of keys deleted.
     */
    public static function revoke_superseded_keys($keep_key_id)
    {
        return self::delete_trulybot_keys('AND key_id <> %d', $keep_key_id);
    }

    /**
     * Registers the order webhooks (TrulyBot_Webhooks) when WooCommerce's webhook API is loaded.
     *
     * @return true|WP_Error
     */
    public static function register_webhooks()
    {
        return class_exists('TrulyBot_Webhooks') ? TrulyBot_Webhooks::register() : true;
    }

    /**
     * Why WooCommerce's one-click authorization cannot work with this app URL, or '' when it can:
     * WooCommerce refuses a callback_url that is not https ("The callback_url needs to be over SSL").
     *
     * @return string
     */
    public static function one_click_blocked_reason()
    {
        $scheme = wp_parse_url(TrulyBot_Settings::app_url(), PHP_URL_SCHEME);
        if ('https' === strtolower((string) $scheme)) {
            return '';
        }
        return __(
            // phpcs:ignore Generic.Files.LineLength -- one literal, so translation tools extract it.
            'One-click connect needs the TrulyBot app on an https:// address: WooCommerce only sends keys to a secure callback URL, and this app URL is http://. Use "Connect manually" below (run `npm run trulybot -- connect-woo` next to the app to get a store id and secret), or give the app an https:// URL.',
            'trulybot-commerce'
        );
    }

    /**
     * What to tell the merchant when the app sends them back without a connection.
     *
     * @param string $reason The app's `error` query value (denied, expired, no_keys, …).
     * @return string
     */
    public static function declined_message($reason)
    {
        switch ($reason) {
            case 'denied':
                return __(
                    'The connection was cancelled on the WooCommerce approval screen. Click Connect to try again.',
                    'trulybot-commerce'
                );
            case 'expired':
                return __('The connection request expired. Please click Connect again.', 'trulybot-commerce');
            case 'no_keys':
                return __(
                    'WooCommerce could not send the keys to TrulyBot. Try again, or connect manually below.',
                    'trulybot-commerce'
                );
            default:
                return __('The connection was not completed. Please click Connect again.', 'trulybot-commerce');
        }
    }

    /**
     * Saves credentials pasted by the merchant (for stores the app cannot reach).
     *
     * @param string $store_id Store id.
     * @param string $secret   Store secret.
     * @return true|WP_Error
     */
    public static function save_manual($store_id, $secret)
    {
        $store_id = trim((string) $store_id);
        $secret = trim((string) $secret);
        if (!self::valid_store_id($store_id)) {
            return new WP_Error('trulybot_manual_store', __('Please paste a valid store id.', 'trulybot-commerce'));
        }
        if (!preg_match('/^[\x21-\x7e]{16,256}$/', $secret)) {
            return new WP_Error(
                'trulybot_manual_secret',
                __('Please paste the full store secret (at least 16 characters, no spaces).', 'trulybot-commerce')
            );
        }
        TrulyBot_Settings::update(
            array(
                'store_id'      => $store_id,
                'secret'        => $secret,
                'dashboard_url' => '',
                'connected_at'  => time(),
                'connected_via' => 'manual',
            )
        );
        self::register_webhooks();
        return true;
    }

    /**
     * Store ids are short opaque tokens.
     *
     * @param string $store_id Candidate.
     * @return bool
     */
    public static function valid_store_id($store_id)
    {
        return is_string($store_id) && 1 === preg_match('/^[A-Za-z0-9_-]{1,64}$/', $store_id);
    }

    /**
     * Asks the app for a short-lived single-use dashboard link for the current user.
     *
     * @return string|WP_Error The URL, on the app's host.
     */
    public static function sso_url()
    {
        if (!TrulyBot_Settings::is_connected()) {
            return new WP_Error('trulybot_not_connected', __('Connect the store to TrulyBot first.', 'trulybot-commerce'));
        }
        $user = wp_get_current_user();
        $body = wp_json_encode(
            array(
                'wpUserId' => (int) $user->ID,
                'email'    => (string) $user->user_email,
                'name'     => (string) $user->display_name,
            )
        );
        $response = TrulyBot_Client::signed_request('POST', self::PATH_SSO, $body);
        $data = TrulyBot_Client::json($response);
        if (
            is_wp_error($response) || 200 !== (int) wp_remote_retrieve_response_code($response)
            || !is_array($data) || !isset($data['url']) || !is_string($data['url'])
        ) {
            return new WP_Error(
                'trulybot_sso',
                __('The TrulyBot dashboard could not be opened right now. Please try again in a minute.', 'trulybot-commerce')
            );
        }
        $url = $data['url'];
        $host = wp_parse_url($url, PHP_URL_HOST);
        $scheme = wp_parse_url($url, PHP_URL_SCHEME);
        if (!is_string($host) || strtolower($host) !== self::app_host() || !in_array($scheme, array('https', 'http'), true)) {
            return new WP_Error('trulybot_sso', __('The app returned a dashboard link on another host.', 'trulybot-commerce'));
        }
        return $url;
    }

    /**
     * Tells the app the store disconnects (best effort), revokes the WooCommerce REST API keys the
     * app was given, then deletes the local credentials.
     *
     * @param string $reason disconnect | uninstall.
     * @param int    $timeout Seconds.
     * @return bool Whether the app confirmed.
     */
    public static function disconnect($reason = 'disconnect', $timeout = 5)
    {
        $confirmed = false;
        $key_id = 0;
        if (TrulyBot_Settings::is_connected()) {
            $response = TrulyBot_Client::signed_request(
                'POST',
                self::PATH_DISCONNECT,
                wp_json_encode(array('reason' => (string) $reason)),
                array(),
                '',
                '',
                $timeout
            );
            $code = (int) wp_remote_retrieve_response_code($response);
            $confirmed = !is_wp_error($response) && $code >= 200 && $code < 300;
            $data = $confirmed ? TrulyBot_Client::json($response) : null;
            if (is_array($data) && isset($data['keyId']) && is_numeric($data['keyId'])) {
                $key_id = (int) $data['keyId'];
            }
        }
        self::revoke_woocommerce_keys($key_id);
        if (class_exists('TrulyBot_Webhooks')) {
            TrulyBot_Webhooks::unregister();
        }
        TrulyBot_Settings::clear_credentials();
        return $confirmed;
    }

    /**
     * Deletes the WooCommerce REST API keys made for TrulyBot: every key WooCommerce's authorization
     * screen created for the app (description "TrulyBot - API (…)"), and the read-only key the app
     * named on disconnect. Other keys are never touched. Works without WooCommerce loaded (uninstall).
     *
     * @param int $key_id Key id reported by the app, or 0.
     * @return int Number of keys deleted.
     */
    public static function revoke_woocommerce_keys($key_id = 0)
    {
        return self::delete_trulybot_keys("OR (key_id = %d AND permissions = 'read')", $key_id);
    }

    /**
     * Lower-case host of the app URL.
     *
     * @return string
     */
    public static function app_host()
    {
        $host = wp_parse_url(TrulyBot_Settings::app_url(), PHP_URL_HOST);
        return is_string($host) ? strtolower($host) : '';
    }

    /**
     * `allowed_redirect_hosts` filter: lets wp_safe_redirect go to the app host.
     *
     * @param string[] $hosts Allowed hosts.
     * @return string[]
     */
    public static function allow_app_host($hosts)
    {
        $host = self::app_host();
        if ('' !== $host) {
            $hosts[] = $host;
        }
        return $hosts;
    }
}
