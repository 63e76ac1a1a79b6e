<?php

/**
 * Writes the shared signature test vectors (../../test/vectors/woo-signature.json) with the plugin's
 * own signer. The app's TypeScript verifier test reads the same file; SignerTest checks it stays in
 * sync. Run: php woocommerce-plugin/tests/generate-vectors.php
 *
 * @package TrulyBot_Commerce
 */

// phpcs:disable PSR1.Files.SideEffects

if (!defined('ABSPATH')) {
    define('ABSPATH', __DIR__ . '/');
}
require_once dirname(__DIR__) . '/includes/class-trulybot-signer.php';

/**
 * The cases.
 *
 * @return array<int, array<string, string>>
 */
function trulybot_vector_inputs()
{
    $secret = 'whsec_0f1e2d3c4b5a69788796a5b4c3d2e1f0';
    $ua = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
    return array(
        array(
            'name'     => 'storefront config GET, anonymous shopper, empty body',
            'secret'   => $secret,
            'storeId'  => 'st_demo_woo_1',
            'timestamp' => '1767225600',
            'nonce'    => '00112233445566778899aabbccddeeff',
            'method'   => 'GET',
            'path'     => '/api/v1/woo/storefront/config',
            'customer' => '',
            'shopperIp' => '203.0.113.7',
            'shopperUserAgent' => $ua,
            'body'     => '',
        ),
        array(
            'name'     => 'storefront config GET with query',
            'secret'   => $secret,
            'storeId'  => 'st_demo_woo_1',
            'timestamp' => '1767225601',
            'nonce'    => '0f0e0d0c0b0a09080706050403020100',
            'method'   => 'get',
            'path'     => '/api/v1/woo/storefront/config?locale=fr',
            'customer' => '',
            'shopperIp' => '2001:db8::1',
            'shopperUserAgent' => $ua,
            'body'     => '',
        ),
        array(
            'name'     => 'storefront message POST, logged-in customer, non-ASCII text',
            'secret'   => $secret,
            'storeId'  => 'st_demo_woo_1',
            'timestamp' => '1767225660',
            'nonce'    => 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
            'method'   => 'POST',
            'path'     => '/api/v1/woo/storefront/messages',
            'customer' => '17',
            'shopperIp' => '198.51.100.23',
            'shopperUserAgent' => $ua,
            'body'     => '{"conversationId":null,"text":"¿Dónde está mi pedido #1003?","locale":"es"}',
        ),
        array(
            'name'     => 'storefront message POST, quick reply action, anonymous',
            'secret'   => 'another-secret-with-symbols!$%&/()=',
            'storeId'  => 'st_8f3a',
            'timestamp' => '1767229200',
            'nonce'    => 'ffeeddccbbaa99887766554433221100ffeeddccbbaa9988',
            'method'   => 'POST',
            'path'     => '/api/v1/woo/storefront/messages',
            'customer' => '',
            'shopperIp' => '192.0.2.1',
            'shopperUserAgent' => '',
            'body'     => "{\"conversationId\":\"c_123\",\"action\":{\"type\":\"quick_reply\",\"value\":\"track_other\"}}\n",
        ),
        array(
            'name'     => 'SSO POST, server-to-server (no customer, no shopper), app with base path',
            'secret'   => $secret,
            'storeId'  => 'st_demo_woo_1',
            'timestamp' => '1767232800',
            'nonce'    => '1234567890abcdef1234567890abcdef',
            'method'   => 'POST',
            'path'     => '/base/api/v1/woo/sso',
            'customer' => '',
            'shopperIp' => null,
            'shopperUserAgent' => null,
            'body'     => '{"wpUserId":1,"email":"owner@shop.example.org","name":"Shop Owner"}',
        ),
        array(
            'name'     => 'disconnect POST, server-to-server',
            'secret'   => $secret,
            'storeId'  => 'st_demo_woo_1',
            'timestamp' => '1767232860',
            'nonce'    => 'deadbeefdeadbeefdeadbeefdeadbeef',
            'method'   => 'POST',
            'path'     => '/api/v1/woo/disconnect',
            'customer' => '',
            'shopperIp' => null,
            'shopperUserAgent' => null,
            'body'     => '{"reason":"uninstall"}',
        ),
    );
}

/**
 * Computes the vectors.
 *
 * @return array<string, mixed>
 */
function trulybot_vectors()
{
    $cases = array();
    foreach (trulybot_vector_inputs() as $in) {
        $shopper = null === $in['shopperIp']
            ? ''
            : TrulyBot_Signer::shopper_hash($in['shopperIp'], $in['shopperUserAgent'], $in['secret']);
        $canonical = TrulyBot_Signer::canonical_string(
            $in['timestamp'],
            $in['nonce'],
            $in['method'],
            $in['path'],
            $in['customer'],
            $shopper,
            $in['body']
        );
        $case = array(
            'name'      => $in['name'],
            'secret'    => $in['secret'],
            'storeId'   => $in['storeId'],
            'timestamp' => $in['timestamp'],
            'nonce'     => $in['nonce'],
            'method'    => $in['method'],
            'path'      => $in['path'],
            'customer'  => $in['customer'],
        );
        if (null !== $in['shopperIp']) {
            $case['shopperIp'] = $in['shopperIp'];
            $case['shopperUserAgent'] = $in['shopperUserAgent'];
        }
        $case['shopper'] = $shopper;
        $case['body'] = $in['body'];
        $case['bodySha256'] = hash('sha256', $in['body']);
        $case['canonical'] = $canonical;
        $case['signature'] = TrulyBot_Signer::sign($canonical, $in['secret']);
        $cases[] = $case;
    }
    return array(
        'description' => 'WooCommerce plugin <-> app request signing (CONTRACTS.md section 2). Generated by '
            . 'woocommerce-plugin/tests/generate-vectors.php from the plugin signer; do not edit by hand. '
            . 'canonical = [timestamp, nonce, METHOD upper-cased, path with query as sent, customer, shopper, '
            . 'hex sha256(body)] joined by "\n"; signature = hex HMAC-SHA256(secret, canonical); shopper = hex '
            . 'sha256(shopperIp + shopperUserAgent + secret), "" for server-to-server requests. method is given '
            . 'as sent (may be lower case); the canonical string upper-cases it.',
        'cases'       => $cases,
    );
}

/**
 * The file's JSON text.
 *
 * @return string
 */
function trulybot_vectors_json()
{
    $json = json_encode(trulybot_vectors(), JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
    // Two-space indentation, as the repository's formatter writes JSON.
    return preg_replace_callback(
        '/^( +)/m',
        static function ($m) {
            return str_repeat(' ', (int) (strlen($m[1]) / 2));
        },
        $json
    ) . "\n";
}

if ('cli' === PHP_SAPI && isset($argv[0]) && realpath($argv[0]) === __FILE__) {
    $target = dirname(__DIR__, 2) . '/test/vectors/woo-signature.json';
    if (!is_dir(dirname($target))) {
        mkdir(dirname($target), 0777, true);
    }
    file_put_contents($target, trulybot_vectors_json());
    echo 'wrote ' . $target . "\n";
}
