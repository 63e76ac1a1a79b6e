<?php

/**
 * The REST proxy as WordPress serves it over HTTP (WP_REST_Server::serve_request), with a server that
 * records headers instead of sending them: 304 without a body, Retry-After on 429, protocol error shape.
 *
 * @package TrulyBot_Commerce
 */

class TrulyBot_Spy_REST_Server extends WP_REST_Server
{
    public $sent_headers = array();
    public $sent_status = null;

    public function send_header($key, $value)
    {
        $this->sent_headers[strtolower($key)] = $value;
    }

    public function remove_header($key)
    {
        unset($this->sent_headers[strtolower($key)]);
    }

    protected function set_status($code)
    {
        $this->sent_status = $code;
    }
}

class ServeTest extends TrulyBot_TestCase
{
    private $previous_server;

    protected function setUp(): void
    {
        parent::setUp();
        global $wp_rest_server;
        $this->previous_server = $wp_rest_server;
        $wp_rest_server = new TrulyBot_Spy_REST_Server();
        do_action('rest_api_init', $wp_rest_server);
    }

    protected function tearDown(): void
    {
        global $wp_rest_server, $HTTP_RAW_POST_DATA;
        $wp_rest_server = $this->previous_server;
        $HTTP_RAW_POST_DATA = null;
        unset($_SERVER['HTTP_IF_NONE_MATCH'], $_SERVER['CONTENT_TYPE']);
        $_SERVER['REQUEST_METHOD'] = 'GET';
        parent::tearDown();
    }

    private function serve($method, $path, $body = null, array $server = array())
    {
        global $wp_rest_server, $HTTP_RAW_POST_DATA;
        $_SERVER['REQUEST_METHOD'] = $method;
        foreach ($server as $key => $value) {
            $_SERVER[$key] = $value;
        }
        $HTTP_RAW_POST_DATA = $body;
        ob_start();
        $wp_rest_server->serve_request($path);
        return ob_get_clean();
    }

    public function test_config_304_is_served_without_a_body()
    {
        $this->connect_store();
        $this->responder = function () {
            return $this->fake_response(304, '', array('ETag' => '"v7"'));
        };
        $output = $this->serve('GET', '/trulybot/v1/config', null, array('HTTP_IF_NONE_MATCH' => '"v7"'));
        global $wp_rest_server;
        $this->assertSame(304, $wp_rest_server->sent_status);
        $this->assertSame('', $output);
        $this->assertSame('"v7"', $wp_rest_server->sent_headers['etag']);
        $this->assertSame('"v7"', $this->requests[0]['args']['headers']['If-None-Match']);
    }

    public function test_config_200_is_served_as_json_with_etag()
    {
        $this->connect_store();
        $this->responder = function () {
            return $this->fake_response(200, '{"locale":"en","version":"3"}', array('ETag' => '"v3"'));
        };
        $output = $this->serve('GET', '/trulybot/v1/config');
        global $wp_rest_server;
        $this->assertSame(200, $wp_rest_server->sent_status);
        $this->assertSame(array('locale' => 'en', 'version' => '3'), json_decode($output, true));
        $this->assertSame('"v3"', $wp_rest_server->sent_headers['etag']);
    }

    public function test_rate_limited_message_is_served_with_retry_after()
    {
        $this->connect_store();
        $this->responder = function () {
            return $this->fake_response(
                429,
                '{"error":{"code":"rate_limited","message":"Slow down."}}',
                array('Retry-After' => '12')
            );
        };
        $output = $this->serve('POST', '/trulybot/v1/messages', '{"text":"hi"}', array('CONTENT_TYPE' => 'application/json'));
        global $wp_rest_server;
        $this->assertSame(429, $wp_rest_server->sent_status);
        $this->assertSame('12', $wp_rest_server->sent_headers['retry-after']);
        $data = json_decode($output, true);
        $this->assertSame(array('code' => 'rate_limited', 'message' => 'Slow down.'), $data['error']);
        $this->assertSame('{"text":"hi"}', $this->requests[0]['args']['body']);
    }

    public function test_bad_json_is_served_as_400_in_the_protocol_shape()
    {
        $this->connect_store();
        $output = $this->serve('POST', '/trulybot/v1/messages', '{"text":', array('CONTENT_TYPE' => 'application/json'));
        global $wp_rest_server;
        $this->assertSame(400, $wp_rest_server->sent_status);
        $data = json_decode($output, true);
        $this->assertSame('bad_json', $data['error']['code']);
        $this->assertSame(array(), $this->requests);
    }

    public function test_json_scalar_body_is_400_without_php_warnings()
    {
        $this->connect_store();
        $output = $this->serve('POST', '/trulybot/v1/messages', '"hello"', array('CONTENT_TYPE' => 'application/json'));
        global $wp_rest_server;
        $this->assertSame(400, $wp_rest_server->sent_status);
        $this->assertSame('bad_json', json_decode($output, true)['error']['code']);
    }
}
