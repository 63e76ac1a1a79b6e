<?php

/**
 * The signer and the shared test vectors.
 *
 * @package TrulyBot_Commerce
 */

require_once __DIR__ . '/generate-vectors.php';

class SignerTest extends TrulyBot_TestCase
{
    private function vector_file()
    {
        return dirname(__DIR__, 2) . '/test/vectors/woo-signature.json';
    }

    public function test_shared_vector_file_matches_the_signer()
    {
        $this->assertFileExists($this->vector_file());
        $this->assertSame(
            trulybot_vectors(),
            json_decode((string) file_get_contents($this->vector_file()), true),
            'test/vectors/woo-signature.json is stale: run php woocommerce-plugin/tests/generate-vectors.php'
        );
    }

    public function test_every_vector_verifies_with_an_independent_computation()
    {
        $vectors = json_decode((string) file_get_contents($this->vector_file()), true);
        $this->assertGreaterThanOrEqual(5, count($vectors['cases']));
        foreach ($vectors['cases'] as $case) {
            $shopper = isset($case['shopperIp'])
                ? hash('sha256', $case['shopperIp'] . $case['shopperUserAgent'] . $case['secret'])
                : '';
            $this->assertSame($shopper, $case['shopper'], $case['name']);
            $canonical = $case['timestamp'] . "\n" . $case['nonce'] . "\n" . strtoupper($case['method']) . "\n"
                . $case['path'] . "\n" . $case['customer'] . "\n" . $shopper . "\n" . hash('sha256', $case['body']);
            $this->assertSame($canonical, $case['canonical'], $case['name']);
            $this->assertSame(hash_hmac('sha256', $canonical, $case['secret']), $case['signature'], $case['name']);
            $headers = TrulyBot_Signer::headers(
                $case['storeId'],
                $case['secret'],
                $case['method'],
                $case['path'],
                $case['body'],
                $case['customer'],
                $shopper,
                (int) $case['timestamp'],
                $case['nonce']
            );
            $this->assertSame($case['signature'], $headers['X-TrulyBot-Signature'], $case['name']);
            $this->assertSame($case['storeId'], $headers['X-TrulyBot-Store']);
        }
    }

    public function test_any_change_to_a_signed_field_changes_the_signature()
    {
        $base = array('1767225600', 'aa', 'POST', '/api/v1/woo/storefront/messages', '7', 'ff', '{"text":"hi"}');
        $signature = TrulyBot_Signer::sign(TrulyBot_Signer::canonical_string(...$base), 's3cret');
        foreach (array_keys($base) as $i) {
            $changed = $base;
            $changed[$i] .= 'x';
            $this->assertNotSame(
                $signature,
                TrulyBot_Signer::sign(TrulyBot_Signer::canonical_string(...$changed), 's3cret'),
                'field ' . $i
            );
        }
        $this->assertNotSame($signature, TrulyBot_Signer::sign(TrulyBot_Signer::canonical_string(...$base), 'other'));
    }

    public function test_canonical_string_layout()
    {
        $this->assertSame(
            "1\nn\nGET\n/p?q=1\n\n\n" . hash('sha256', ''),
            TrulyBot_Signer::canonical_string(1, 'n', 'get', '/p?q=1', '', '', '')
        );
    }

    public function test_path_with_query_keeps_the_app_base_path()
    {
        $this->assertSame('/base/api/v1/woo/sso', TrulyBot_Signer::path_with_query('https://x.test/base/api/v1/woo/sso'));
        $this->assertSame(
            '/api/v1/woo/storefront/config?locale=fr',
            TrulyBot_Signer::path_with_query('https://x.test/api/v1/woo/storefront/config?locale=fr')
        );
    }

    public function test_nonces_are_fresh_16_byte_hex()
    {
        $a = TrulyBot_Signer::new_nonce();
        $this->assertMatchesRegularExpression('/^[0-9a-f]{32}$/', $a);
        $this->assertNotSame($a, TrulyBot_Signer::new_nonce());
    }
}
