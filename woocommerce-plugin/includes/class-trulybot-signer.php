<?php

/**
 * Request signing between the plugin and the app (CONTRACTS.md §2).
 *
 * @package TrulyBot_Commerce
 */

defined('ABSPATH') || exit;

/**
 * Pure signing functions; no WordPress calls except in headers() for randomness defaults.
 */
class TrulyBot_Signer
{
    /**
     * The canonical string: lines joined by "\n".
     *
     * @param string|int $timestamp Unix seconds.
     * @param string     $nonce     Hex nonce.
     * @param string     $method    HTTP method (any case).
     * @param string     $path      Path with query exactly as sent, e.g. /api/v1/woo/storefront/messages.
     * @param string     $customer  Logged-in customer id or "".
     * @param string     $shopper   Shopper hash or "".
     * @param string     $body      Raw body ("" when none).
     * @return string
     */
    public static function canonical_string($timestamp, $nonce, $method, $path, $customer, $shopper, $body)
    {
        return implode(
            "\n",
            array(
                (string) $timestamp,
                (string) $nonce,
                strtoupper((string) $method),
                (string) $path,
                (string) $customer,
                (string) $shopper,
                hash('sha256', (string) $body),
            )
        );
    }

    /**
     * Hex HMAC-SHA256 of the canonical string with the store secret.
     *
     * @param string $canonical Canonical string.
     * @param string $secret    Store secret.
     * @return string
     */
    public static function sign($canonical, $secret)
    {
        return hash_hmac('sha256', (string) $canonical, (string) $secret);
    }

    /**
     * Hex SHA-256 of shopper IP + user agent + store secret, concatenated without separators.
     *
     * @param string $ip         Shopper IP.
     * @param string $user_agent Shopper user agent.
     * @param string $secret     Store secret.
     * @return string
     */
    public static function shopper_hash($ip, $user_agent, $secret)
    {
        return hash('sha256', (string) $ip . (string) $user_agent . (string) $secret);
    }

    /**
     * The network an address belongs to: "a.b.c.0/24" for IPv4 (also IPv4-mapped IPv6), the first
     * 48 bits "xxxx:xxxx:xxxx::/48" for IPv6; "" when the value is not an IP address.
     *
     * @param string $ip Shopper IP (REMOTE_ADDR).
     * @return string
     */
    public static function network_prefix($ip)
    {
        $ip = trim((string) $ip);
        $packed = false === filter_var($ip, FILTER_VALIDATE_IP) ? false : inet_pton($ip);
        if (false === $packed) {
            return '';
        }
        if (16 === strlen($packed) && str_repeat("\0", 10) . "\xff\xff" === substr($packed, 0, 12)) {
            $packed = substr($packed, 12);
        }
        if (4 === strlen($packed)) {
            $octets = array_values(unpack('C4', $packed));
            return $octets[0] . '.' . $octets[1] . '.' . $octets[2] . '.0/24';
        }
        $groups = array_values(unpack('n3', substr($packed, 0, 6)));
        return sprintf('%04x:%04x:%04x::/48', $groups[0], $groups[1], $groups[2]);
    }

    /**
     * X-TrulyBot-Network: hex HMAC-SHA256 with the store secret of the shopper's network prefix,
     * the same for every browser and address in one /24 (IPv4) or /48 (IPv6); "" when the address
     * is not an IP. The app limits per network with it (rotating the User-Agent does not change it).
     *
     * @param string $ip     Shopper IP (REMOTE_ADDR).
     * @param string $secret Store secret.
     * @return string
     */
    public static function network_hash($ip, $secret)
    {
        $prefix = self::network_prefix($ip);
        return '' === $prefix ? '' : hash_hmac('sha256', $prefix, (string) $secret);
    }

    /**
     * A fresh nonce: 16 random bytes, hex.
     *
     * @return string
     */
    public static function new_nonce()
    {
        return bin2hex(random_bytes(16));
    }

    /**
     * The path with query of a URL, as the signature covers it.
     *
     * @param string $url Absolute URL.
     * @return string
     */
    public static function path_with_query($url)
    {
        $parts = parse_url((string) $url);
        $path = isset($parts['path']) && '' !== $parts['path'] ? $parts['path'] : '/';
        if (isset($parts['query']) && '' !== $parts['query']) {
            $path .= '?' . $parts['query'];
        }
        return $path;
    }

    /**
     * All X-TrulyBot-* headers for one request.
     *
     * @param string          $store_id  Store id issued by the app.
     * @param string          $secret    Store secret.
     * @param string          $method    HTTP method.
     * @param string          $path      Path with query as sent.
     * @param string          $body      Raw body.
     * @param string          $customer  Customer id or "".
     * @param string          $shopper   Shopper hash or "".
     * @param int|null        $timestamp Override (tests).
     * @param string|null     $nonce     Override (tests).
     * @return array<string, string>
     */
    public static function headers(
        $store_id,
        $secret,
        $method,
        $path,
        $body,
        $customer = '',
        $shopper = '',
        $timestamp = null,
        $nonce = null
    ) {
        $timestamp = null === $timestamp ? time() : (int) $timestamp;
        $nonce = null === $nonce ? self::new_nonce() : (string) $nonce;
        $canonical = self::canonical_string($timestamp, $nonce, $method, $path, $customer, $shopper, $body);
        return array(
            'X-TrulyBot-Store'     => (string) $store_id,
            'X-TrulyBot-Timestamp' => (string) $timestamp,
            'X-TrulyBot-Nonce'     => $nonce,
            'X-TrulyBot-Customer'  => (string) $customer,
            'X-TrulyBot-Shopper'   => (string) $shopper,
            'X-TrulyBot-Signature' => self::sign($canonical, $secret),
        );
    }
}
