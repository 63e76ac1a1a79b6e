<?php

/**
 * The storefront REST proxy /wp-json/trulybot/v1/*.
 *
 * @package TrulyBot_Commerce
 */

class RestTest extends TrulyBot_TestCase
{
    private const FRIENDLY = "Sorry, I can't reach our help desk right now. Please try again in a minute.";

    private function shopper()
    {
        return hash('sha256', '203.0.113.7' . 'Mozilla/5.0 (TrulyBot test)' . self::SECRET);
    }

    private function message($body, $content_type = 'application/json')
    {
        $request = new WP_REST_Request('POST', '/trulybot/v1/messages');
        $request->set_header('Content-Type', $content_type);
        $request->set_body($body);
        return $this->serve($request);
    }

    private function config(array $headers = array(), array $query = array())
    {
        $request = new WP_REST_Request('GET', '/trulybot/v1/config');
        foreach ($headers as $name => $value) {
            $request->set_header($name, $value);
        }
        $request->set_query_params($query);
        return $this->serve($request);
    }

    /**
     * Dispatches like WP_REST_Server::serve_request() does (which also runs rest_post_dispatch).
     */
    private function serve(WP_REST_Request $request)
    {
        $server = rest_get_server();
        $result = rest_ensure_response($server->dispatch($request));
        if (is_wp_error($result)) {
            $result = rest_convert_error_to_response($result);
        }
        return apply_filters('rest_post_dispatch', $result, $server, $request);
    }

    private function bot_reply()
    {
        return wp_json_encode(
            array(
                'conversationId' => 'c_1',
                'messages'       => array(array('id' => 'm1', 'role' => 'bot', 'type' => 'text', 'text' => 'Hi!')),
                'awaiting'       => 'order_number',
            )
        );
    }

    public function test_routes_are_registered_with_permission_callbacks()
    {
        $routes = rest_get_server()->get_routes();
        $this->assertArrayHasKey('/trulybot/v1/config', $routes);
        $this->assertArrayHasKey('/trulybot/v1/messages', $routes);
        foreach (array('/trulybot/v1/config', '/trulybot/v1/messages') as $route) {
            foreach ($routes[$route] as $handler) {
                $this->assertIsCallable($handler['permission_callback']);
                $this->assertNotSame('__return_true', $handler['permission_callback']);
            }
        }
        $this->assertArrayHasKey('GET', $routes['/trulybot/v1/config'][0]['methods']);
        $methods = array();
        foreach ($routes['/trulybot/v1/messages'] as $handler) {
            $methods = array_merge($methods, array_keys($handler['methods']));
        }
        $this->assertContains('POST', $methods);
        $this->assertContains('GET', $methods, 'GET /messages is forwarded too (CONTRACTS §1)');
    }

    public function test_not_connected_gives_503_and_calls_nothing()
    {
        $response = $this->config();
        $this->assertSame(503, $response->get_status());
        $this->assertSame('trulybot_unavailable', $response->get_data()['code']);
        $response = $this->message('{"text":"hi"}');
        $this->assertSame(503, $response->get_status());
        $this->assertSame(array(), $this->requests);
    }

    public function test_widget_switched_off_gives_503()
    {
        $this->connect_store(array('widget_enabled' => false));
        $this->assertSame(503, $this->config()->get_status());
        $this->assertSame(503, $this->message('{"text":"hi"}')->get_status());
        $this->assertSame(array(), $this->requests);
    }

    public function test_message_is_forwarded_unchanged_and_signed()
    {
        $this->connect_store();
        $this->responder = function () {
            return $this->fake_response(200, $this->bot_reply());
        };
        $body = '{"text":"where is my order 1003?",  "locale":"en","action":null}';
        $response = $this->message($body);
        $this->assertSame(200, $response->get_status());
        $this->assertSame('order_number', $response->get_data()['awaiting']);
        $this->assertSame('Hi!', $response->get_data()['messages'][0]['text']);
        $this->assertCount(1, $this->requests);
        $request = $this->requests[0];
        $this->assertSame(self::APP . '/api/v1/woo/storefront/messages', $request['url']);
        $this->assertSame($body, $request['args']['body'], 'raw body forwarded byte for byte');
        $this->assertSame(8, $request['args']['timeout']);
        $this->assertSame('application/json', $request['args']['headers']['Content-Type']);
        $this->assert_signed($request, 'POST', '/api/v1/woo/storefront/messages', '', $this->shopper());
    }

    public function test_logged_in_customer_id_is_signed_but_not_for_staff()
    {
        $this->connect_store();
        $this->responder = function () {
            return $this->fake_response(200, $this->bot_reply());
        };
        $customer = $this->login_as('customer');
        $this->message('{"text":"my orders"}');
        $this->assert_signed($this->requests[0], 'POST', '/api/v1/woo/storefront/messages', (string) $customer, $this->shopper());

        $this->login_as('administrator');
        $this->message('{"text":"my orders"}');
        $this->assert_signed($this->requests[1], 'POST', '/api/v1/woo/storefront/messages', '', $this->shopper());
    }

    public function test_each_request_gets_a_fresh_nonce()
    {
        $this->connect_store();
        $this->message('{"text":"a"}');
        $this->message('{"text":"a"}');
        $this->assertNotSame(
            $this->requests[0]['args']['headers']['X-TrulyBot-Nonce'],
            $this->requests[1]['args']['headers']['X-TrulyBot-Nonce']
        );
    }

    public function test_upstream_timeout_gives_a_friendly_protocol_reply()
    {
        $this->connect_store();
        $this->responder = function () {
            return new WP_Error('http_request_failed', 'cURL error 28: Operation timed out after 8001 milliseconds');
        };
        $response = $this->message('{"conversationId":"c_77","text":"where is my order?"}');
        $this->assertSame(200, $response->get_status());
        $data = $response->get_data();
        $this->assertSame('c_77', $data['conversationId']);
        $this->assertNull($data['awaiting']);
        $this->assertCount(1, $data['messages']);
        $this->assertSame(self::FRIENDLY, $data['messages'][0]['text']);
        $this->assertSame('bot', $data['messages'][0]['role']);
        $this->assertSame('text', $data['messages'][0]['type']);
        $this->assertStringStartsWith('err-', $data['messages'][0]['id']);
    }

    public function test_upstream_server_error_also_gives_the_friendly_reply()
    {
        $this->connect_store();
        $this->responder = function () {
            return $this->fake_response(502, '<html>Bad gateway</html>');
        };
        $response = $this->message('{"text":"hi"}');
        $this->assertSame(200, $response->get_status());
        $this->assertNull($response->get_data()['conversationId']);
        $this->assertSame(self::FRIENDLY, $response->get_data()['messages'][0]['text']);
    }

    public function test_bad_json_is_400_and_not_forwarded()
    {
        $this->connect_store();
        foreach (array('{"text": "unterminated', 'not json', '"just a string"', '[1,2]', '') as $body) {
            $response = $this->message($body);
            $this->assertSame(400, $response->get_status(), $body);
            $this->assertArrayHasKey('error', $response->get_data(), $body);
        }
        $response = $this->message('not json', 'text/plain');
        $this->assertSame(400, $response->get_status());
        $this->assertSame('bad_json', $response->get_data()['error']['code']);
        $this->assertSame(array(), $this->requests);
    }

    public function test_text_over_1000_characters_is_400()
    {
        $this->connect_store();
        $response = $this->message(wp_json_encode(array('text' => str_repeat('é', 1001))), 'text/plain');
        $this->assertSame(400, $response->get_status());
        $this->assertSame('text_too_long', $response->get_data()['error']['code']);
        $response = $this->message(wp_json_encode(array('text' => str_repeat('a', 1001))));
        $this->assertSame(400, $response->get_status());
        $this->assertSame(array(), $this->requests);

        $response = $this->message(wp_json_encode(array('text' => str_repeat('é', 1000))));
        $this->assertSame(200, $response->get_status());
        $this->assertCount(1, $this->requests);
    }

    public function test_body_over_8_kb_is_400()
    {
        $this->connect_store();
        $body = wp_json_encode(array('text' => 'hi', 'padding' => str_repeat('x', 8200)));
        $response = $this->message($body, 'text/plain');
        $this->assertSame(400, $response->get_status());
        $this->assertSame('body_too_large', $response->get_data()['error']['code']);
        $this->assertSame(array(), $this->requests);
    }

    public function test_app_400_and_429_pass_through_with_retry_after()
    {
        $this->connect_store();
        $this->responder = function () {
            return $this->fake_response(
                429,
                '{"error":{"code":"rate_limited","message":"Too many messages. Try again soon."}}',
                array('Retry-After' => '30')
            );
        };
        $response = $this->message('{"text":"hi"}');
        $this->assertSame(429, $response->get_status());
        $this->assertSame('30', $response->get_headers()['Retry-After']);
        $this->assertSame(
            array('code' => 'rate_limited', 'message' => 'Too many messages. Try again soon.'),
            $response->get_data()['error']
        );

        $this->responder = function () {
            return $this->fake_response(400, '{"error":{"code":"bad_action","message":"Unknown action."}}');
        };
        $response = $this->message('{"text":"hi"}');
        $this->assertSame(400, $response->get_status());
        $this->assertSame('bad_action', $response->get_data()['error']['code']);
    }

    public function test_config_is_forwarded_signed_with_etag()
    {
        $this->connect_store();
        $config = array('bot' => array('name' => 'Tru'), 'locale' => 'en', 'version' => '1');
        $this->responder = function () use ($config) {
            return $this->fake_response(200, wp_json_encode($config), array('ETag' => '"v1"', 'Cache-Control' => 'max-age=60'));
        };
        $response = $this->config();
        $this->assertSame(200, $response->get_status());
        $this->assertSame($config, $response->get_data());
        $this->assertSame('"v1"', $response->get_headers()['ETag']);
        $this->assertSame('max-age=60', $response->get_headers()['Cache-Control']);
        $request = $this->requests[0];
        $this->assertSame(self::APP . '/api/v1/woo/storefront/config', $request['url']);
        $this->assertNull($request['args']['body']);
        $this->assertArrayNotHasKey('If-None-Match', $request['args']['headers']);
        $this->assert_signed($request, 'GET', '/api/v1/woo/storefront/config', '', $this->shopper());
    }

    public function test_config_if_none_match_gives_304()
    {
        $this->connect_store();
        $this->responder = function ($url, $args) {
            $match = isset($args['headers']['If-None-Match']) ? $args['headers']['If-None-Match'] : '';
            return '"v1"' === $match
                ? $this->fake_response(304, '', array('ETag' => '"v1"'))
                : $this->fake_response(200, '{"version":"1"}', array('ETag' => '"v1"'));
        };
        $response = $this->config(array('If-None-Match' => '"v1"'));
        $this->assertSame(304, $response->get_status());
        $this->assertSame('"v1"', $response->get_headers()['ETag']);
        $this->assertNull($response->get_data());
        $this->assertTrue(
            apply_filters(
                'rest_pre_serve_request',
                false,
                $response,
                new WP_REST_Request('GET', '/trulybot/v1/config'),
                rest_get_server()
            ),
            '304 is served without a body'
        );
    }

    public function test_config_locale_is_part_of_the_signed_path()
    {
        $this->connect_store();
        $this->responder = function () {
            return $this->fake_response(200, '{"version":"1"}');
        };
        $this->config(array(), array('locale' => 'fr'));
        $this->assertSame(self::APP . '/api/v1/woo/storefront/config?locale=fr', $this->requests[0]['url']);
        $this->assert_signed($this->requests[0], 'GET', '/api/v1/woo/storefront/config?locale=fr', '', $this->shopper());
        $this->assertSame(400, $this->config(array(), array('locale' => '../../x'))->get_status());
    }

    public function test_config_when_the_app_is_down_is_503()
    {
        $this->connect_store();
        $this->responder = function () {
            return new WP_Error('http_request_failed', 'timed out');
        };
        $response = $this->config();
        $this->assertSame(503, $response->get_status());
        $this->assertSame('trulybot_upstream_unavailable', $response->get_data()['error']['code']);
    }
}
