<?php

/**
 * The storefront launcher script.
 *
 * @package TrulyBot_Commerce
 */

class FrontendTest extends TrulyBot_TestCase
{
    protected function tearDown(): void
    {
        wp_dequeue_script(TrulyBot_Frontend::HANDLE);
        wp_deregister_script(TrulyBot_Frontend::HANDLE);
        parent::tearDown();
    }

    private function enqueue()
    {
        $this->assertNotFalse(has_action('wp_enqueue_scripts', array($this->plugin()->frontend, 'enqueue')));
        $this->plugin()->frontend->enqueue();
    }

    private function printed_tag()
    {
        wp_scripts()->done = array_values(array_diff(wp_scripts()->done, array(TrulyBot_Frontend::HANDLE)));
        ob_start();
        wp_scripts()->do_items(array(TrulyBot_Frontend::HANDLE), 1);
        return ob_get_clean();
    }

    public function test_nothing_is_enqueued_when_not_connected()
    {
        $this->enqueue();
        $this->assertFalse(wp_script_is(TrulyBot_Frontend::HANDLE, 'enqueued'));
    }

    public function test_nothing_is_enqueued_when_the_widget_is_off()
    {
        $this->connect_store(array('widget_enabled' => false));
        $this->enqueue();
        $this->assertFalse(wp_script_is(TrulyBot_Frontend::HANDLE, 'enqueued'));
    }

    public function test_launcher_is_enqueued_in_the_footer_deferred_with_its_data_attributes()
    {
        $this->connect_store();
        $this->enqueue();
        $this->assertTrue(wp_script_is(TrulyBot_Frontend::HANDLE, 'enqueued'));
        $script = wp_scripts()->registered[TrulyBot_Frontend::HANDLE];
        $this->assertSame(
            content_url('plugins/trulybot-commerce/assets/widget/trulybot-launcher.js'),
            $script->src
        );
        $this->assertSame(1, wp_scripts()->get_data(TrulyBot_Frontend::HANDLE, 'group'), 'footer group');

        $html = $this->printed_tag();
        $this->assertSame(1, substr_count($html, '<script'), $html);
        $this->assertMatchesRegularExpression('/<script[^>]*\sdefer[\s>]/', $html);
        $this->assertStringContainsString('data-proxy-base="/index.php?rest_route=/trulybot/v1"', $html);
        $this->assertStringContainsString('data-locale="en"', $html);
        $this->assertStringContainsString(
            'data-panel-src="' . esc_attr(content_url('plugins/trulybot-commerce/assets/widget/trulybot-panel.js')),
            $html
        );
        $this->assertStringContainsString('trulybot-launcher.js', $html);
        $this->assertStringNotContainsString('data-wp-nonce', $html, 'no nonce in cacheable anonymous pages');
        $this->assertStringNotContainsString(self::SECRET, $html);
    }

    public function test_pretty_permalinks_give_a_wp_json_base_and_locale_is_the_language()
    {
        global $wp_rewrite;
        $this->connect_store();
        update_option('permalink_structure', '/%postname%/');
        $wp_rewrite->init();
        $locale = static function () {
            return 'de_DE';
        };
        add_filter('locale', $locale);
        try {
            $this->enqueue();
            $html = $this->printed_tag();
        } finally {
            remove_filter('locale', $locale);
            update_option('permalink_structure', '');
            $wp_rewrite->init();
        }
        $this->assertStringContainsString('data-proxy-base="/wp-json/trulybot/v1"', $html);
        $this->assertStringContainsString('data-locale="de"', $html);
    }

    public function test_logged_in_shoppers_get_a_rest_nonce_so_their_customer_id_reaches_the_proxy()
    {
        $this->connect_store();
        $this->login_as('customer');
        $this->enqueue();
        $html = $this->printed_tag();
        $this->assertStringContainsString('data-wp-nonce="' . wp_create_nonce('wp_rest') . '"', $html);
    }

    public function test_attributes_are_escaped()
    {
        $this->connect_store();
        $evil = static function () {
            return 'http://shop.example.org/"><script>alert(1)</script>/';
        };
        add_filter('rest_url', $evil);
        try {
            $this->enqueue();
            $html = $this->printed_tag();
        } finally {
            remove_filter('rest_url', $evil);
        }
        $this->assertSame(1, substr_count($html, '<script'), $html);
        $this->assertStringNotContainsString('"><script>', $html);
    }

    public function test_other_scripts_are_untouched()
    {
        $tag = "<script src='x.js' id='other-js'></script>\n";
        $this->assertSame($tag, $this->plugin()->frontend->script_tag($tag, 'other', 'x.js'));
    }

    public function test_defer_is_not_duplicated_on_wordpress_versions_that_add_it()
    {
        $this->connect_store();
        $tag = "<script src='x.js' id='trulybot-launcher-js' defer data-wp-strategy='defer'></script>\n";
        $html = $this->plugin()->frontend->script_tag($tag, TrulyBot_Frontend::HANDLE, 'x.js');
        $this->assertSame(1, preg_match_all('/\sdefer[\s>]/', $html));
    }
}
