<?php

/**
 * Base test case: clean settings, captured HTTP, wp_die and redirects turned into exceptions.
 *
 * @package TrulyBot_Commerce
 */

// phpcs:disable PSR1.Files.SideEffects

/**
 * Thrown instead of redirecting.
 */
class TrulyBot_Test_Redirect extends RuntimeException
{
    public $location;
    public $status;

    public function __construct($location, $status)
    {
        parent::__construct('redirect to ' . $location);
        $this->location = $location;
        $this->status = $status;
    }
}

/**
 * Shared fixtures.
 */
abstract class TrulyBot_TestCase extends PHPUnit\Framework\TestCase
{
    public const SECRET = 'test-store-secret-0123456789abcdef';
    public const STORE_ID = 'store_test_42';
    public const APP = 'https://app.trulybot.test';

    /** @var array<int, array{url: string, args: array}> */
    protected $requests = array();

    /** @var callable|null Returns the fake response for a request. */
    protected $responder = null;

    /** @var array<int, array{0: string, 1: callable, 2: int}> */
    private $added_filters = array();

    protected function setUp(): void
    {
        parent::setUp();
        delete_option(TrulyBot_Settings::OPTION);
        TrulyBot_Settings::update(array('app_url' => self::APP));
        $this->requests = array();
        $this->responder = function () {
            return $this->fake_response(200, '{}');
        };
        $this->add_test_filter('pre_http_request', array($this, 'capture_http'), 10, 3);
        $this->add_test_filter('wp_redirect', array($this, 'throw_redirect'), PHP_INT_MAX, 2);
        $_GET = array();
        $_POST = array();
        $_REQUEST = array();
        $_SERVER['REMOTE_ADDR'] = '203.0.113.7';
        $_SERVER['HTTP_USER_AGENT'] = 'Mozilla/5.0 (TrulyBot test)';
        wp_set_current_user(0);
    }

    protected function tearDown(): void
    {
        foreach ($this->added_filters as $filter) {
            remove_filter($filter[0], $filter[1], $filter[2]);
        }
        $this->added_filters = array();
        remove_all_filters('allowed_redirect_hosts');
        wp_set_current_user(0);
        parent::tearDown();
    }

    protected function add_test_filter($hook, $callback, $priority = 10, $args = 1)
    {
        add_filter($hook, $callback, $priority, $args);
        $this->added_filters[] = array($hook, $callback, $priority);
    }

    public function capture_http($pre, $args, $url)
    {
        $this->requests[] = array('url' => $url, 'args' => $args);
        return call_user_func($this->responder, $url, $args);
    }

    public function throw_redirect($location, $status)
    {
        throw new TrulyBot_Test_Redirect($location, $status);
    }

    /**
     * A response in the shape wp_remote_request returns.
     */
    protected function fake_response($status, $body, array $headers = array())
    {
        // Lower-case keys, as wp_remote_retrieve_header() looks them up (WordPress 6.1's
        // Requests_Utility_CaseInsensitiveDictionary is not loadable on PHP 8.2 with deprecations as errors).
        return array(
            'headers'  => array_change_key_case($headers, CASE_LOWER),
            'body'     => $body,
            'response' => array('code' => $status, 'message' => get_status_header_desc($status)),
            'cookies'  => array(),
            'filename' => null,
        );
    }

    protected function connect_store(array $extra = array())
    {
        TrulyBot_Settings::update(
            array_merge(
                array(
                    'store_id'       => self::STORE_ID,
                    'secret'         => self::SECRET,
                    'widget_enabled' => true,
                ),
                $extra
            )
        );
    }

    /**
     * Adds a row to WooCommerce's API keys table; returns its key_id.
     */
    protected function add_wc_key($description, $permissions = 'read')
    {
        global $wpdb;
        $wpdb->insert(
            $wpdb->prefix . 'woocommerce_api_keys',
            array(
                'user_id'         => 1,
                'description'     => $description,
                'permissions'     => $permissions,
                'consumer_key'    => hash('sha256', wp_generate_password(20, false)),
                'consumer_secret' => 'cs_' . substr(hash('sha256', wp_generate_password(20, false)), 0, 40),
                'truncated_key'   => 'abcdefg',
            )
        );
        return (int) $wpdb->insert_id;
    }

    /**
     * key_id => description of WooCommerce's API keys.
     */
    protected function wc_keys()
    {
        global $wpdb;
        $rows = $wpdb->get_results("SELECT key_id, description FROM {$wpdb->prefix}woocommerce_api_keys", ARRAY_A);
        $keys = array();
        foreach ($rows as $row) {
            $keys[(int) $row['key_id']] = $row['description'];
        }
        return $keys;
    }

    protected function login_as($role)
    {
        $login = $role . '_' . wp_generate_password(6, false);
        $id = wp_insert_user(
            array(
                'user_login'   => $login,
                'user_pass'    => wp_generate_password(),
                'user_email'   => $login . '@shop.example.org',
                'display_name' => ucfirst($role) . ' Person',
                'role'         => $role,
            )
        );
        $this->assertIsInt($id);
        wp_set_current_user($id);
        return $id;
    }

    protected function plugin()
    {
        return TrulyBot_Plugin::instance();
    }

    /**
     * Asserts the request carries a valid CONTRACTS.md §2 signature and returns its headers.
     */
    protected function assert_signed(array $request, $method, $path, $customer, $shopper)
    {
        $h = $request['args']['headers'];
        $this->assertSame(self::STORE_ID, $h['X-TrulyBot-Store']);
        $this->assertMatchesRegularExpression('/^\d{10}$/', $h['X-TrulyBot-Timestamp']);
        $this->assertLessThanOrEqual(5, abs(time() - (int) $h['X-TrulyBot-Timestamp']));
        $this->assertMatchesRegularExpression('/^[0-9a-f]{32}$/', $h['X-TrulyBot-Nonce']);
        $this->assertSame($customer, $h['X-TrulyBot-Customer']);
        $this->assertSame($shopper, $h['X-TrulyBot-Shopper']);
        $body = isset($request['args']['body']) ? (string) $request['args']['body'] : '';
        $canonical = implode(
            "\n",
            array(
                $h['X-TrulyBot-Timestamp'],
                $h['X-TrulyBot-Nonce'],
                $method,
                $path,
                $customer,
                $shopper,
                hash('sha256', $body),
            )
        );
        $this->assertSame(hash_hmac('sha256', $canonical, self::SECRET), $h['X-TrulyBot-Signature']);
        $this->assertSame($method, $request['args']['method']);
        return $h;
    }
}
