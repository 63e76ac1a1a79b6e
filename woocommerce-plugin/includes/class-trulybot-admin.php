<?php

/**
 * The settings page under WooCommerce → TrulyBot and its admin-post actions.
 *
 * @package TrulyBot_Commerce
 */

defined('ABSPATH') || exit;

/**
 * Admin UI. Every state change goes through admin-post.php with a nonce and a capability check.
 */
class TrulyBot_Admin
{
    public const PAGE = 'trulybot';
    public const CAPABILITY = 'manage_woocommerce';

    /**
     * Registers the admin hooks.
     */
    public function init()
    {
        add_action('admin_menu', array($this, 'add_menu'), 60);
        add_action('admin_init', array($this, 'maybe_complete_connect'));
        add_action('admin_post_trulybot_connect', array($this, 'handle_connect'));
        add_action('admin_post_trulybot_sso', array($this, 'handle_sso'));
        add_action('admin_post_trulybot_disconnect', array($this, 'handle_disconnect'));
        add_action('admin_post_trulybot_repair_webhooks', array($this, 'handle_repair_webhooks'));
        add_action('admin_post_trulybot_save', array($this, 'handle_save'));
        add_action('admin_post_trulybot_manual', array($this, 'handle_manual'));
        add_filter(
            'plugin_action_links_' . plugin_basename(TRULYBOT_COMMERCE_FILE),
            array($this, 'action_links')
        );
    }

    /**
     * WooCommerce → TrulyBot.
     *
     * @return string|false Page hook suffix.
     */
    public function add_menu()
    {
        return add_submenu_page(
            'woocommerce',
            __('TrulyBot', 'trulybot-commerce'),
            __('TrulyBot', 'trulybot-commerce'),
            self::CAPABILITY,
            self::PAGE,
            array($this, 'render_page')
        );
    }

    /**
     * "Settings" link on the Plugins screen.
     *
     * @param string[] $links Links.
     * @return string[]
     */
    public function action_links($links)
    {
        array_unshift(
            $links,
            '<a href="' . esc_url(self::page_url()) . '">' . esc_html__('Settings', 'trulybot-commerce') . '</a>'
        );
        return $links;
    }

    /**
     * The settings page URL.
     *
     * @param array<string, string> $args Extra query args.
     * @return string
     */
    public static function page_url(array $args = array())
    {
        return add_query_arg($args, admin_url('admin.php?page=' . self::PAGE));
    }

    /**
     * Dies unless the user may manage WooCommerce and the nonce for $action is valid.
     *
     * @param string $action Nonce action.
     */
    protected function guard($action)
    {
        if (!current_user_can(self::CAPABILITY)) {
            wp_die(
                esc_html__('Sorry, you are not allowed to manage TrulyBot.', 'trulybot-commerce'),
                esc_html__('Forbidden', 'trulybot-commerce'),
                array('response' => 403)
            );
        }
        check_admin_referer($action);
    }

    /**
     * Stores a notice for the current user, shown on the next settings page load.
     *
     * @param string $type    success | error | warning.
     * @param string $message Text.
     */
    public static function add_notice($type, $message)
    {
        set_transient(
            'trulybot_notice_' . get_current_user_id(),
            array('type' => $type, 'message' => $message),
            120
        );
    }

    /**
     * Redirects and stops. Redirects to the app host are allowed explicitly.
     *
     * @param string $url      Target.
     * @param bool   $external Whether the target is on the app host.
     */
    protected function redirect($url, $external = false)
    {
        if ($external) {
            add_filter('allowed_redirect_hosts', array('TrulyBot_Connect', 'allow_app_host'));
        }
        wp_safe_redirect($url);
        exit;
    }

    /**
     * Connect: one-time token, then off to the app.
     */
    public function handle_connect()
    {
        $this->guard('trulybot_connect');
        $blocked = TrulyBot_Connect::one_click_blocked_reason();
        if ('' !== $blocked) {
            self::add_notice('error', $blocked);
            $this->redirect(self::page_url());
        }
        // only the exact value asks for more (compared, never used otherwise)
        $access = isset($_POST['access']) && 'read_write' === wp_unslash($_POST['access']) ? 'read_write' : 'read';
        $this->redirect(TrulyBot_Connect::begin($access), true);
    }

    /**
     * Self-service actions (cancel, change the address) need read/write keys: when the keys are read-only,
     * offer a reconnect that asks WooCommerce for Read/Write (the app's dashboard links here).
     *
     * @param array<string, mixed> $settings The settings.
     * @return string
     */
    protected function access_section(array $settings)
    {
        $html = '<h2>' . esc_html__('Self-service actions', 'trulybot-commerce') . '</h2>';
        if ('read_write' === $settings['key_access']) {
            return $html . '<p class="trulybot-access">' . esc_html__(
                'TrulyBot has read/write access: shoppers can cancel or change orders in the chat, within your rules.',
                'trulybot-commerce'
            ) . '</p>';
        }
        // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- only highlights the offer.
        $asked = isset($_GET['trulybot_access']) && 'read_write' === sanitize_key(wp_unslash($_GET['trulybot_access']));
        $html .= '<p class="trulybot-access' . ($asked ? ' notice notice-warning inline' : '') . '">' . esc_html__(
            'To let shoppers cancel or change orders in the chat, reconnect and approve Read/Write access.',
            'trulybot-commerce'
        ) . '</p>';
        $inner = '<input type="hidden" name="access" value="read_write" />';
        $label = __('Reconnect with read/write access', 'trulybot-commerce');
        return $html . $this->form('trulybot_connect', $inner, $label, 'secondary');
    }

    /**
     * Repair: re-enable (or re-create) the order webhooks.
     */
    public function handle_repair_webhooks()
    {
        $this->guard('trulybot_repair_webhooks');
        $result = TrulyBot_Webhooks::repair();
        if (is_wp_error($result)) {
            self::add_notice('error', $result->get_error_message());
        } elseif (TrulyBot_Webhooks::healthy()) {
            self::add_notice('success', __('Order updates are active again.', 'trulybot-commerce'));
        } else {
            self::add_notice('warning', __('Some order updates are still not active; see below.', 'trulybot-commerce'));
        }
        $this->redirect(self::page_url());
    }

    /**
     * The order-updates (webhooks) status: one line per topic, and a Repair button when one is not active.
     *
     * @return string Escaped HTML.
     */
    protected function webhooks_section()
    {
        $labels = array(
            'active'   => __('active', 'trulybot-commerce'),
            'paused'   => __('paused in WooCommerce → Settings → Advanced → Webhooks', 'trulybot-commerce'),
            'disabled' => __('disabled by WooCommerce after failed deliveries', 'trulybot-commerce'),
            'missing'  => __('not registered', 'trulybot-commerce'),
        );
        $rows = '';
        foreach (TrulyBot_Webhooks::status() as $topic => $s) {
            $label = isset($labels[$s['status']]) ? $labels[$s['status']] : $s['status'];
            $rows .= '<tr class="trulybot-webhook trulybot-webhook--' . esc_attr($s['status']) . '"><td><code>'
                . esc_html($topic) . '</code></td><td>' . esc_html($label) . '</td></tr>';
        }
        $html = '<h2>' . esc_html__('Order updates', 'trulybot-commerce') . '</h2><p>'
            . esc_html__('WooCommerce tells TrulyBot when orders change, through these webhooks:', 'trulybot-commerce')
            . '</p><table class="widefat striped trulybot-webhooks"><tbody>' . $rows . '</tbody></table>';
        if (!TrulyBot_Webhooks::healthy()) {
            $html .= $this->form('trulybot_repair_webhooks', '', __('Repair order updates', 'trulybot-commerce'), 'secondary');
        }
        return $html;
    }

    /**
     * Return from the app (admin page load with trulybot_connected): verify token, fetch secret.
     */
    public function maybe_complete_connect()
    {
        // phpcs:disable -- the one-time token is the CSRF protection of this GET request.
        if (!isset($_GET['page'], $_GET['trulybot_connected']) || self::PAGE !== $_GET['page']) {
            return;
        }
        $query = wp_unslash($_GET);
        // phpcs:enable
        if (!current_user_can(self::CAPABILITY)) {
            wp_die(
                esc_html__('Sorry, you are not allowed to manage TrulyBot.', 'trulybot-commerce'),
                esc_html__('Forbidden', 'trulybot-commerce'),
                array('response' => 403)
            );
        }
        $result = TrulyBot_Connect::complete(is_array($query) ? $query : array());
        if (is_wp_error($result)) {
            self::add_notice('error', $result->get_error_message());
        } else {
            self::add_notice('success', __('Your store is connected to TrulyBot. The chat widget is live.', 'trulybot-commerce'));
        }
        // Drop the token from the address bar.
        $this->redirect(self::page_url());
    }

    /**
     * Open dashboard: signed SSO link from the app.
     */
    public function handle_sso()
    {
        $this->guard('trulybot_sso');
        $url = TrulyBot_Connect::sso_url();
        if (is_wp_error($url)) {
            self::add_notice('error', $url->get_error_message());
            $this->redirect(self::page_url());
        }
        $this->redirect($url, true);
    }

    /**
     * Disconnect: tell the app, then forget the credentials.
     */
    public function handle_disconnect()
    {
        $this->guard('trulybot_disconnect');
        TrulyBot_Connect::disconnect('disconnect');
        self::add_notice('success', __('Your store is disconnected from TrulyBot.', 'trulybot-commerce'));
        $this->redirect(self::page_url());
    }

    /**
     * Saves the app URL and the widget switch.
     */
    public function handle_save()
    {
        $this->guard('trulybot_save');
        $values = array('widget_enabled' => !empty($_POST['widget_enabled']));
        if (!TrulyBot_Settings::app_url_locked() && isset($_POST['app_url'])) {
            $raw = sanitize_text_field(wp_unslash($_POST['app_url']));
            $url = '' === $raw ? '' : TrulyBot_Settings::sanitize_app_url($raw);
            if (null === $url) {
                self::add_notice('error', __('The app URL must be an https:// address.', 'trulybot-commerce'));
                $this->redirect(self::page_url());
            }
            $effective = '' === $url ? TrulyBot_Settings::DEFAULT_APP_URL : $url;
            if (TrulyBot_Settings::is_connected() && $effective !== TrulyBot_Settings::app_url()) {
                // The store id and secret belong to the current app: never sign requests to another one.
                self::add_notice('error', __('Disconnect the store before changing the app URL.', 'trulybot-commerce'));
                $this->redirect(self::page_url());
            }
            $values['app_url'] = $effective === TrulyBot_Settings::DEFAULT_APP_URL ? '' : $effective;
        }
        TrulyBot_Settings::update($values);
        self::add_notice('success', __('Settings saved.', 'trulybot-commerce'));
        $this->redirect(self::page_url());
    }

    /**
     * Manual fallback: store id + store secret pasted by the merchant.
     */
    public function handle_manual()
    {
        $this->guard('trulybot_manual');
        $store_id = isset($_POST['store_id']) ? sanitize_text_field(wp_unslash($_POST['store_id'])) : '';
        // The secret is an opaque token; it is validated strictly, not sanitized into something else.
        $secret = isset($_POST['store_secret']) ? trim((string) wp_unslash($_POST['store_secret'])) : ''; // phpcs:ignore
        $result = TrulyBot_Connect::save_manual($store_id, $secret);
        if (is_wp_error($result)) {
            self::add_notice('error', $result->get_error_message());
        } else {
            self::add_notice('success', __('Store credentials saved. The chat widget is live.', 'trulybot-commerce'));
        }
        $this->redirect(self::page_url());
    }

    /**
     * Prints a pending notice.
     */
    protected function print_notice()
    {
        $key = 'trulybot_notice_' . get_current_user_id();
        $notice = get_transient($key);
        if (!is_array($notice) || empty($notice['message'])) {
            return;
        }
        delete_transient($key);
        $type = in_array($notice['type'], array('success', 'error', 'warning'), true) ? $notice['type'] : 'info';
        printf(
            '<div class="notice notice-%1$s is-dismissible"><p>%2$s</p></div>',
            esc_attr($type),
            esc_html($notice['message'])
        );
    }

    /**
     * A form posting to admin-post.php with a nonce.
     *
     * @param string $action      admin-post action (also the nonce action).
     * @param string $inner       Inner HTML (already escaped).
     * @param string $button      Button label.
     * @param string $button_type primary | secondary | link-delete.
     * @return string
     */
    protected function form($action, $inner, $button, $button_type = 'primary')
    {
        $class = 'link-delete' === $button_type ? 'button button-link-delete' : 'button button-' . $button_type;
        return '<form method="post" action="' . esc_url(admin_url('admin-post.php')) . '" class="trulybot-form">'
            . '<input type="hidden" name="action" value="' . esc_attr($action) . '" />'
            . wp_nonce_field($action, '_wpnonce', true, false)
            . $inner
            . '<p><button type="submit" class="' . esc_attr($class) . '">' . esc_html($button) . '</button></p>'
            . '</form>';
    }

    /**
     * The settings page.
     */
    public function render_page()
    {
        if (!current_user_can(self::CAPABILITY)) {
            wp_die(esc_html__('Sorry, you are not allowed to manage TrulyBot.', 'trulybot-commerce'));
        }
        $settings = TrulyBot_Settings::all();
        $connected = TrulyBot_Settings::is_connected();
        $app_url = TrulyBot_Settings::app_url();

        echo '<div class="wrap"><h1>' . esc_html__('TrulyBot', 'trulybot-commerce') . '</h1>';
        $this->print_notice();

        echo '<h2>' . esc_html__('Connection', 'trulybot-commerce') . '</h2>';
        if ($connected) {
            echo '<p class="trulybot-status trulybot-status--connected"><strong>'
                . esc_html__('Connected', 'trulybot-commerce') . '</strong> — '
                /* translators: %s: store id */
                . esc_html(sprintf(__('store id %s', 'trulybot-commerce'), (string) $settings['store_id']))
                . '</p>';
            // Forms are built from escaped parts.
            echo $this->form('trulybot_sso', '', __('Open dashboard', 'trulybot-commerce')); // phpcs:ignore
            echo $this->form( // phpcs:ignore
                'trulybot_disconnect',
                '',
                __('Disconnect', 'trulybot-commerce'),
                'link-delete'
            );
            echo $this->webhooks_section(); // phpcs:ignore -- built from escaped parts.
            if ('' === TrulyBot_Connect::one_click_blocked_reason()) {
                echo $this->access_section($settings); // phpcs:ignore -- built from escaped parts.
            }
        } elseif ('' !== TrulyBot_Connect::one_click_blocked_reason()) {
            echo '<p class="trulybot-status trulybot-status--disconnected"><strong>'
                . esc_html__('Not connected', 'trulybot-commerce') . '</strong></p>'
                . '<div class="notice notice-warning inline trulybot-http-app"><p>'
                . esc_html(TrulyBot_Connect::one_click_blocked_reason()) . '</p></div>';
        } else {
            echo '<p class="trulybot-status trulybot-status--disconnected"><strong>'
                . esc_html__('Not connected', 'trulybot-commerce') . '</strong> — '
                . esc_html__(
                    'Connect your store: you will approve read-only access on WooCommerce\'s own screen. No keys to copy.',
                    'trulybot-commerce'
                )
                . '</p>';
            echo $this->form('trulybot_connect', '', __('Connect', 'trulybot-commerce')); // phpcs:ignore
        }

        echo '<h2>' . esc_html__('Settings', 'trulybot-commerce') . '</h2>';
        $inner = '<table class="form-table" role="presentation"><tr><th scope="row"><label for="trulybot-app-url">'
            . esc_html__('App URL', 'trulybot-commerce') . '</label></th><td>'
            . '<input type="url" class="regular-text" id="trulybot-app-url" name="app_url" value="'
            . esc_attr($app_url) . '"' . (TrulyBot_Settings::app_url_locked() ? ' readonly' : '') . ' />'
            . (TrulyBot_Settings::app_url_locked()
                ? '<p class="description">' . esc_html__('Set by the TRULYBOT_APP_URL constant.', 'trulybot-commerce') . '</p>'
                : '')
            . '</td></tr><tr><th scope="row">' . esc_html__('Chat widget', 'trulybot-commerce') . '</th><td>'
            . '<label><input type="checkbox" name="widget_enabled" value="1"'
            . checked(!empty($settings['widget_enabled']), true, false) . ' /> '
            . esc_html__('Show the chat widget on the storefront', 'trulybot-commerce') . '</label></td></tr></table>';
        echo $this->form('trulybot_save', $inner, __('Save settings', 'trulybot-commerce')); // phpcs:ignore

        $open = !$connected && '' !== TrulyBot_Connect::one_click_blocked_reason();
        echo '<details class="trulybot-manual"' . ($open ? ' open' : '') . '><summary>'
            . esc_html__('Connect manually (if TrulyBot cannot reach your store)', 'trulybot-commerce')
            . '</summary>';
        $inner = '<p>' . esc_html__('Paste the store id and store secret shown in your TrulyBot dashboard.', 'trulybot-commerce')
            . '</p><table class="form-table" role="presentation"><tr><th scope="row"><label for="trulybot-store-id">'
            . esc_html__('Store id', 'trulybot-commerce') . '</label></th><td>'
            . '<input type="text" class="regular-text" id="trulybot-store-id" name="store_id" autocomplete="off" /></td></tr>'
            . '<tr><th scope="row"><label for="trulybot-store-secret">' . esc_html__('Store secret', 'trulybot-commerce')
            . '</label></th><td><input type="password" class="regular-text" id="trulybot-store-secret" name="store_secret"'
            . ' autocomplete="off" /></td></tr></table>';
        echo $this->form('trulybot_manual', $inner, __('Save credentials', 'trulybot-commerce'), 'secondary'); // phpcs:ignore
        echo '</details></div>';
    }
}
