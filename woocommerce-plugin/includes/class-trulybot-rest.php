<?php

/**
 * Storefront REST proxy: /wp-json/trulybot/v1/{config,messages,proactive} → the app's /api/v1/woo/storefront/*.
 *
 * @package TrulyBot_Commerce
 */

defined('ABSPATH') || exit;

/**
 * Forwards the widget protocol (CONTRACTS.md §1) to the app, signed as in §2.
 */
class TrulyBot_Rest
{
    public const NAMESPACE_V1 = 'trulybot/v1';
    public const MAX_BODY_BYTES = 8192;
    public const MAX_TEXT_CHARS = 1000;
    public const PATH_CONFIG = '/api/v1/woo/storefront/config';
    public const PATH_MESSAGES = '/api/v1/woo/storefront/messages';
    public const PATH_PROACTIVE = '/api/v1/woo/storefront/proactive';
    public const MAX_QUERY_CHARS = 2000;

    /**
     * Registers the hooks.
     */
    public function init()
    {
        add_action('rest_api_init', array($this, 'register_routes'));
        add_filter('rest_post_dispatch', array($this, 'shape_response'), 10, 3);
        add_filter('rest_pre_serve_request', array($this, 'serve_not_modified'), 10, 4);
        add_filter('rest_pre_dispatch', array($this, 'pre_validate_message'), 10, 3);
    }

    /**
     * Rejects a malformed /messages body before WordPress parses it against the route's args (a JSON
     * scalar body would otherwise reach WordPress's argument sanitizer as a string).
     *
     * @param mixed           $result  Short-circuit result.
     * @param WP_REST_Server  $server  Server.
     * @param WP_REST_Request $request Request.
     * @return mixed
     */
    public function pre_validate_message($result, $server, $request)
    {
        unset($server);
        if (
            null !== $result || 'POST' !== $request->get_method()
            || '/' . self::NAMESPACE_V1 . '/messages' !== untrailingslashit((string) $request->get_route())
        ) {
            return $result;
        }
        $valid = $this->validate_message_request($request);
        return is_wp_error($valid) ? $valid : $result;
    }

    /**
     * GET /config, GET and POST /messages, GET /proactive.
     */
    public function register_routes()
    {
        register_rest_route(
            self::NAMESPACE_V1,
            '/proactive',
            array(
                'methods'             => 'GET',
                'callback'            => array($this, 'get_proactive'),
                'permission_callback' => array($this, 'storefront_permission'),
            )
        );
        register_rest_route(
            self::NAMESPACE_V1,
            '/config',
            array(
                'methods'             => 'GET',
                'callback'            => array($this, 'get_config'),
                'permission_callback' => array($this, 'storefront_permission'),
                'args'                => array(
                    'locale' => array(
                        'type'     => 'string',
                        'pattern'  => '^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})?$',
                        'required' => false,
                    ),
                ),
            )
        );
        register_rest_route(
            self::NAMESPACE_V1,
            '/messages',
            array(
                array(
                    'methods'             => 'GET',
                    'callback'            => array($this, 'get_messages'),
                    'permission_callback' => array($this, 'storefront_permission'),
                ),
                array(
                'methods'             => 'POST',
                'callback'            => array($this, 'post_message'),
                'permission_callback' => array($this, 'storefront_permission'),
                'args'                => array(
                    'text'           => array(
                        'type'      => 'string',
                        'maxLength' => self::MAX_TEXT_CHARS,
                        'required'  => false,
                    ),
                    'conversationId' => array(
                        'type'     => array('string', 'null'),
                        'required' => false,
                    ),
                    'locale'         => array(
                        'type'     => array('string', 'null'),
                        'required' => false,
                    ),
                ),
                ),
            )
        );
    }

    /**
     * Public storefront routes are open only while the store is connected and the widget is on.
     *
     * @param WP_REST_Request $request Request.
     * @return true|WP_Error
     */
    public function storefront_permission($request)
    {
        unset($request);
        if (!TrulyBot_Settings::is_connected() || !TrulyBot_Settings::widget_enabled()) {
            return new WP_Error(
                'trulybot_unavailable',
                __('The chat is not available on this store right now.', 'trulybot-commerce'),
                array('status' => 503)
            );
        }
        return true;
    }

    /**
     * Validates a message body: JSON object, at most 8 KB, text at most 1,000 characters.
     *
     * @param WP_REST_Request $request Request.
     * @return true|WP_Error
     */
    public function validate_message_request($request)
    {
        $raw = (string) $request->get_body();
        if (strlen($raw) > self::MAX_BODY_BYTES) {
            return self::bad_request('body_too_large', __('The message is too long.', 'trulybot-commerce'));
        }
        $data = json_decode($raw, true);
        if (!is_array($data) || '' === trim($raw) || '{' !== substr(ltrim($raw), 0, 1)) {
            return self::bad_request('bad_json', __('The message could not be read.', 'trulybot-commerce'));
        }
        if (isset($data['text'])) {
            if (!is_string($data['text'])) {
                return self::bad_request('bad_text', __('The message could not be read.', 'trulybot-commerce'));
            }
            if (mb_strlen($data['text'], 'UTF-8') > self::MAX_TEXT_CHARS) {
                return self::bad_request(
                    'text_too_long',
                    /* translators: %d: maximum characters */
                    sprintf(__('Please keep messages under %d characters.', 'trulybot-commerce'), self::MAX_TEXT_CHARS)
                );
            }
        }
        return true;
    }

    /**
     * A 400 WP_Error.
     *
     * @param string $code    Error code.
     * @param string $message Message.
     * @return WP_Error
     */
    protected static function bad_request($code, $message)
    {
        return new WP_Error($code, $message, array('status' => 400));
    }

    /**
     * The logged-in customer's id as a string, or "" (only users with the customer role).
     *
     * @return string
     */
    public static function customer_id()
    {
        $user_id = get_current_user_id();
        $id = '';
        if ($user_id > 0) {
            $user = get_userdata($user_id);
            if ($user && in_array('customer', (array) $user->roles, true)) {
                $id = (string) $user_id;
            }
        }
        return (string) apply_filters('trulybot_customer_id', $id, $user_id);
    }

    /**
     * The shopper's address as the web server saw it (REMOTE_ADDR, never a header the shopper writes),
     * through the trulybot_shopper_ip filter (for sites behind their own reverse proxy).
     *
     * @return string
     */
    protected static function shopper_ip()
    {
        $ip = isset($_SERVER['REMOTE_ADDR']) ? sanitize_text_field(wp_unslash($_SERVER['REMOTE_ADDR'])) : '';
        return (string) apply_filters('trulybot_shopper_ip', $ip);
    }

    /**
     * The X-TrulyBot-Network header for a storefront request (the shopper's network prefix, keyed
     * with the store secret), or no header when the address is unknown.
     *
     * @return array<string, string>
     */
    public static function network_headers()
    {
        $hash = TrulyBot_Signer::network_hash(self::shopper_ip(), (string) TrulyBot_Settings::get('secret'));
        return '' === $hash ? array() : array('X-TrulyBot-Network' => $hash);
    }

    /**
     * Hex SHA-256 of shopper IP + user agent + store secret.
     *
     * @return string
     */
    public static function shopper_hash()
    {
        $ip = self::shopper_ip();
        $agent = isset($_SERVER['HTTP_USER_AGENT']) ? (string) wp_unslash($_SERVER['HTTP_USER_AGENT']) : ''; // phpcs:ignore
        return TrulyBot_Signer::shopper_hash($ip, $agent, (string) TrulyBot_Settings::get('secret'));
    }

    /**
     * GET /config → GET {app}/api/v1/woo/storefront/config, with If-None-Match / ETag passed through.
     *
     * @param WP_REST_Request $request Request.
     * @return WP_REST_Response|WP_Error
     */
    public function get_config($request)
    {
        $path = self::PATH_CONFIG;
        $locale = $request->get_param('locale');
        if (is_string($locale) && '' !== $locale) {
            $path .= '?locale=' . rawurlencode($locale);
        }
        $headers = self::network_headers();
        $etag = $request->get_header('if_none_match');
        if (is_string($etag) && '' !== $etag) {
            $headers['If-None-Match'] = $etag;
        }
        $response = TrulyBot_Client::signed_request('GET', $path, '', $headers, self::customer_id(), self::shopper_hash());
        if (is_wp_error($response)) {
            return new WP_Error(
                'trulybot_upstream_unavailable',
                __('The chat is not available right now. Please try again in a minute.', 'trulybot-commerce'),
                array('status' => 503)
            );
        }
        $status = (int) wp_remote_retrieve_response_code($response);
        if (304 === $status) {
            $result = new WP_REST_Response(null, 304);
            $this->copy_headers($response, $result, array('ETag', 'Cache-Control'));
            return $result;
        }
        if (200 === $status) {
            $data = TrulyBot_Client::json($response);
            if (null === $data) {
                return new WP_Error(
                    'trulybot_upstream_unavailable',
                    __('The chat is not available right now. Please try again in a minute.', 'trulybot-commerce'),
                    array('status' => 503)
                );
            }
            $result = new WP_REST_Response($data, 200);
            $this->copy_headers($response, $result, array('ETag', 'Cache-Control'));
            return $result;
        }
        return $this->upstream_error($response, $status, true);
    }

    /**
     * POST /messages → POST {app}/api/v1/woo/storefront/messages with the shopper's raw body unchanged.
     *
     * When the app cannot be reached (timeout, network error, 5xx, 401/403) the shopper gets a
     * protocol-shaped 200 with a friendly bot message rather than an error, so the widget simply
     * shows it.
     *
     * @param WP_REST_Request $request Request.
     * @return WP_REST_Response|WP_Error
     */
    public function post_message($request)
    {
        $valid = $this->validate_message_request($request);
        if (is_wp_error($valid)) {
            return $valid;
        }
        $response = TrulyBot_Client::signed_request(
            'POST',
            self::PATH_MESSAGES,
            (string) $request->get_body(),
            array_merge(self::network_headers(), array('Content-Type' => 'application/json')),
            self::customer_id(),
            self::shopper_hash()
        );
        if (is_wp_error($response)) {
            return $this->unreachable_reply($request);
        }
        $status = (int) wp_remote_retrieve_response_code($response);
        if (200 === $status) {
            $data = TrulyBot_Client::json($response);
            if (null === $data) {
                return $this->unreachable_reply($request);
            }
            return new WP_REST_Response($data, 200);
        }
        if (400 === $status || 429 === $status) {
            return $this->upstream_error($response, $status, false);
        }
        return $this->unreachable_reply($request);
    }

    /**
     * GET /messages → GET {app}/api/v1/woo/storefront/messages with the same query (conversationId,
     * conversationToken, after, …), signed like the POST. The app's answer passes through; when the
     * app cannot be reached the widget gets a 503 and simply polls again later.
     *
     * @param WP_REST_Request $request Request.
     * @return WP_REST_Response|WP_Error
     */
    public function get_messages($request)
    {
        return $this->forward_get($request, self::PATH_MESSAGES);
    }

    /**
     * GET /proactive → GET {app}/api/v1/woo/storefront/proactive with the same query
     * (conversationToken), signed with the logged-in customer id: the launcher's at-risk note or {}.
     *
     * @param WP_REST_Request $request Request.
     * @return WP_REST_Response|WP_Error
     */
    public function get_proactive($request)
    {
        return $this->forward_get($request, self::PATH_PROACTIVE);
    }

    /**
     * A signed GET to the app with the shopper's query; the app's 200 answer passes through.
     *
     * @param WP_REST_Request $request Request.
     * @param string          $path    App path.
     * @return WP_REST_Response|WP_Error
     */
    protected function forward_get($request, $path)
    {
        $query = self::forwarded_query($request);
        if (strlen($query) > self::MAX_QUERY_CHARS) {
            return self::bad_request('bad_request', __('The request is too long.', 'trulybot-commerce'));
        }
        $response = TrulyBot_Client::signed_request(
            'GET',
            $path . ('' === $query ? '' : '?' . $query),
            '',
            self::network_headers(),
            self::customer_id(),
            self::shopper_hash()
        );
        $status = is_wp_error($response) ? 0 : (int) wp_remote_retrieve_response_code($response);
        $data = 200 === $status ? TrulyBot_Client::json($response) : null;
        if (null !== $data) {
            return new WP_REST_Response($data, 200);
        }
        if (400 === $status || 429 === $status) {
            return $this->upstream_error($response, $status, false);
        }
        return new WP_Error(
            'trulybot_upstream_unavailable',
            __('The chat is not available right now. Please try again in a minute.', 'trulybot-commerce'),
            array('status' => 503)
        );
    }

    /**
     * The shopper's query string as sent (without WordPress's own rest_route parameter).
     *
     * @param WP_REST_Request $request Request.
     * @return string
     */
    protected static function forwarded_query($request)
    {
        $pairs = array();
        foreach ($request->get_query_params() as $name => $value) {
            if ('rest_route' === $name || !is_scalar($value)) {
                continue;
            }
            $pairs[] = rawurlencode((string) $name) . '=' . rawurlencode((string) $value);
        }
        return implode('&', $pairs);
    }

    /**
     * The protocol-shaped reply used when the app cannot be reached.
     *
     * @param WP_REST_Request $request Request.
     * @return WP_REST_Response
     */
    public function unreachable_reply($request)
    {
        $data = json_decode((string) $request->get_body(), true);
        $conversation = is_array($data) && isset($data['conversationId']) && is_string($data['conversationId'])
            ? $data['conversationId'] : null;
        return new WP_REST_Response(
            array(
                'conversationId' => $conversation,
                'messages'       => array(
                    array(
                        'id'   => 'err-' . bin2hex(random_bytes(6)),
                        'role' => 'bot',
                        'type' => 'text',
                        'text' => __(
                            "Sorry, I can't reach our help desk right now. Please try again in a minute.",
                            'trulybot-commerce'
                        ),
                    ),
                ),
                'awaiting'       => null,
            ),
            200
        );
    }

    /**
     * Turns an app error (400/429, or anything else for /config) into a WP_Error with that status.
     *
     * @param array $response    Upstream response.
     * @param int   $status      Upstream status.
     * @param bool  $unavailable Map statuses other than 400/429 to 503.
     * @return WP_Error
     */
    protected function upstream_error($response, $status, $unavailable)
    {
        $data = TrulyBot_Client::json($response);
        $code = 'trulybot_upstream_error';
        $message = __('The request could not be handled.', 'trulybot-commerce');
        if (is_array($data) && isset($data['error']) && is_array($data['error'])) {
            if (isset($data['error']['code']) && is_string($data['error']['code'])) {
                $code = $data['error']['code'];
            }
            if (isset($data['error']['message']) && is_string($data['error']['message'])) {
                $message = $data['error']['message'];
            }
        }
        $error_data = array('status' => $status);
        if (429 === $status) {
            $retry = wp_remote_retrieve_header($response, 'retry-after');
            $error_data['retry_after'] = is_string($retry) && '' !== $retry ? $retry : '60';
        } elseif (400 !== $status && $unavailable) {
            return new WP_Error(
                'trulybot_upstream_unavailable',
                __('The chat is not available right now. Please try again in a minute.', 'trulybot-commerce'),
                array('status' => 503)
            );
        }
        return new WP_Error($code, $message, $error_data);
    }

    /**
     * Copies named headers from the upstream response.
     *
     * @param array            $from  Upstream response.
     * @param WP_REST_Response $to    Our response.
     * @param string[]         $names Header names.
     */
    protected function copy_headers($from, $to, array $names)
    {
        foreach ($names as $name) {
            $value = wp_remote_retrieve_header($from, strtolower($name));
            if (is_array($value)) {
                $value = end($value);
            }
            if (is_string($value) && '' !== $value) {
                $to->header($name, $value);
            }
        }
    }

    /**
     * For our routes: errors carry the protocol's `{"error": {"code","message"}}` besides WordPress's
     * `code`/`message`/`data`, and 429 carries Retry-After.
     *
     * @param WP_HTTP_Response $response Response.
     * @param WP_REST_Server   $server   Server.
     * @param WP_REST_Request  $request  Request.
     * @return WP_HTTP_Response
     */
    public function shape_response($response, $server, $request)
    {
        unset($server);
        if (!($response instanceof WP_HTTP_Response) || !self::is_own_route($request)) {
            return $response;
        }
        $status = $response->get_status();
        $data = $response->get_data();
        if ($status >= 400 && is_array($data) && isset($data['code']) && !isset($data['error'])) {
            $data['error'] = array(
                'code'    => (string) $data['code'],
                'message' => isset($data['message']) ? (string) $data['message'] : '',
            );
            if (429 === $status && isset($data['data']['retry_after'])) {
                $response->header('Retry-After', (string) $data['data']['retry_after']);
            }
            $response->set_data($data);
        }
        if ($status < 300) {
            $response->header('X-Robots-Tag', 'noindex');
        }
        return $response;
    }

    /**
     * True for requests to this plugin's routes.
     *
     * @param WP_REST_Request $request Request.
     * @return bool
     */
    protected static function is_own_route($request)
    {
        return $request instanceof WP_REST_Request
            && 0 === strpos((string) $request->get_route(), '/' . self::NAMESPACE_V1 . '/');
    }

    /**
     * A 304 from our routes is sent without a body.
     *
     * @param bool             $served  Whether already served.
     * @param WP_HTTP_Response $result  Response.
     * @param WP_REST_Request  $request Request.
     * @param WP_REST_Server   $server  Server.
     * @return bool
     */
    public function serve_not_modified($served, $result, $request, $server)
    {
        unset($server);
        if (
            !$served && $result instanceof WP_HTTP_Response && 304 === $result->get_status()
            && self::is_own_route($request)
        ) {
            return true;
        }
        return $served;
    }
}
