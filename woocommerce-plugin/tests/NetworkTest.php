<?php

/**
 * X-TrulyBot-Network: the shopper's REMOTE_ADDR network prefix (/24 IPv4, /48 IPv6), keyed with the
 * store secret, sent on every storefront request so the app can limit per network.
 *
 * @package TrulyBot_Commerce
 */

class NetworkTest extends TrulyBot_TestCase
{
    private function net($prefix)
    {
        return hash_hmac('sha256', $prefix, self::SECRET);
    }

    private function post_message()
    {
        $request = new WP_REST_Request('POST', '/trulybot/v1/messages');
        $request->set_header('Content-Type', 'application/json');
        $request->set_body('{"text":"hi"}');
        return rest_get_server()->dispatch($request);
    }

    private function sent_headers()
    {
        $this->assertNotEmpty($this->requests);
        return $this->requests[count($this->requests) - 1]['args']['headers'];
    }

    public function network_prefixes()
    {
        return array(
            'IPv4'                     => array('203.0.113.7', '203.0.113.0/24'),
            'IPv4, last address'       => array('203.0.113.255', '203.0.113.0/24'),
            'IPv4-mapped IPv6'         => array('::ffff:203.0.113.7', '203.0.113.0/24'),
            'IPv6'                     => array('2001:db8:abcd:12::1', '2001:0db8:abcd::/48'),
            'IPv6, upper case'         => array('2001:DB8:ABCD:FFFF:1:2:3:4', '2001:0db8:abcd::/48'),
            'IPv6 loopback'            => array('::1', '0000:0000:0000::/48'),
            'not an address'           => array('not-an-ip', ''),
            'an address with a port'   => array('203.0.113.7:443', ''),
            'empty'                    => array('', ''),
        );
    }

    /**
     * @dataProvider network_prefixes
     */
    public function test_network_prefix($ip, $expected)
    {
        $this->assertSame($expected, TrulyBot_Signer::network_prefix($ip));
    }

    public function test_network_hash_is_the_hmac_of_the_prefix_and_needs_the_secret()
    {
        $this->assertSame($this->net('203.0.113.0/24'), TrulyBot_Signer::network_hash('203.0.113.7', self::SECRET));
        $this->assertSame(
            TrulyBot_Signer::network_hash('203.0.113.7', self::SECRET),
            TrulyBot_Signer::network_hash('203.0.113.200', self::SECRET),
            'every address of one /24 is one network'
        );
        $this->assertNotSame(
            TrulyBot_Signer::network_hash('203.0.113.7', self::SECRET),
            TrulyBot_Signer::network_hash('203.0.114.7', self::SECRET)
        );
        $this->assertNotSame(
            TrulyBot_Signer::network_hash('203.0.113.7', self::SECRET),
            TrulyBot_Signer::network_hash('203.0.113.7', 'another store secret'),
            'another store cannot correlate the same network'
        );
        $this->assertSame('', TrulyBot_Signer::network_hash('garbage', self::SECRET));
    }

    public function test_storefront_message_carries_the_network_and_the_unchanged_shopper_hash()
    {
        $this->connect_store();
        $this->post_message();
        $h = $this->sent_headers();
        $this->assertSame($this->net('203.0.113.0/24'), $h['X-TrulyBot-Network']);
        $this->assertSame(
            hash('sha256', '203.0.113.7' . 'Mozilla/5.0 (TrulyBot test)' . self::SECRET),
            $h['X-TrulyBot-Shopper'],
            'X-TrulyBot-Shopper stays IP + User-Agent + secret (the contract)'
        );
    }

    public function test_rotating_the_user_agent_changes_the_shopper_hash_but_not_the_network()
    {
        $this->connect_store();
        $shoppers = array();
        $networks = array();
        foreach (array('Mozilla/5.0 A', 'curl/8.0', 'Bot ' . wp_generate_password(12, false)) as $agent) {
            $_SERVER['HTTP_USER_AGENT'] = $agent;
            $_SERVER['REMOTE_ADDR'] = '198.51.100.' . (count($shoppers) + 10);
            $this->post_message();
            $h = $this->sent_headers();
            $shoppers[] = $h['X-TrulyBot-Shopper'];
            $networks[] = $h['X-TrulyBot-Network'];
        }
        $this->assertCount(3, array_unique($shoppers));
        $this->assertSame(array($this->net('198.51.100.0/24')), array_values(array_unique($networks)));
    }

    public function test_a_network_header_sent_by_the_shopper_is_ignored()
    {
        $this->connect_store();
        $forged = str_repeat('a', 64);
        $_SERVER['HTTP_X_TRULYBOT_NETWORK'] = $forged;
        $_SERVER['HTTP_X_FORWARDED_FOR'] = '192.0.2.1';
        $request = new WP_REST_Request('POST', '/trulybot/v1/messages');
        $request->set_header('Content-Type', 'application/json');
        $request->set_header('X-TrulyBot-Network', $forged);
        $request->set_body('{"text":"hi"}');
        rest_get_server()->dispatch($request);
        unset($_SERVER['HTTP_X_TRULYBOT_NETWORK'], $_SERVER['HTTP_X_FORWARDED_FOR']);
        $this->assertSame($this->net('203.0.113.0/24'), $this->sent_headers()['X-TrulyBot-Network']);
    }

    public function test_config_and_the_poll_carry_the_network_too()
    {
        $this->connect_store();
        rest_get_server()->dispatch(new WP_REST_Request('GET', '/trulybot/v1/config'));
        $this->assertSame($this->net('203.0.113.0/24'), $this->sent_headers()['X-TrulyBot-Network']);
        $poll = new WP_REST_Request('GET', '/trulybot/v1/messages');
        $poll->set_query_params(array('conversationId' => 'c_1'));
        rest_get_server()->dispatch($poll);
        $this->assertSame($this->net('203.0.113.0/24'), $this->sent_headers()['X-TrulyBot-Network']);
    }

    public function test_the_site_filter_for_its_own_reverse_proxy_decides_the_network()
    {
        $this->connect_store();
        $this->add_test_filter(
            'trulybot_shopper_ip',
            function () {
                return '2001:db8:abcd:12::99';
            }
        );
        $this->post_message();
        $this->assertSame($this->net('2001:0db8:abcd::/48'), $this->sent_headers()['X-TrulyBot-Network']);
    }

    public function test_without_a_usable_address_no_network_header_is_sent()
    {
        $this->connect_store();
        unset($_SERVER['REMOTE_ADDR']);
        $this->post_message();
        $this->assertArrayNotHasKey('X-TrulyBot-Network', $this->sent_headers());
    }
}
