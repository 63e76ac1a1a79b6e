<?php

/**
 * Order webhooks registered locally through WooCommerce's webhook API (WC_Webhook rows in the
 * wc_webhooks table), the signed secret registration with the app, removal on disconnect and
 * uninstall, repair after WooCommerce disabled one, the status on the settings screen — and the
 * small WooCommerce defects: cart/checkout blocks compatibility, two installed copies, an http://
 * app URL, GET /messages forwarding.
 *
 * @package TrulyBot_Commerce
 */

class WebhooksTest extends TrulyBot_TestCase
{
    private const DELIVERY = self::APP . '/api/v1/woo/webhooks?store=' . self::STORE_ID;

    /** @var string|null The webhook secret the app received. */
    private $app_secret = null;

    protected function setUp(): void
    {
        parent::setUp();
        global $wpdb;
        $wpdb->query("DELETE FROM {$wpdb->prefix}wc_webhooks");
        $this->responder = function ($url, $args) {
            if (self::APP . TrulyBot_Webhooks::PATH_SECRET === $url) {
                $this->app_secret = json_decode($args['body'], true)['secret'];
                return $this->fake_response(200, wp_json_encode(array('ok' => true, 'deliveryUrl' => self::DELIVERY)));
            }
            return $this->fake_response(200, '{"ok":true}');
        };
    }

    private function rows()
    {
        global $wpdb;
        return $wpdb->get_results("SELECT * FROM {$wpdb->prefix}wc_webhooks ORDER BY webhook_id", ARRAY_A);
    }

    private function page()
    {
        ob_start();
        $this->plugin()->admin->render_page();
        return (string) ob_get_clean();
    }

    private function redirect_of(callable $fn)
    {
        try {
            $fn();
        } catch (TrulyBot_Test_Redirect $redirect) {
            return $redirect->location;
        }
        $this->fail('expected a redirect');
    }

    private function admin_post($action)
    {
        $_REQUEST['_wpnonce'] = wp_create_nonce($action);
        $_POST['_wpnonce'] = $_REQUEST['_wpnonce'];
        return $this->redirect_of(array($this->plugin()->admin, 'handle_' . substr($action, strlen('trulybot_'))));
    }

    private function login_admin()
    {
        $id = $this->login_as('administrator');
        get_user_by('id', $id)->add_cap('manage_woocommerce');
        return $id;
    }

    public function test_connecting_registers_one_active_webhook_per_topic_with_the_secret_sent_to_the_app()
    {
        $admin = $this->login_admin();
        update_option('blogname', 'Demo Woo Garden & Co');
        $this->connect_store();
        $this->assertTrue(TrulyBot_Connect::register_webhooks());

        $this->assertCount(1, $this->requests);
        $request = $this->requests[0];
        $this->assert_signed($request, 'POST', TrulyBot_Webhooks::PATH_SECRET, '', '');
        $sent = json_decode($request['args']['body'], true);
        $this->assertSame('Demo Woo Garden & Co', $sent['storeName'], 'the store is named by the site title');
        $this->assertMatchesRegularExpression('/^[0-9a-f]{48}$/', $sent['secret']);

        $rows = $this->rows();
        $this->assertSame(TrulyBot_Webhooks::TOPICS, array_column($rows, 'topic'));
        foreach ($rows as $row) {
            $this->assertSame('active', $row['status']);
            $this->assertSame(self::DELIVERY, $row['delivery_url']);
            $this->assertSame($this->app_secret, $row['secret']);
            $this->assertSame('3', (string) $row['api_version']);
            $this->assertSame((string) $admin, (string) $row['user_id'], 'payloads are built as the admin who connected');
            $this->assertStringStartsWith('TrulyBot: ', $row['name']);
        }
        $this->assertTrue(TrulyBot_Webhooks::healthy());
    }

    public function test_a_delivery_by_a_registered_webhook_is_signed_with_the_secret_the_app_holds()
    {
        $this->login_admin();
        $this->connect_store();
        TrulyBot_Connect::register_webhooks();
        $ids = TrulyBot_Webhooks::ids();
        $delivery = wc_get_webhook($ids['order.updated'])->deliver_signed(array('id' => 727, 'status' => 'completed'));
        $this->assertSame(self::DELIVERY, $delivery['url']);
        $this->assertSame('order.updated', $delivery['headers']['X-WC-Webhook-Topic']);
        $this->assertSame(
            base64_encode(hash_hmac('sha256', $delivery['body'], $this->app_secret, true)),
            $delivery['headers']['X-WC-Webhook-Signature']
        );
    }

    public function test_registering_twice_updates_the_same_webhooks_instead_of_adding_more()
    {
        $this->login_admin();
        $this->connect_store();
        TrulyBot_Connect::register_webhooks();
        $first = array_column($this->rows(), 'webhook_id');
        TrulyBot_Connect::register_webhooks();
        $this->assertSame($first, array_column($this->rows(), 'webhook_id'));
        $this->assertSame(array($this->app_secret), array_values(array_unique(array_column($this->rows(), 'secret'))));
    }

    public function test_a_delivery_url_on_another_host_or_an_app_error_creates_no_webhook()
    {
        $this->login_admin();
        $this->connect_store();
        $this->responder = function () {
            return $this->fake_response(200, wp_json_encode(array('deliveryUrl' => 'https://evil.example/hook')));
        };
        $this->assertInstanceOf(WP_Error::class, TrulyBot_Connect::register_webhooks());
        $this->responder = function () {
            return $this->fake_response(401, '{"error":{"code":"bad_signature","message":"x"}}');
        };
        $this->assertInstanceOf(WP_Error::class, TrulyBot_Connect::register_webhooks());
        $this->assertSame(array(), $this->rows());
        $this->assertFalse(TrulyBot_Webhooks::healthy());
        $page = $this->page();
        $this->assertStringContainsString('not registered', $page);
        $this->assertStringContainsString('Repair order updates', $page);
    }

    public function test_manual_connect_registers_the_webhooks_too()
    {
        $this->login_admin();
        $this->assertTrue(TrulyBot_Connect::save_manual(self::STORE_ID, self::SECRET));
        $this->assertCount(4, $this->rows());
    }

    public function test_disconnect_removes_the_webhooks_and_only_ours()
    {
        $this->login_admin();
        $other = new WC_Webhook();
        $other->set_name('Zapier');
        $other->set_topic('order.created');
        $other->set_delivery_url('https://hooks.zapier.example/1');
        $other->set_status('active');
        $other_id = $other->save();
        $this->connect_store();
        TrulyBot_Connect::register_webhooks();
        $this->assertCount(5, $this->rows());

        TrulyBot_Connect::disconnect('disconnect');
        $this->assertSame(array((string) $other_id), array_column($this->rows(), 'webhook_id'));
        $this->assertSame(array(), TrulyBot_Webhooks::ids());
    }

    public function test_uninstall_removes_the_webhooks()
    {
        $this->login_admin();
        $this->connect_store();
        TrulyBot_Connect::register_webhooks();
        $this->assertCount(4, $this->rows());
        if (!defined('WP_UNINSTALL_PLUGIN')) {
            define('WP_UNINSTALL_PLUGIN', TRULYBOT_TEST_PLUGIN_BASENAME);
        }
        include dirname(__DIR__) . '/uninstall.php';
        $this->assertSame(array(), $this->rows());
    }

    public function test_a_webhook_woocommerce_disabled_is_shown_then_repaired_later()
    {
        $this->login_admin();
        $this->connect_store();
        TrulyBot_Connect::register_webhooks();
        $ids = TrulyBot_Webhooks::ids();
        $webhook = wc_get_webhook($ids['order.updated']);
        for ($i = 0; $i < 7; $i++) {
            $webhook->failed_delivery(); // what WooCommerce does after each non-2xx answer
        }
        $this->assertSame('disabled', wc_get_webhook($ids['order.updated'])->get_status());
        $this->assertNotFalse(wp_next_scheduled(TrulyBot_Webhooks::REPAIR_HOOK), 'a repair is scheduled');
        $page = $this->page();
        $this->assertStringContainsString('disabled by WooCommerce after failed deliveries', $page);
        $this->assertStringContainsString('Repair order updates', $page);

        do_action(TrulyBot_Webhooks::REPAIR_HOOK);
        $repaired = wc_get_webhook($ids['order.updated']);
        $this->assertSame('active', $repaired->get_status());
        $this->assertSame(0, $repaired->get_failure_count());
        $this->assertStringNotContainsString('Repair order updates', $this->page());
    }

    public function test_repair_button_recreates_a_webhook_deleted_by_hand_and_leaves_paused_ones_paused()
    {
        $this->login_admin();
        $this->connect_store();
        TrulyBot_Connect::register_webhooks();
        $ids = TrulyBot_Webhooks::ids();
        $paused = wc_get_webhook($ids['order.deleted']);
        $paused->set_status('paused');
        $paused->save();
        $this->assertStringContainsString('paused in WooCommerce', $this->page());
        wc_get_webhook($ids['customer.deleted'])->delete(true);
        $old_secret = $this->app_secret;

        $location = $this->admin_post('trulybot_repair_webhooks');
        $this->assertSame(admin_url('admin.php?page=trulybot'), $location);
        $status = TrulyBot_Webhooks::status();
        $this->assertSame('active', $status['customer.deleted']['status']);
        $this->assertNotSame($old_secret, $this->app_secret, 'registered again with a fresh secret');
        $this->assertSame($this->app_secret, wc_get_webhook($status['customer.deleted']['id'])->get_secret());
    }

    public function test_repair_is_refused_without_the_capability_or_a_nonce()
    {
        $this->login_as('customer');
        $_REQUEST['_wpnonce'] = wp_create_nonce('trulybot_repair_webhooks');
        try {
            $this->plugin()->admin->handle_repair_webhooks();
            $this->fail('expected wp_die');
        } catch (TrulyBot_Test_Die $die) {
            $this->assertStringContainsString("not allowed", strtolower($die->getMessage()));
        }
        $this->assertSame(array(), $this->rows());
    }

    public function test_declares_cart_and_checkout_blocks_compatibility()
    {
        Automattic\WooCommerce\Utilities\FeaturesUtil::$declared = array();
        do_action('before_woocommerce_init');
        $this->assertContains(
            array('cart_checkout_blocks', TRULYBOT_COMMERCE_FILE, true),
            Automattic\WooCommerce\Utilities\FeaturesUtil::$declared
        );
    }

    public function test_a_second_installed_copy_of_the_plugin_does_not_fatal_and_says_so()
    {
        $dir = sys_get_temp_dir() . '/trulybot-commerce-copy-' . getmypid();
        if (!is_dir($dir . '/includes')) {
            mkdir($dir . '/includes', 0777, true);
        }
        copy(TRULYBOT_COMMERCE_FILE, $dir . '/trulybot-commerce.php');
        foreach (glob(TRULYBOT_COMMERCE_DIR . 'includes/*.php') as $file) {
            copy($file, $dir . '/includes/' . basename($file));
        }
        include $dir . '/trulybot-commerce.php';
        $this->assertNotFalse(has_action('admin_notices', 'trulybot_commerce_duplicate_notice'));
        $this->login_admin();
        ob_start();
        trulybot_commerce_duplicate_notice();
        $this->assertStringContainsString('Two copies of TrulyBot Commerce are active', (string) ob_get_clean());
        $this->assertSame(TRULYBOT_COMMERCE_DIR, plugin_dir_path(TRULYBOT_COMMERCE_FILE), 'the first copy keeps running');
    }

    public function test_one_click_connect_against_an_http_app_is_explained_and_the_manual_connect_offered()
    {
        TrulyBot_Settings::update(array('app_url' => 'http://localhost:3000'));
        $this->login_admin();
        $page = $this->page();
        $this->assertStringContainsString('needs the TrulyBot app on an https:// address', $page);
        $this->assertStringContainsString('<details class="trulybot-manual" open>', $page);
        $this->assertStringNotContainsString('value="trulybot_connect"', $page);

        $location = $this->admin_post('trulybot_connect');
        $this->assertSame(admin_url('admin.php?page=trulybot'), $location, 'never sent to WooCommerce\'s bare SSL error');
        $this->assertSame('error', get_transient('trulybot_notice_' . get_current_user_id())['type']);
        $this->assertSame(array(), $this->requests);
    }

    public function test_get_messages_is_forwarded_signed_with_the_query_unchanged()
    {
        $this->connect_store();
        $this->responder = function () {
            return $this->fake_response(200, wp_json_encode(array('conversationId' => 'c1', 'messages' => array())));
        };
        $request = new WP_REST_Request('GET', '/trulybot/v1/messages');
        $request->set_query_params(array('conversationId' => 'c1', 'conversationToken' => 't/ok+1', 'after' => 'm9'));
        $response = rest_get_server()->dispatch($request);
        $this->assertSame(200, $response->get_status());
        $this->assertSame(array('conversationId' => 'c1', 'messages' => array()), $response->get_data());
        $this->assertCount(1, $this->requests);
        $path = '/api/v1/woo/storefront/messages?conversationId=c1&conversationToken=t%2Fok%2B1&after=m9';
        $this->assertSame(self::APP . $path, $this->requests[0]['url']);
        $shopper = hash('sha256', '203.0.113.7' . 'Mozilla/5.0 (TrulyBot test)' . self::SECRET);
        $this->assert_signed($this->requests[0], 'GET', $path, '', $shopper);
    }

    public function test_resume_link_is_forwarded_signed_and_a_refusal_is_not_a_conversation()
    {
        $this->connect_store();
        $token = 'c1.t5k2x1.0123456789abcdef0123456789abcdef';
        $answer = array('conversationId' => 'c1', 'conversationToken' => 'new', 'messages' => array(), 'awaiting' => null);
        $this->responder = function ($url) use ($answer) {
            return false !== strpos($url, 'resume=c1.')
                ? $this->fake_response(200, wp_json_encode($answer))
                : $this->fake_response(404, '{"error":{"code":"link_invalid","message":"used"}}');
        };
        $request = new WP_REST_Request('GET', '/trulybot/v1/messages');
        $request->set_query_params(array('resume' => $token));
        $response = rest_get_server()->dispatch($request);
        $this->assertSame(200, $response->get_status());
        $this->assertSame($answer, $response->get_data());
        $path = '/api/v1/woo/storefront/messages?resume=' . $token;
        $this->assertSame(self::APP . $path, $this->requests[0]['url']);
        $shopper = hash('sha256', '203.0.113.7' . 'Mozilla/5.0 (TrulyBot test)' . self::SECRET);
        $this->assert_signed($this->requests[0], 'GET', $path, '', $shopper);

        // the app refuses a used or forged link: the widget gets an error, never someone's conversation
        $request = new WP_REST_Request('GET', '/trulybot/v1/messages');
        $request->set_query_params(array('resume' => 'x.1.0123456789abcdef0123456789abcdef'));
        $refused = rest_ensure_response(rest_get_server()->dispatch($request));
        $this->assertGreaterThanOrEqual(400, $refused->get_status());
        $this->assertArrayNotHasKey('conversationToken', (array) $refused->get_data());
    }

    public function test_get_messages_when_the_app_is_down_is_a_503_not_a_fake_bot_message()
    {
        $this->connect_store();
        $this->responder = function () {
            return new WP_Error('http_request_failed', 'timed out');
        };
        $request = new WP_REST_Request('GET', '/trulybot/v1/messages');
        $request->set_query_params(array('conversationId' => 'c1'));
        $response = rest_ensure_response(rest_get_server()->dispatch($request));
        $this->assertSame(503, $response->get_status());
    }
}
