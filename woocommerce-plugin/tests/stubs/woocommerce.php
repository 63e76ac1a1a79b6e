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
