<?php

/**
 * Storefront: enqueues the chat launcher.
 *
 * @package TrulyBot_Commerce
 */

defined('ABSPATH') || exit;

/**
 * Enqueues assets/widget/trulybot-launcher.js (deferred, in the footer) with its data attributes.
 */
class TrulyBot_Frontend
{
    public const HANDLE = 'trulybot-launcher';

    /**
     * Registers the hooks.
     */
    public function init()
    {
        add_action('wp_enqueue_scripts', array($this, 'enqueue'));
        add_filter('script_loader_tag', array($this, 'script_tag'), 10, 3);
    }

    /**
     * True on WordPress versions whose script loader knows the `strategy` argument (6.3+).
     *
     * @return bool
     */
    public static function supports_strategy()
    {
        return version_compare((string) get_bloginfo('version'), '6.3', '>=');
    }

    /**
     * Enqueues the launcher when connected and the widget is on.
     */
    public function enqueue()
    {
        if (!TrulyBot_Settings::is_connected() || !TrulyBot_Settings::widget_enabled()) {
            return;
        }
        if (!(bool) apply_filters('trulybot_show_widget', true)) {
            return;
        }
        // WordPress 6.1/6.2 read the 5th argument as a boolean "in footer" (a non-empty array is true);
        // 6.3+ read the array. On 6.1/6.2 `defer` is added in script_tag().
        wp_enqueue_script(
            self::HANDLE,
            plugins_url('assets/widget/trulybot-launcher.js', TRULYBOT_COMMERCE_FILE),
            array(),
            TRULYBOT_COMMERCE_VERSION,
            array(
                'in_footer' => true,
                'strategy'  => 'defer',
            )
        );
    }

    /**
     * Same-origin base of the storefront proxy: the path (and query, with plain permalinks) of
     * rest_url('trulybot/v1').
     *
     * @return string
     */
    public static function proxy_base()
    {
        $url = rest_url(TrulyBot_Rest::NAMESPACE_V1);
        $parts = wp_parse_url($url);
        $base = isset($parts['path']) ? $parts['path'] : '/';
        if (!empty($parts['query'])) {
            $base .= '?' . $parts['query'];
        }
        return untrailingslashit($base);
    }

    /**
     * Two-letter language of the site locale (en_US → en).
     *
     * @return string
     */
    public static function language()
    {
        $parts = preg_split('/[_-]/', (string) get_locale());
        $lang = strtolower((string) $parts[0]);
        return preg_match('/^[a-z]{2,3}$/', $lang) ? $lang : 'en';
    }

    /**
     * The attributes the launcher reads.
     *
     * @return array<string, string>
     */
    public static function data_attributes()
    {
        $attrs = array(
            'data-proxy-base' => self::proxy_base(),
            'data-locale'     => self::language(),
            'data-panel-src'  => plugins_url('assets/widget/trulybot-panel.js', TRULYBOT_COMMERCE_FILE)
                . '?ver=' . rawurlencode(TRULYBOT_COMMERCE_VERSION),
        );
        if (is_user_logged_in()) {
            // Lets the widget send X-WP-Nonce so WordPress keeps the customer logged in on /wp-json.
            $attrs['data-wp-nonce'] = wp_create_nonce('wp_rest');
        }
        return $attrs;
    }

    /**
     * Adds the data attributes (and `defer` before WordPress 6.3) to the launcher's tag.
     *
     * @param string $tag    Script tag HTML.
     * @param string $handle Script handle.
     * @param string $src    Script URL.
     * @return string
     */
    public function script_tag($tag, $handle, $src)
    {
        unset($src);
        if (self::HANDLE !== $handle) {
            return $tag;
        }
        $extra = '';
        if (!preg_match('/<script[^>]*\sdefer[\s=>]/', $tag)) {
            $extra .= ' defer';
        }
        foreach (self::data_attributes() as $name => $value) {
            $extra .= ' ' . $name . '="' . esc_attr($value) . '"';
        }
        // Only the tag carrying our src gets the attributes (not inline before/after scripts).
        return (string) preg_replace('/<script(?=[^>]*\ssrc=)/', '<script' . $extra, $tag, 1);
    }
}
