<?php

/**
 * uninstall.php.
 *
 * @package TrulyBot_Commerce
 */

class UninstallTest extends TrulyBot_TestCase
{
    public function test_uninstall_disconnects_from_the_app_and_removes_everything()
    {
        global $wpdb;
        $wpdb->query("DELETE FROM {$wpdb->prefix}woocommerce_api_keys");
        $ours = $this->add_wc_key('TrulyBot - API (2026-11-20 10:00:00)');
        $other = $this->add_wc_key('Zapier - API (2026-01-01 00:00:00)');
        $this->connect_store();
        set_transient('trulybot_connect_1', hash('sha256', 'x'), 900);
        set_transient('trulybot_notice_1', array('type' => 'success', 'message' => 'x'), 60);
        $this->assertNotFalse(get_option(TrulyBot_Settings::OPTION));

        if (!defined('WP_UNINSTALL_PLUGIN')) {
            define('WP_UNINSTALL_PLUGIN', TRULYBOT_TEST_PLUGIN_BASENAME);
        }
        include dirname(__DIR__) . '/uninstall.php';

        $this->assertCount(1, $this->requests);
        $request = $this->requests[0];
        $this->assertSame(self::APP . '/api/v1/woo/disconnect', $request['url']);
        $this->assert_signed($request, 'POST', '/api/v1/woo/disconnect', '', '');
        $this->assertSame(array('reason' => 'uninstall'), json_decode($request['args']['body'], true));
        $this->assertLessThanOrEqual(5, $request['args']['timeout']);

        wp_cache_flush();
        $this->assertFalse(get_option(TrulyBot_Settings::OPTION));
        $this->assertFalse(get_transient('trulybot_connect_1'));
        $this->assertFalse(get_transient('trulybot_notice_1'));
        $this->assertSame(array($other), array_keys($this->wc_keys()), 'only the TrulyBot key is revoked');
    }

    public function test_uninstall_when_the_app_is_unreachable_still_removes_the_options()
    {
        $this->connect_store();
        $this->responder = function () {
            return new WP_Error('http_request_failed', 'timed out');
        };
        if (!defined('WP_UNINSTALL_PLUGIN')) {
            define('WP_UNINSTALL_PLUGIN', TRULYBOT_TEST_PLUGIN_BASENAME);
        }
        include dirname(__DIR__) . '/uninstall.php';
        $this->assertCount(1, $this->requests);
        wp_cache_flush();
        $this->assertFalse(get_option(TrulyBot_Settings::OPTION));
    }

    public function test_uninstall_file_refuses_direct_access()
    {
        $cmd = escapeshellarg(PHP_BINARY) . ' ' . escapeshellarg(dirname(__DIR__) . '/uninstall.php');
        exec($cmd, $out, $rc);
        $this->assertSame('', implode('', $out));
    }
}
