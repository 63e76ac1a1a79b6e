<?php

/**
 * Loads WordPress with TRULYBOT_APP_URL defined (in its own process) and reports the app URL the
 * plugin uses and whether the settings page locks the field. Used by ActivationTest.
 *
 * @package TrulyBot_Commerce
 */

// phpcs:disable PSR1.Files.SideEffects

define('TRULYBOT_APP_URL', 'https://eu.trulybot.test/');
require __DIR__ . '/wp-loader.php';
trulybot_test_load_wordpress(false);

TrulyBot_Settings::update(array('app_url' => 'https://option.trulybot.test'));
$admins = get_users(array('role' => 'administrator', 'number' => 1, 'fields' => 'ids'));
wp_set_current_user((int) $admins[0]);
ob_start();
TrulyBot_Plugin::instance()->admin->render_page();
$html = ob_get_clean();
$filtered = static function ($url) {
    return $url . '/filtered';
};
add_filter('trulybot_app_url', $filtered);
$with_filter = TrulyBot_Settings::app_url();
remove_filter('trulybot_app_url', $filtered);

echo "\n" . wp_json_encode(
    array(
        'app_url'     => TrulyBot_Settings::app_url(),
        'locked'      => TrulyBot_Settings::app_url_locked(),
        'readonly'    => false !== strpos($html, 'name="app_url" value="https://eu.trulybot.test" readonly'),
        'with_filter' => $with_filter,
    )
) . "\n";
