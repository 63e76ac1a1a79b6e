<?php

/**
 * Settings storage: one option, `trulybot_settings`, never autoloaded (it holds the store secret).
 *
 * @package TrulyBot_Commerce
 */

defined('ABSPATH') || exit;

/**
 * Reads and writes the plugin settings.
 */
class TrulyBot_Settings
{
    public const OPTION = 'trulybot_settings';
    public const DEFAULT_APP_URL = 'https://app.trulybot.ai';

    /**
     * Default settings.
     *
     * @return array<string, mixed>
     */
    public static function defaults()
    {
        return array(
            'app_url'        => '',
            'store_id'       => '',
            'secret'         => '',
            'dashboard_url'  => '',
            'widget_enabled' => true,
            'connected_at'   => 0,
            'connected_via'  => '',
            'key_access'     => '',
            'webhook_ids'    => array(),
            'webhooks_checked_at' => 0,
        );
    }

    /**
     * Activation: creates the option (autoload off) without overwriting an existing one.
     */
    public static function activate()
    {
        if (false === get_option(self::OPTION, false)) {
            add_option(self::OPTION, self::defaults(), '', 'no');
        }
    }

    /**
     * All settings merged with the defaults.
     *
     * @return array<string, mixed>
     */
    public static function all()
    {
        $stored = get_option(self::OPTION, array());
        if (!is_array($stored)) {
            $stored = array();
        }
        return array_merge(self::defaults(), $stored);
    }

    /**
     * One setting.
     *
     * @param string $key Setting name.
     * @return mixed
     */
    public static function get($key)
    {
        $all = self::all();
        return isset($all[$key]) ? $all[$key] : null;
    }

    /**
     * Merges values into the stored settings (autoload stays off).
     *
     * @param array<string, mixed> $values New values.
     */
    public static function update(array $values)
    {
        $all = array_merge(self::all(), $values);
        if (false === get_option(self::OPTION, false)) {
            add_option(self::OPTION, $all, '', 'no');
            return;
        }
        update_option(self::OPTION, $all, false);
    }

    /**
     * Removes the local credentials (keeps app URL and widget choice).
     */
    public static function clear_credentials()
    {
        self::update(
            array(
                'store_id'      => '',
                'secret'        => '',
                'dashboard_url' => '',
                'connected_at'  => 0,
                'connected_via' => '',
                'key_access'    => '',
            )
        );
    }

    /**
     * The app base URL, without trailing slash. The TRULYBOT_APP_URL constant wins over the
     * option; the `trulybot_app_url` filter sees the result.
     *
     * @return string
     */
    public static function app_url()
    {
        if (defined('TRULYBOT_APP_URL') && is_string(TRULYBOT_APP_URL) && '' !== TRULYBOT_APP_URL) {
            $url = TRULYBOT_APP_URL;
        } else {
            $url = (string) self::get('app_url');
            if ('' === $url) {
                $url = self::DEFAULT_APP_URL;
            }
        }
        $url = (string) apply_filters('trulybot_app_url', untrailingslashit($url));
        return untrailingslashit($url);
    }

    /**
     * True when the app URL is fixed by the TRULYBOT_APP_URL constant.
     *
     * @return bool
     */
    public static function app_url_locked()
    {
        return defined('TRULYBOT_APP_URL') && is_string(TRULYBOT_APP_URL) && '' !== TRULYBOT_APP_URL;
    }

    /**
     * Validates an app URL typed by the merchant: https, or http only for local hosts.
     *
     * @param string $url Candidate URL.
     * @return string|null Normalized URL or null when invalid.
     */
    public static function sanitize_app_url($url)
    {
        $url = trim((string) $url);
        $parts = wp_parse_url($url);
        if (!is_array($parts) || empty($parts['scheme']) || empty($parts['host'])) {
            return null;
        }
        $scheme = strtolower($parts['scheme']);
        $host = strtolower($parts['host']);
        $local = in_array($host, array('localhost', '127.0.0.1', '[::1]'), true)
            || '.test' === substr($host, -5)
            || '.local' === substr($host, -6);
        if ('https' !== $scheme && !('http' === $scheme && $local)) {
            return null;
        }
        if (isset($parts['query']) || isset($parts['fragment']) || isset($parts['user'])) {
            return null;
        }
        $clean = $scheme . '://' . $host . (isset($parts['port']) ? ':' . (int) $parts['port'] : '');
        if (!empty($parts['path'])) {
            $clean .= '/' . trim($parts['path'], '/');
        }
        return untrailingslashit(esc_url_raw($clean));
    }

    /**
     * True when a store id and secret are stored.
     *
     * @return bool
     */
    public static function is_connected()
    {
        return '' !== (string) self::get('store_id') && '' !== (string) self::get('secret');
    }

    /**
     * True when the merchant wants the storefront widget.
     *
     * @return bool
     */
    public static function widget_enabled()
    {
        return (bool) self::get('widget_enabled');
    }
}
