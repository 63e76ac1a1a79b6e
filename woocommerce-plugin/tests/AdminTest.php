<?php

/**
 * Settings page, nonces, capability, connect flow, SSO and disconnect.
 *
 * @package TrulyBot_Commerce
 */

class AdminTest extends TrulyBot_TestCase
{
    private function admin()
    {
        return $this->plugin()->admin;
    }

    private function nonce_for($action)
    {
        $_REQUEST['_wpnonce'] = wp_create_nonce($action);
        $_POST['_wpnonce'] = $_REQUEST['_wpnonce'];
    }

    private function expect_redirect(callable $fn)
    {
        try {
            $fn();
        } catch (TrulyBot_Test_Redirect $redirect) {
            return $redirect->location;
        }
        $this->fail('expected a redirect');
    }

    private function expect_die(callable $fn)
    {
        try {
            $fn();
        } catch (TrulyBot_Test_Die $die) {
            return $die;
        }
        $this->fail('expected wp_die');
    }

    /** The settings page as the current user sees it. */
    private function page_html()
    {
        ob_start();
        $this->admin()->render_page();
        return ob_get_clean();
    }

    /** Posts the settings page's form for `$action` (with its nonce); returns where it redirects. */
    private function submit($action)
    {
        $this->nonce_for('trulybot_' . $action);
        return $this->expect_redirect(array($this->admin(), 'handle_' . $action));
    }

    /** The query parameters of a redirect location. */
    private function query_of($location)
    {
        parse_str((string) wp_parse_url($location, PHP_URL_QUERY), $query);
        return $query;
    }

    /** From now on the app answers every request with 200 and this JSON body. */
    private function app_answers(array $body)
    {
        $this->responder = function () use ($body) {
            return $this->fake_response(200, wp_json_encode($body));
        };
    }

    /** From now on every request to the app fails as when it cannot be reached. */
    private function app_is_down($message)
    {
        $this->responder = function () use ($message) {
            return new WP_Error('http_request_failed', $message);
        };
    }

    private function notice()
    {
        return get_transient('trulybot_notice_' . get_current_user_id());
    }

    public function test_settings_page_is_a_woocommerce_submenu_for_manage_woocommerce()
    {
        global $submenu;
        $this->login_as('administrator');
        $this->assertNotFalse(has_action('admin_menu', array($this->admin(), 'add_menu')));
        // WooCommerce's own top-level menu (the stand-in does not register menus).
        add_menu_page('WooCommerce', 'WooCommerce', 'edit_others_shop_orders', 'woocommerce', '__return_null');
        $hook = $this->admin()->add_menu();
        $this->assertSame('woocommerce_page_trulybot', $hook);
        $entries = array_values(
            array_filter(
                $submenu['woocommerce'],
                static function ($item) {
                    return 'trulybot' === $item[2];
                }
            )
        );
        $this->assertCount(1, $entries);
        $this->assertSame('manage_woocommerce', $entries[0][1]);
        $this->assertSame('TrulyBot', $entries[0][0]);
    }

    public function test_every_admin_post_action_is_registered()
    {
        foreach (array('connect', 'sso', 'disconnect', 'save', 'manual') as $action) {
            $this->assertNotFalse(has_action('admin_post_trulybot_' . $action), $action);
            $this->assertFalse(has_action('admin_post_nopriv_trulybot_' . $action), $action);
        }
        $this->assertNotFalse(has_action('admin_init', array($this->admin(), 'maybe_complete_connect')));
    }

    public function test_page_when_disconnected_shows_connect_and_manual_forms_with_nonces()
    {
        $this->login_as('administrator');
        $html = $this->page_html();
        $this->assertStringContainsString('Not connected', $html);
        foreach (array('trulybot_connect', 'trulybot_save', 'trulybot_manual') as $action) {
            $this->assertStringContainsString('name="action" value="' . $action . '"', $html);
            $this->assertStringContainsString('value="' . wp_create_nonce($action) . '"', $html);
        }
        $this->assertStringNotContainsString('trulybot_disconnect', $html);
        $this->assertStringContainsString('value="' . self::APP . '"', $html);
    }

    public function test_page_when_connected_shows_dashboard_and_disconnect_and_never_the_secret()
    {
        $this->login_as('administrator');
        $this->connect_store();
        $html = $this->page_html();
        $this->assertStringContainsString('Connected', $html);
        $this->assertStringContainsString(self::STORE_ID, $html);
        $this->assertStringContainsString('value="' . wp_create_nonce('trulybot_sso') . '"', $html);
        $this->assertStringContainsString('value="' . wp_create_nonce('trulybot_disconnect') . '"', $html);
        $this->assertStringContainsString('Open dashboard', $html);
        $this->assertStringNotContainsString(self::SECRET, $html);
    }

    public function test_page_refuses_users_without_manage_woocommerce()
    {
        $this->login_as('customer');
        $this->expect_die(
            function () {
                $this->admin()->render_page();
            }
        );
    }

    public function test_actions_without_a_valid_nonce_are_refused()
    {
        $this->login_as('administrator');
        foreach (array('connect', 'sso', 'disconnect', 'save', 'manual') as $action) {
            $_REQUEST['_wpnonce'] = wp_create_nonce('trulybot_something_else');
            $this->expect_die(array($this->admin(), 'handle_' . $action));
            unset($_REQUEST['_wpnonce']);
            $this->expect_die(array($this->admin(), 'handle_' . $action));
        }
        $this->assertSame(array(), $this->requests);
        $this->assertFalse(get_transient(TrulyBot_Connect::transient_key(get_current_user_id())));
    }

    public function test_actions_are_refused_for_users_without_the_capability_even_with_a_nonce()
    {
        $this->login_as('customer');
        $this->connect_store();
        $this->nonce_for('trulybot_disconnect');
        $die = $this->expect_die(array($this->admin(), 'handle_disconnect'));
        $this->assertSame(403, $die->getCode());
        $this->assertTrue(TrulyBot_Settings::is_connected());
        $this->assertSame(array(), $this->requests);
    }

    public function test_shop_manager_may_manage()
    {
        $this->login_as('shop_manager');
        $location = $this->submit('connect');
        $this->assertStringStartsWith(self::APP . '/api/v1/woo/connect/start?', $location);
    }

    public function test_connect_redirects_to_the_app_with_a_one_time_token()
    {
        $user = $this->login_as('administrator');
        $location = $this->submit('connect');
        $this->assertStringStartsWith(self::APP . '/api/v1/woo/connect/start?', $location);
        $query = $this->query_of($location);
        $this->assertSame(home_url(), $query['store_url']);
        $this->assertSame(admin_url('admin.php?page=trulybot'), $query['return_url']);
        $this->assertMatchesRegularExpression('/^[0-9a-f]{32}$/', $query['token']);
        $this->assertSame(hash('sha256', $query['token']), get_transient(TrulyBot_Connect::transient_key($user)));
        $this->assertSame(array(), $this->requests, 'no server call before the merchant approves');
    }

    private function start_connect()
    {
        return $this->query_of($this->submit('connect'))['token'];
    }

    private function return_from_app(array $query)
    {
        $_GET = array_merge(array('page' => 'trulybot', 'trulybot_connected' => '1'), $query);
        return $this->expect_redirect(array($this->admin(), 'maybe_complete_connect'));
    }

    public function test_connect_return_exchanges_the_token_for_the_secret_server_to_server()
    {
        $this->login_as('administrator');
        $token = $this->start_connect();
        $this->app_answers(
            array(
                'storeId'      => 'st_9',
                'secret'       => 'sec_abcdefghijklmnopqrstuvwxyz',
                'dashboardUrl' => self::APP . '/dashboard',
            )
        );
        $location = $this->return_from_app(array('store_id' => 'st_9', 'token' => $token));
        $this->assertSame(admin_url('admin.php?page=trulybot'), $location, 'token removed from the address bar');
        // The exchange, then the (signed) webhook secret registration of WebhooksTest.
        $this->assertCount(2, $this->requests);
        $this->assertSame(self::APP . '/api/v1/woo/webhooks/secret', $this->requests[1]['url']);
        $request = $this->requests[0];
        $this->assertSame(self::APP . '/api/v1/woo/connect/exchange', $request['url']);
        $this->assertSame('POST', $request['args']['method']);
        $this->assertSame(array('storeId' => 'st_9', 'token' => $token), json_decode($request['args']['body'], true));
        $this->assertSame('application/json', $request['args']['headers']['Content-Type']);
        $this->assertSame('st_9', TrulyBot_Settings::get('store_id'));
        $this->assertSame('sec_abcdefghijklmnopqrstuvwxyz', TrulyBot_Settings::get('secret'));
        $this->assertSame(self::APP . '/dashboard', TrulyBot_Settings::get('dashboard_url'));
        $this->assertSame('success', $this->notice()['type']);
    }

    public function test_read_only_store_is_offered_a_read_write_reconnect_that_asks_the_app_for_read_write()
    {
        $user = $this->login_as('administrator');
        $this->connect_store(array('key_access' => 'read'));
        $html = $this->page_html();
        $this->assertStringContainsString('Self-service actions', $html);
        $this->assertStringContainsString('Reconnect with read/write access', $html);
        $this->assertStringContainsString('name="access" value="read_write"', $html);
        // highlighted only when the dashboard sent the merchant here
        $this->assertStringNotContainsString('notice-warning inline', $html);

        $_GET['trulybot_access'] = 'read_write';
        $this->assertStringContainsString('trulybot-access notice notice-warning inline', $this->page_html());

        // the button: a new one-time token and the app's start URL asking for read_write
        $_POST['access'] = 'read_write';
        $location = $this->submit('connect');
        $this->assertStringStartsWith(self::APP . '/api/v1/woo/connect/start?', $location);
        $query = $this->query_of($location);
        $this->assertSame('read_write', $query['access']);
        $this->assertSame(hash('sha256', $query['token']), get_transient(TrulyBot_Connect::transient_key($user)));
        $this->assertSame(array(), $this->requests, 'no server call before the merchant approves');
        $this->assertTrue(TrulyBot_Settings::is_connected(), 'the store keeps working until the new keys arrive');
    }

    public function test_plain_connect_and_unknown_access_values_ask_for_read_only()
    {
        $this->login_as('administrator');
        foreach (array(null, 'read', 'write', 'read write', '<script>read_write') as $access) {
            unset($_POST['access']);
            if (null !== $access) {
                $_POST['access'] = $access;
            }
            $query = $this->query_of($this->submit('connect'));
            $this->assertArrayNotHasKey('access', $query, var_export($access, true));
        }
    }

    public function test_read_write_reconnect_return_records_the_access_and_hides_the_offer()
    {
        $this->login_as('administrator');
        $this->connect_store(array('key_access' => 'read'));
        $_POST['access'] = 'read_write';
        $query = $this->query_of($this->submit('connect'));
        $this->app_answers(
            array(
                'storeId'      => 'st_9',
                'secret'       => 'sec_abcdefghijklmnopqrstuvwxyz',
                'dashboardUrl' => self::APP . '/dashboard',
                'keyAccess'    => 'read_write',
            )
        );
        $this->return_from_app(array('store_id' => 'st_9', 'token' => $query['token']));
        $this->assertSame('read_write', TrulyBot_Settings::get('key_access'));
        $html = $this->page_html();
        $this->assertStringContainsString('TrulyBot has read/write access', $html);
        $this->assertStringNotContainsString('Reconnect with read/write access', $html);

        // an app that says nothing (or anything else) about the keys: read-only, offer shown again
        $this->app_answers(array('storeId' => 'st_9', 'secret' => 'sec_abcdefghijklmnopqrstuvwxyz', 'keyAccess' => 'admin'));
        $token = $this->start_connect();
        $this->return_from_app(array('store_id' => 'st_9', 'token' => $token));
        $this->assertSame('read', TrulyBot_Settings::get('key_access'));
        TrulyBot_Connect::disconnect('disconnect');
        $this->assertSame('', TrulyBot_Settings::get('key_access'));
    }

    public function test_connect_return_with_a_wrong_token_is_refused_without_calling_the_app()
    {
        $this->login_as('administrator');
        $this->start_connect();
        $this->return_from_app(array('store_id' => 'st_9', 'token' => str_repeat('ab', 16)));
        $this->assertSame(array(), $this->requests);
        $this->assertFalse(TrulyBot_Settings::is_connected());
        $this->assertSame('error', $this->notice()['type']);
    }

    public function test_connect_return_token_is_single_use()
    {
        $this->login_as('administrator');
        $token = $this->start_connect();
        $this->app_answers(array('storeId' => 'st_9', 'secret' => str_repeat('s', 32)));
        $this->return_from_app(array('store_id' => 'st_9', 'token' => $token));
        $this->assertTrue(TrulyBot_Settings::is_connected());
        $calls = count($this->requests);
        TrulyBot_Settings::clear_credentials();
        $this->return_from_app(array('store_id' => 'st_9', 'token' => $token));
        $this->assertCount($calls, $this->requests, 'the replay never reaches the app');
        $this->assertFalse(TrulyBot_Settings::is_connected());
        $this->assertSame('error', $this->notice()['type']);
    }

    public function test_connect_return_of_another_user_is_refused()
    {
        $this->login_as('administrator');
        $token = $this->start_connect();
        $this->login_as('administrator');
        $this->return_from_app(array('store_id' => 'st_9', 'token' => $token));
        $this->assertSame(array(), $this->requests);
        $this->assertFalse(TrulyBot_Settings::is_connected());
    }

    public function test_connect_return_refuses_an_exchange_for_another_store()
    {
        $this->login_as('administrator');
        $token = $this->start_connect();
        $this->app_answers(array('storeId' => 'st_other', 'secret' => str_repeat('s', 32)));
        $this->return_from_app(array('store_id' => 'st_9', 'token' => $token));
        $this->assertFalse(TrulyBot_Settings::is_connected());
        $this->assertSame('error', $this->notice()['type']);
    }

    public function test_connect_return_when_the_app_is_down_keeps_the_store_disconnected()
    {
        $this->login_as('administrator');
        $token = $this->start_connect();
        $this->app_is_down('cURL error 28: Operation timed out');
        $this->return_from_app(array('store_id' => 'st_9', 'token' => $token));
        $this->assertFalse(TrulyBot_Settings::is_connected());
        $this->assertStringContainsString('try again', $this->notice()['message']);
    }

    public function test_connect_return_requires_the_capability()
    {
        $this->login_as('administrator');
        $token = $this->start_connect();
        $this->login_as('customer');
        $_GET = array('page' => 'trulybot', 'trulybot_connected' => '1', 'store_id' => 'st_9', 'token' => $token);
        $this->expect_die(array($this->admin(), 'maybe_complete_connect'));
        $this->assertSame(array(), $this->requests);
    }

    public function test_other_admin_pages_are_ignored()
    {
        $this->login_as('administrator');
        $_GET = array('page' => 'wc-settings', 'trulybot_connected' => '1');
        $this->admin()->maybe_complete_connect();
        $this->assertSame(array(), $this->requests);
    }

    public function test_open_dashboard_redirects_to_a_signed_single_sign_on_link()
    {
        $user = $this->login_as('administrator');
        $this->connect_store();
        $this->app_answers(array('url' => self::APP . '/dashboard/sso?token=abc'));
        $location = $this->submit('sso');
        $this->assertSame(self::APP . '/dashboard/sso?token=abc', $location);
        $this->assertCount(1, $this->requests);
        $this->assertSame(self::APP . '/api/v1/woo/sso', $this->requests[0]['url']);
        $this->assert_signed($this->requests[0], 'POST', '/api/v1/woo/sso', '', '');
        $userdata = get_userdata($user);
        $this->assertSame(
            array('wpUserId' => $user, 'email' => $userdata->user_email, 'name' => $userdata->display_name),
            json_decode($this->requests[0]['args']['body'], true)
        );
    }

    public function test_open_dashboard_refuses_links_to_other_hosts()
    {
        $this->login_as('administrator');
        $this->connect_store();
        $this->app_answers(array('url' => 'https://evil.example.com/dashboard/sso?token=abc'));
        $location = $this->submit('sso');
        $this->assertSame(admin_url('admin.php?page=trulybot'), $location);
        $this->assertSame('error', $this->notice()['type']);
    }

    public function test_app_url_with_base_path_is_signed_with_the_base_path()
    {
        $this->login_as('administrator');
        $this->connect_store(array('app_url' => 'https://x.test/base'));
        $this->app_answers(array('url' => 'https://x.test/base/dashboard/sso?token=1'));
        $location = $this->submit('sso');
        $this->assertSame('https://x.test/base/dashboard/sso?token=1', $location);
        $this->assertSame('https://x.test/base/api/v1/woo/sso', $this->requests[0]['url']);
        $this->assert_signed($this->requests[0], 'POST', '/base/api/v1/woo/sso', '', '');
    }

    public function test_disconnect_tells_the_app_and_deletes_the_credentials()
    {
        $this->login_as('administrator');
        $this->connect_store();
        $this->submit('disconnect');
        $this->assertCount(1, $this->requests);
        $this->assertSame(self::APP . '/api/v1/woo/disconnect', $this->requests[0]['url']);
        $this->assert_signed($this->requests[0], 'POST', '/api/v1/woo/disconnect', '', '');
        $this->assertFalse(TrulyBot_Settings::is_connected());
        $this->assertSame('', TrulyBot_Settings::get('secret'));
    }

    public function test_disconnect_revokes_the_woocommerce_keys_made_for_trulybot_only()
    {
        global $wpdb;
        $wpdb->query("DELETE FROM {$wpdb->prefix}woocommerce_api_keys");
        $ours = $this->add_wc_key('TrulyBot - API (2026-11-20 10:00:00)');
        $renamed = $this->add_wc_key('Chat bot key (renamed by the merchant)');
        $renamed_rw = $this->add_wc_key('Shipping sync', 'read_write');
        $other = $this->add_wc_key('Zapier - API (2026-01-01 00:00:00)');
        $this->login_as('administrator');
        $this->connect_store();
        $this->app_answers(array('ok' => true, 'keyId' => $renamed));
        $this->submit('disconnect');
        $keys = $this->wc_keys();
        $this->assertArrayNotHasKey($ours, $keys);
        $this->assertArrayNotHasKey($renamed, $keys, 'the key the app named is revoked');
        $this->assertArrayHasKey($renamed_rw, $keys);
        $this->assertArrayHasKey($other, $keys);
        $this->assertFalse(TrulyBot_Settings::is_connected());

        // The app may only name read-only keys.
        $this->connect_store();
        $this->app_answers(array('ok' => true, 'keyId' => $renamed_rw));
        $this->submit('disconnect');
        $this->assertArrayHasKey($renamed_rw, $this->wc_keys());
    }

    public function test_connect_declined_by_the_merchant_explains_what_happened()
    {
        $this->login_as('administrator');
        $this->start_connect();
        $_GET = array('page' => 'trulybot', 'trulybot_connected' => '0', 'error' => 'denied');
        $this->expect_redirect(array($this->admin(), 'maybe_complete_connect'));
        $this->assertSame(array(), $this->requests);
        $this->assertStringContainsString('cancelled on the WooCommerce approval screen', $this->notice()['message']);
        $this->assertFalse(get_transient(TrulyBot_Connect::transient_key(get_current_user_id())));
    }

    public function test_disconnect_still_forgets_the_credentials_when_the_app_is_down()
    {
        $this->login_as('administrator');
        $this->connect_store();
        $this->app_is_down('timed out');
        $this->submit('disconnect');
        $this->assertFalse(TrulyBot_Settings::is_connected());
    }

    public function test_save_switches_the_widget_and_validates_the_app_url()
    {
        $this->login_as('administrator');
        $_POST['app_url'] = 'https://staging.trulybot.test/';
        $this->submit('save');
        $this->assertFalse(TrulyBot_Settings::widget_enabled());
        $this->assertSame('https://staging.trulybot.test', TrulyBot_Settings::app_url());

        $_POST = array('app_url' => 'http://insecure.example.com', 'widget_enabled' => '1');
        $this->submit('save');
        $this->assertSame('https://staging.trulybot.test', TrulyBot_Settings::app_url());
        $this->assertSame('error', $this->notice()['type']);

        $_POST = array('app_url' => '', 'widget_enabled' => '1');
        $this->submit('save');
        $this->assertTrue(TrulyBot_Settings::widget_enabled());
        $this->assertSame('https://app.trulybot.ai', TrulyBot_Settings::app_url());
    }

    public function test_app_url_cannot_change_while_connected()
    {
        $this->login_as('administrator');
        $this->connect_store();
        $_POST = array('app_url' => 'https://other.trulybot.test', 'widget_enabled' => '1');
        $this->submit('save');
        $this->assertSame(self::APP, TrulyBot_Settings::app_url());
        $this->assertSame('error', $this->notice()['type']);

        $_POST = array('app_url' => self::APP . '/', 'widget_enabled' => '');
        $this->submit('save');
        $this->assertSame('success', $this->notice()['type']);
        $this->assertFalse(TrulyBot_Settings::widget_enabled());
    }

    public function test_manual_credentials_connect_the_store()
    {
        $this->login_as('administrator');
        $_POST = array('store_id' => 'st_manual_1', 'store_secret' => '  short ');
        $this->submit('manual');
        $this->assertFalse(TrulyBot_Settings::is_connected());
        $this->assertSame('error', $this->notice()['type']);

        $_POST = array('store_id' => 'st_manual_1', 'store_secret' => ' manual-secret-0123456789 ');
        $this->submit('manual');
        $this->assertTrue(TrulyBot_Settings::is_connected());
        $this->assertSame('manual-secret-0123456789', TrulyBot_Settings::get('secret'));
        $this->assertSame('manual', TrulyBot_Settings::get('connected_via'));
    }

    public function test_read_write_reconnect_deletes_the_read_only_key_it_replaces_and_nothing_else()
    {
        global $wpdb;
        $wpdb->query("DELETE FROM {$wpdb->prefix}woocommerce_api_keys");
        $old = $this->add_wc_key('TrulyBot - API (2026-11-20 10:00:00)');
        $new = $this->add_wc_key('TrulyBot - API (2026-12-04 09:00:00)', 'read_write');
        $other = $this->add_wc_key('Zapier - API (2026-01-01 00:00:00)');
        $this->login_as('administrator');
        $this->connect_store(array('key_access' => 'read'));
        $token = $this->start_connect();
        $this->responder = function () use ($new) {
            $body = array(
                'storeId'   => 'st_9',
                'secret'    => 'sec_abcdefghijklmnopqrstuvwxyz',
                'keyAccess' => 'read_write',
                'keyId'     => $new,
            );
            return $this->fake_response(200, wp_json_encode($body));
        };
        $this->return_from_app(array('store_id' => 'st_9', 'token' => $token));
        $keys = $this->wc_keys();
        $this->assertArrayNotHasKey($old, $keys, 'the replaced read-only key is gone');
        $this->assertArrayHasKey($new, $keys, 'the key the app uses now stays');
        $this->assertArrayHasKey($other, $keys, "another app's key is never touched");

        // an app that names no key (manual keys, older app): nothing is deleted
        $again = $this->add_wc_key('TrulyBot - API (2026-12-04 10:00:00)');
        $token = $this->start_connect();
        $this->responder = function () {
            $body = array('storeId' => 'st_9', 'secret' => 'sec_abcdefghijklmnopqrstuvwxyz', 'keyId' => 'x');
            return $this->fake_response(200, wp_json_encode($body));
        };
        $this->return_from_app(array('store_id' => 'st_9', 'token' => $token));
        $this->assertArrayHasKey($again, $this->wc_keys());
        $this->assertArrayHasKey($new, $this->wc_keys());
    }
}
