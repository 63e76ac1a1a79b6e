/**
 * WooCommerce's webhook delivery, emulated after WC_Webhook (WooCommerce 10.x): webhooks with a
 * topic, delivery URL, secret and status; a creation ping (`webhook_id=N`, form body, unsigned,
 * must get exactly 200); deliveries as WooCommerce sends them — JSON body, X-WC-Webhook-Source /
 * Topic / Resource / Event / Signature (base64 HMAC-SHA256 of the body) / ID / Delivery-ID
 * (a hash of webhook id + the current second) — and the failure count that disables a webhook
 * after more than 5 consecutive non-2xx answers (2xx, 301 and 302 count as success).
 */
import crypto from "node:crypto";

export type WooWebhookStatus = "active" | "paused" | "disabled";

export interface EmulatedWebhook {
  id: number;
  name: string;
  topic: string;
  deliveryUrl: string;
  secret: string;
  status: WooWebhookStatus;
  failureCount: number;
}

export interface Delivery {
  webhookId: number;
  topic: string;
  status: number;
  deliveryId: string;
  body: string;
  headers: Record<string, string>;
}

export const MAX_DELIVERY_FAILURES = 5;

export class WooWebhookEmulator {
  readonly webhooks: EmulatedWebhook[] = [];
  readonly deliveries: Delivery[] = [];
  private nextId = 1;

  constructor(
    readonly siteUrl: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  create(w: { name: string; topic: string; deliveryUrl: string; secret: string }): EmulatedWebhook {
    const hook: EmulatedWebhook = { id: this.nextId++, status: "active", failureCount: 0, ...w };
    this.webhooks.push(hook);
    return hook;
  }

  remove(id: number) {
    const i = this.webhooks.findIndex((w) => w.id === id);
    if (i >= 0) this.webhooks.splice(i, 1);
  }

  /** WC_Webhook::deliver_ping: true when the delivery URL answered 200. */
  async ping(id: number): Promise<{ ok: boolean; status: number }> {
    const hook = this.byId(id);
    const res = await fetch(hook.deliveryUrl, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "user-agent": "WooCommerce/10.0.2 Hookshot (WordPress/6.8.2)",
      },
      body: `webhook_id=${hook.id}`,
    });
    await res.arrayBuffer();
    return { ok: res.status === 200, status: res.status };
  }

  /** What WooCommerce does when `topic` fires for a resource: deliver to every active webhook on it. */
  async fire(topic: string, payload: unknown): Promise<Delivery[]> {
    const out: Delivery[] = [];
    for (const hook of this.webhooks.filter((w) => w.topic === topic && w.status === "active")) {
      out.push(await this.deliver(hook, payload));
    }
    return out;
  }

  /** One delivery of `payload` by webhook `hook` (WC_Webhook::deliver + log_delivery). */
  async deliver(hook: EmulatedWebhook, payload: unknown, opts: { secret?: string } = {}): Promise<Delivery> {
    const body = JSON.stringify(payload).trim();
    const [resource, event] = hook.topic.split(".");
    const deliveryId = crypto
      .createHash("md5")
      .update(`${hook.id}${Math.floor(this.now().getTime() / 1000)}`)
      .digest("hex");
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "user-agent": "WooCommerce/10.0.2 Hookshot (WordPress/6.8.2)",
      "x-wc-webhook-source": `${this.siteUrl.replace(/\/+$/, "")}/`,
      "x-wc-webhook-topic": hook.topic,
      "x-wc-webhook-resource": resource ?? "",
      "x-wc-webhook-event": event ?? "",
      "x-wc-webhook-signature": crypto
        .createHmac("sha256", opts.secret ?? hook.secret)
        .update(body)
        .digest("base64"),
      "x-wc-webhook-id": String(hook.id),
      "x-wc-webhook-delivery-id": deliveryId,
    };
    const res = await fetch(hook.deliveryUrl, { method: "POST", headers, body, redirect: "manual" });
    await res.arrayBuffer();
    this.track(hook, res.status);
    const d = { webhookId: hook.id, topic: hook.topic, status: res.status, deliveryId, body, headers };
    this.deliveries.push(d);
    return d;
  }

  private track(hook: EmulatedWebhook, status: number) {
    if (status >= 200 && status < 303) {
      hook.failureCount = 0;
    } else if (hook.failureCount > MAX_DELIVERY_FAILURES) {
      hook.status = "disabled";
    } else {
      hook.failureCount++;
    }
  }

  private byId(id: number): EmulatedWebhook {
    const hook = this.webhooks.find((w) => w.id === id);
    if (!hook) throw new Error(`no webhook ${id}`);
    return hook;
  }
}
