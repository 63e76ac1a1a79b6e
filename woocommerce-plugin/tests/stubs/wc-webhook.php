<?php

/**
 * Stand-in for WooCommerce's webhook API (WC_Webhook, wc_get_webhook, wc_get_webhook_statuses,
 * wc_is_webhook_valid_topic), after WooCommerce 10.x: webhooks are rows of the real
 * `{prefix}wc_webhooks` table (schema of WC_Install, created by tests/install.php), read and
 * written through the same getters/setters; signatures are base64 HMAC-SHA256 of the body with the
 * secret, delivery ids a hash of webhook id + the current second, and more than 5 consecutive failed
 * deliveries disable a webhook (WC_Webhook::failed_delivery). Delivery itself is not emulated here:
 * tests call deliver_signed() to get the exact request WooCommerce would send.
 *
 * @package TrulyBot_Commerce
 */

// phpcs:disable

function wc_get_webhook_statuses()
{
    return array('active' => 'Active', 'paused' => 'Paused', 'disabled' => 'Disabled');
}

function wc_is_webhook_valid_topic($topic)
{
    $valid = array(
        'coupon.created', 'coupon.updated', 'coupon.deleted', 'coupon.restored',
        'customer.created', 'customer.updated', 'customer.deleted',
        'order.created', 'order.updated', 'order.deleted', 'order.restored',
        'product.created', 'product.updated', 'product.deleted', 'product.restored',
    );
    return in_array($topic, $valid, true) || 0 === strpos((string) $topic, 'action.');
}

/**
 * @param int|WC_Webhook $id
 * @return WC_Webhook|null
 */
function wc_get_webhook($id)
{
    $webhook = new WC_Webhook($id);
    return $webhook->get_id() ? $webhook : null;
}

class WC_Webhook
{
    protected $id = 0;

    protected $data = array(
        'status'           => 'disabled',
        'delivery_url'     => '',
        'secret'           => '',
        'name'             => '',
        'topic'            => '',
        'failure_count'    => 0,
        'user_id'          => 0,
        'api_version'      => 3,
        'pending_delivery' => false,
    );

    public function __construct($data = 0)
    {
        $id = $data instanceof WC_Webhook ? $data->get_id() : (is_numeric($data) ? (int) $data : 0);
        if ($id > 0) {
            $this->read($id);
        }
    }

    private static function table()
    {
        global $wpdb;
        return $wpdb->prefix . 'wc_webhooks';
    }

    private function read($id)
    {
        global $wpdb;
        $row = $wpdb->get_row($wpdb->prepare('SELECT * FROM ' . self::table() . ' WHERE webhook_id = %d', $id), ARRAY_A);
        if (!$row) {
            return;
        }
        $this->id = (int) $row['webhook_id'];
        $this->data = array(
            'status'           => $row['status'],
            'delivery_url'     => $row['delivery_url'],
            'secret'           => $row['secret'],
            'name'             => $row['name'],
            'topic'            => $row['topic'],
            'failure_count'    => (int) $row['failure_count'],
            'user_id'          => (int) $row['user_id'],
            'api_version'      => (int) $row['api_version'],
            'pending_delivery' => (bool) $row['pending_delivery'],
        );
    }

    public function get_id() { return $this->id; }
    public function get_name($context = 'view') { return $this->data['name']; }
    public function get_status($context = 'view') { return $this->data['status']; }
    public function get_secret($context = 'view') { return $this->data['secret']; }
    public function get_topic($context = 'view') { return $this->data['topic']; }
    public function get_delivery_url($context = 'view') { return $this->data['delivery_url']; }
    public function get_user_id($context = 'view') { return $this->data['user_id']; }
    public function get_failure_count($context = 'view') { return $this->data['failure_count']; }
    public function get_pending_delivery($context = 'view') { return $this->data['pending_delivery']; }
    public function get_api_version($context = 'view')
    {
        return $this->data['api_version'] > 0 ? 'wp_api_v' . $this->data['api_version'] : 'legacy_v3';
    }

    public function set_name($name) { $this->data['name'] = (string) $name; }
    public function set_secret($secret) { $this->data['secret'] = (string) $secret; }
    public function set_user_id($user_id) { $this->data['user_id'] = (int) $user_id; }
    public function set_failure_count($count) { $this->data['failure_count'] = intval($count); }
    public function set_pending_delivery($pending) { $this->data['pending_delivery'] = (bool) $pending; }
    public function set_delivery_url($url) { $this->data['delivery_url'] = esc_url_raw($url, array('http', 'https')); }

    public function set_status($status)
    {
        $this->data['status'] = array_key_exists($status, wc_get_webhook_statuses()) ? $status : 'disabled';
    }

    public function set_topic($topic)
    {
        $topic = wc_clean($topic);
        $this->data['topic'] = wc_is_webhook_valid_topic($topic) ? $topic : '';
    }

    public function set_api_version($version)
    {
        if (!is_numeric($version)) {
            $version = (int) str_replace('wp_api_v', '', (string) $version);
        }
        $this->data['api_version'] = (int) $version;
    }

    /** @return int The webhook id. */
    public function save()
    {
        global $wpdb;
        $now = current_time('mysql');
        $now_gmt = current_time('mysql', true);
        $row = array(
            'status'            => $this->data['status'],
            'name'              => $this->data['name'],
            'user_id'           => $this->data['user_id'],
            'delivery_url'      => $this->data['delivery_url'],
            'secret'            => $this->data['secret'],
            'topic'             => $this->data['topic'],
            'api_version'       => $this->data['api_version'],
            'failure_count'     => $this->data['failure_count'],
            'pending_delivery'  => $this->data['pending_delivery'] ? 1 : 0,
            'date_modified'     => $now,
            'date_modified_gmt' => $now_gmt,
        );
        if ($this->id) {
            $wpdb->update(self::table(), $row, array('webhook_id' => $this->id));
        } else {
            $wpdb->insert(self::table(), $row + array('date_created' => $now, 'date_created_gmt' => $now_gmt));
            $this->id = (int) $wpdb->insert_id;
            do_action('woocommerce_new_webhook', $this->id, $this);
        }
        return $this->id;
    }

    /** @return bool */
    public function delete($force_delete = false)
    {
        global $wpdb;
        if (!$this->id) {
            return false;
        }
        $deleted = $wpdb->delete(self::table(), array('webhook_id' => $this->id));
        do_action('woocommerce_webhook_deleted', $this->id, $this);
        $this->id = 0;
        return (bool) $deleted;
    }

    public function generate_signature($payload)
    {
        return base64_encode(hash_hmac('sha256', $payload, wp_specialchars_decode($this->get_secret(), ENT_QUOTES), true));
    }

    public function get_new_delivery_id()
    {
        return wp_hash($this->get_id() . strtotime('now'));
    }

    /** The request WC_Webhook::deliver() would send for $payload: array(url, headers, body). */
    public function deliver_signed($payload)
    {
        $body = trim(wp_json_encode($payload));
        list($resource, $event) = array_pad(explode('.', $this->get_topic()), 2, '');
        return array(
            'url'     => $this->get_delivery_url(),
            'body'    => $body,
            'headers' => array(
                'Content-Type'             => 'application/json',
                'X-WC-Webhook-Source'      => home_url('/'),
                'X-WC-Webhook-Topic'       => $this->get_topic(),
                'X-WC-Webhook-Resource'    => $resource,
                'X-WC-Webhook-Event'       => $event,
                'X-WC-Webhook-Signature'   => $this->generate_signature($body),
                'X-WC-Webhook-ID'          => $this->get_id(),
                'X-WC-Webhook-Delivery-ID' => $this->get_new_delivery_id(),
            ),
        );
    }

    /** WC_Webhook::failed_delivery(): count a failure; more than 5 in a row disable the webhook. */
    public function failed_delivery()
    {
        $failures = $this->get_failure_count();
        if ($failures > apply_filters('woocommerce_max_webhook_delivery_failures', 5)) {
            $this->set_status('disabled');
            do_action('woocommerce_webhook_disabled_due_delivery_failures', $this->get_id());
        } else {
            $this->set_failure_count(++$failures);
        }
        $this->save();
    }
}
