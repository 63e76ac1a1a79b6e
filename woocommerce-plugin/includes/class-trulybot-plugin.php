<?php

/**
 * Wires the plugin's parts together.
 *
 * @package TrulyBot_Commerce
 */

defined('ABSPATH') || exit;

/**
 * The plugin (one instance).
 */
class TrulyBot_Plugin
{
    /**
     * The instance.
     *
     * @var TrulyBot_Plugin|null
     */
    private static $instance = null;

    /**
     * Admin UI.
     *
     * @var TrulyBot_Admin
     */
    public $admin;

    /**
     * REST proxy.
     *
     * @var TrulyBot_Rest
     */
    public $rest;

    /**
     * Storefront.
     *
     * @var TrulyBot_Frontend
     */
    public $frontend;

    /**
     * Whether init() ran.
     *
     * @var bool
     */
    private $started = false;

    /**
     * The instance.
     *
     * @return TrulyBot_Plugin
     */
    public static function instance()
    {
        if (null === self::$instance) {
            self::$instance = new self();
        }
        return self::$instance;
    }

    /**
     * Registers all hooks once.
     */
    public function init()
    {
        if ($this->started) {
            return;
        }
        $this->started = true;
        $this->admin = new TrulyBot_Admin();
        $this->rest = new TrulyBot_Rest();
        $this->frontend = new TrulyBot_Frontend();
        $this->admin->init();
        $this->rest->init();
        $this->frontend->init();
        TrulyBot_Webhooks::init();
    }
}
