<?php

/**
 * HTTP client for the TrulyBot app: signed server-to-server requests.
 *
 * @package TrulyBot_Commerce
 */

defined('ABSPATH') || exit;

/**
 * Sends requests to the app with wp_remote_request.
 */
class TrulyBot_Client
{
    public const TIMEOUT = 8;

    /**
     * Sends a request signed with the stored credentials.
     *
     * @param string               $method   HTTP method.
     * @param string               $path     App path with query, e.g. /api/v1/woo/sso.
     * @param string               $body     Raw body ("" for none).
     * @param array<string,string> $headers  Extra headers.
     * @param string               $customer Customer id or "".
     * @param string               $shopper  Shopper hash or "".
     * @param int                  $timeout  Seconds.
     * @return array|WP_Error wp_remote_request result, or WP_Error when not connected.
     */
    public static function signed_request(
        $method,
        $path,
        $body = '',
        array $headers = array(),
        $customer = '',
        $shopper = '',
        $timeout = self::TIMEOUT
    ) {
        $settings = TrulyBot_Settings::all();
        if ('' === (string) $settings['store_id'] || '' === (string) $settings['secret']) {
            return new WP_Error('trulybot_not_connected', __('The store is not connected to TrulyBot.', 'trulybot-commerce'));
        }
        $url = TrulyBot_Settings::app_url() . $path;
        $signed = TrulyBot_Signer::headers(
            $settings['store_id'],
            $settings['secret'],
            $method,
            TrulyBot_Signer::path_with_query($url),
            $body,
            $customer,
            $shopper
        );
        return self::request($method, $url, $body, array_merge($headers, $signed), $timeout);
    }

    /**
     * Sends an unsigned request (the connect exchange, where the one-time token is the credential).
     *
     * @param string               $method  HTTP method.
     * @param string               $path    App path.
     * @param string               $body    Raw body.
     * @param array<string,string> $headers Headers.
     * @param int                  $timeout Seconds.
     * @return array|WP_Error
     */
    public static function unsigned_request($method, $path, $body = '', array $headers = array(), $timeout = self::TIMEOUT)
    {
        return self::request($method, TrulyBot_Settings::app_url() . $path, $body, $headers, $timeout);
    }

    /**
     * Low-level request.
     *
     * @param string               $method  HTTP method.
     * @param string               $url     Absolute URL.
     * @param string               $body    Raw body.
     * @param array<string,string> $headers Headers.
     * @param int                  $timeout Seconds.
     * @return array|WP_Error
     */
    private static function request($method, $url, $body, array $headers, $timeout)
    {
        $args = array(
            'method'      => strtoupper($method),
            'timeout'     => $timeout,
            'redirection' => 0,
            'headers'     => array_merge(
                array(
                    'Accept'     => 'application/json',
                    'User-Agent' => 'TrulyBot-Commerce/' . TRULYBOT_COMMERCE_VERSION . '; ' . home_url('/'),
                ),
                $headers
            ),
        );
        if ('' !== $body) {
            $args['body'] = $body;
            if (!isset($args['headers']['Content-Type'])) {
                $args['headers']['Content-Type'] = 'application/json';
            }
        }
        return wp_remote_request($url, $args);
    }

    /**
     * Decodes a JSON response body into an array, or null.
     *
     * @param array|WP_Error $response Response.
     * @return array<string, mixed>|null
     */
    public static function json($response)
    {
        if (is_wp_error($response)) {
            return null;
        }
        $data = json_decode((string) wp_remote_retrieve_body($response), true);
        return is_array($data) ? $data : null;
    }
}
