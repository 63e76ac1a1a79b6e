<?php

/**
 * Stand-in for WooCommerce's FeaturesUtil recording compatibility declarations.
 *
 * @package TrulyBot_Commerce
 */

// phpcs:disable

namespace Automattic\WooCommerce\Utilities;

class FeaturesUtil
{
    public static $declared = array();

    public static function declare_compatibility($feature_id, $plugin_file, $positive_compatibility = true)
    {
        self::$declared[] = array($feature_id, $plugin_file, $positive_compatibility);
        return true;
    }
}
