<?php

/**
 * Minimal WooCommerce stand-in for the tests: the plugin only checks that WooCommerce is loaded.
 *
 * @package TrulyBot_Commerce
 */

// phpcs:disable

class WooCommerce
{
    public $version = '10.0.0';
}

define('WC_VERSION', '10.0.0');

require_once __DIR__ . '/wc-webhook.php';

if (!function_exists('wc_clean')) {
    function wc_clean($var)
    {
        return is_array($var) ? array_map('wc_clean', $var) : (is_scalar($var) ? sanitize_text_field($var) : $var);
    }
}
