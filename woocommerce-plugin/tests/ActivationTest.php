<?php

/**
 * Plugin loading, activation, HPOS, translations and the missing-WooCommerce notice.
 *
 * @package TrulyBot_Commerce
 */

class ActivationTest extends TrulyBot_TestCase
{
    public function test_plugin_is_active_and_loaded_with_woocommerce()
    {
        $this->assertTrue(is_plugin_active(TRULYBOT_TEST_PLUGIN_BASENAME));
        $this->assertTrue(class_exists('TrulyBot_Plugin'));
        $this->assertSame(TRULYBOT_TEST_PLUGIN_BASENAME, plugin_basename(TRULYBOT_COMMERCE_FILE));
    }

    public function test_activation_creates_the_settings_option_not_autoloaded()
    {
        global $wpdb;
        delete_option(TrulyBot_Settings::OPTION);
        $this->assertFalse(get_option(TrulyBot_Settings::OPTION));
        do_action('activate_' . TRULYBOT_TEST_PLUGIN_BASENAME, false);
        $stored = get_option(TrulyBot_Settings::OPTION);
        $this->assertIsArray($stored);
        $this->assertSame('', $stored['store_id']);
        $this->assertTrue($stored['widget_enabled']);
        $autoload = $wpdb->get_var(
            $wpdb->prepare("SELECT autoload FROM {$wpdb->options} WHERE option_name = %s", TrulyBot_Settings::OPTION)
        );
        $this->assertSame('no', $autoload);
    }

    public function test_reactivation_keeps_existing_credentials()
    {
        $this->connect_store();
        do_action('activate_' . TRULYBOT_TEST_PLUGIN_BASENAME, false);
        $this->assertSame(self::STORE_ID, TrulyBot_Settings::get('store_id'));
    }

    public function test_credentials_saved_later_stay_out_of_autoload()
    {
        global $wpdb;
        $this->connect_store();
        $autoload = $wpdb->get_var(
            $wpdb->prepare("SELECT autoload FROM {$wpdb->options} WHERE option_name = %s", TrulyBot_Settings::OPTION)
        );
        $this->assertSame('no', $autoload);
    }

    public function test_declares_hpos_compatibility()
    {
        Automattic\WooCommerce\Utilities\FeaturesUtil::$declared = array();
        do_action('before_woocommerce_init');
        $this->assertContains(
            array('custom_order_tables', TRULYBOT_COMMERCE_FILE, true),
            Automattic\WooCommerce\Utilities\FeaturesUtil::$declared
        );
    }

    public function test_plugin_header()
    {
        $data = get_plugin_data(TRULYBOT_COMMERCE_FILE, false, false);
        $this->assertSame('TrulyBot Commerce', $data['Name']);
        $this->assertSame(TRULYBOT_COMMERCE_VERSION, $data['Version']);
        $this->assertSame('6.1', $data['RequiresWP']);
        $this->assertSame('7.4', $data['RequiresPHP']);
        $this->assertSame('trulybot-commerce', $data['TextDomain']);
        $this->assertSame('/languages', $data['DomainPath']);
        $header = (string) file_get_contents(TRULYBOT_COMMERCE_FILE);
        $this->assertMatchesRegularExpression('/Requires Plugins:\s+woocommerce/', $header);
        $this->assertMatchesRegularExpression('/WC requires at least:\s+8\.0/', $header);
        $this->assertMatchesRegularExpression('/WC tested up to:\s+10\.0/', $header);
        $this->assertMatchesRegularExpression('/License:\s+GPLv2 or later/', $header);
        $readme = (string) file_get_contents(dirname(TRULYBOT_COMMERCE_FILE) . '/readme.txt');
        $this->assertStringContainsString('Stable tag: ' . TRULYBOT_COMMERCE_VERSION, $readme);
    }

    public function test_translations_are_loaded_on_init_and_template_exists()
    {
        $this->assertNotFalse(has_action('init', 'trulybot_commerce_load_textdomain'));
        $pot = dirname(TRULYBOT_COMMERCE_FILE) . '/languages/trulybot-commerce.pot';
        $this->assertFileExists($pot);
        $this->assertStringContainsString(
            "Sorry, I can't reach our help desk right now. Please try again in a minute.",
            (string) file_get_contents($pot)
        );
    }

    public function test_app_url_constant_wins_over_the_option_and_the_filter_sees_it()
    {
        $cmd = escapeshellarg(PHP_BINARY) . ' ' . escapeshellarg(__DIR__ . '/probe-app-url.php') . ' 2>&1';
        exec($cmd, $out, $rc);
        $this->assertSame(0, $rc, implode("\n", $out));
        $result = json_decode((string) end($out), true);
        $this->assertIsArray($result, implode("\n", $out));
        $this->assertSame('https://eu.trulybot.test', $result['app_url']);
        $this->assertTrue($result['locked']);
        $this->assertTrue($result['readonly']);
        $this->assertSame('https://eu.trulybot.test/filtered', $result['with_filter']);
        $this->assertSame('https://app.trulybot.ai', TrulyBot_Settings::DEFAULT_APP_URL);
    }

    public function test_default_app_url()
    {
        delete_option(TrulyBot_Settings::OPTION);
        $this->assertSame('https://app.trulybot.ai', TrulyBot_Settings::app_url());
    }

    public function test_without_woocommerce_only_an_admin_notice_loads()
    {
        $cmd = escapeshellarg(PHP_BINARY) . ' ' . escapeshellarg(__DIR__ . '/probe-no-woo.php') . ' 2>&1';
        exec($cmd, $out, $rc);
        $this->assertSame(0, $rc, implode("\n", $out));
        $result = json_decode((string) end($out), true);
        $this->assertIsArray($result, implode("\n", $out));
        $this->assertFalse($result['woocommerce']);
        $this->assertTrue($result['plugin_file_loaded']);
        $this->assertStringContainsString('TrulyBot Commerce needs WooCommerce', $result['notice']);
        $this->assertFalse($result['plugin_class']);
        $this->assertFalse($result['rest_routes']);
        $this->assertFalse($result['menu_hooked']);
        $this->assertFalse($result['script_hooked']);
    }
}
