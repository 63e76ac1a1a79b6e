#!/usr/bin/env node
/**
 * A storefront-like test page for the widget plus a canned mock of the widget protocol
 * (docs/contracts.md, widget protocol) on node:http. For looking at the widget in a real browser; not the real engine.
 *
 *   node widget/test-page/serve.mjs [port]          (build first: node scripts/build-widget.mjs)
 *   open http://localhost:4400/?locale=es&accent=%23e0457b&position=left&proactive=true
 *
 * Canned conversation: "where is my order" → asks the number → asks email/phone → order card.
 * "1004" gives a split shipment, "1003" a delivered order, "my orders" an order list,
 * "person" a handoff form, "shipping" a policy answer with a link, "limit" a 429,
 * "down" a 503 (shows the Retry state), "flaky" fails twice then answers, "xss" hostile text.
 * Conversations carry a token (docs/contracts.md, widget protocol): the first answer returns `conversationToken`, a POST with
 * a wrong or missing token starts a new conversation, `GET /messages?conversationId&conversationToken&after`
 * returns newer messages (401 for a wrong token, 404 for an unknown conversation). `agentReply(text)`
 * on the returned handle makes "a person from the team" write into the latest conversation.
 */
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createHash, randomUUID } from "node:crypto";

const here = dirname(fileURLToPath(import.meta.url));
const ASSETS = resolve(here, "../../extensions/trulybot-chat/assets");
const BASE = "/apps/trulybot";

const ORDERS = {
  1002: {
    number: "1002",
    status: "shipped",
    statusLabel: "Shipped",
    placedAt: "2026-11-18T15:12:00Z",
    total: { amount: "128.40", currency: "USD" },
    totalFormatted: "$128.40",
    items: [
      { title: "Trailhead Fleece Jacket", quantity: 1, variantTitle: "Navy / M" },
      { title: "Merino Hiking Socks", quantity: 2, variantTitle: null },
    ],
    shipments: [
      {
        carrier: "UPS",
        trackingNumber: "1ZA84R270384120936",
        trackingUrl: "https://www.ups.com/track?tracknum=1ZA84R270384120936",
        status: "in_transit",
        shippedAt: "2026-11-19T20:00:00Z",
        estimatedDeliveryAt: "2026-11-24T17:00:00Z",
        deliveredAt: null,
      },
    ],
    statusPageUrl: "https://demo-outfitters.example/account/orders/1002",
    steps: [
      { key: "ordered", label: "Ordered", done: true, current: false },
      { key: "shipped", label: "Shipped", done: true, current: true },
      { key: "delivered", label: "Delivered", done: false, current: false },
    ],
  },
  1003: {
    number: "1003",
    status: "delivered",
    placedAt: "2026-11-08T14:00:00Z",
    total: { amount: "64.00", currency: "USD" },
    items: [{ title: "Camp Mug", quantity: 2 }],
    shipments: [
      {
        carrier: "USPS",
        trackingNumber: "9400111899223855710247",
        trackingUrl: "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223855710247",
        status: "delivered",
        estimatedDeliveryAt: null,
        deliveredAt: "2026-11-13T19:30:00Z",
      },
    ],
    statusPageUrl: "https://demo-outfitters.example/account/orders/1003",
  },
  1004: {
    number: "1004",
    status: "partially_shipped",
    statusLabel: "Partially shipped",
    placedAt: "2026-11-16T10:00:00Z",
    total: { amount: "512.17", currency: "USD" },
    items: [
      { title: "Summit 2P Tent", quantity: 1 },
      { title: "Ridge 28L Daypack", quantity: 1 },
      { title: "Insulated Bottle", quantity: 1 },
      { title: "Carbon Trekking Poles", quantity: 1 },
    ],
    shipments: [
      {
        carrier: "FedEx",
        trackingNumber: "791203588467",
        trackingUrl: "https://www.fedex.com/fedextrack/?trknbr=791203588467",
        status: "delivered",
        estimatedDeliveryAt: null,
        deliveredAt: "2026-11-19T18:00:00Z",
        items: [{ title: "Summit 2P Tent", quantity: 1 }],
      },
      {
        carrier: "DHL eCommerce",
        trackingNumber: "GM5301284467220193",
        trackingUrl: "https://www.dhl.com/us-en/home/tracking.html?tracking-id=GM5301284467220193",
        status: "in_transit",
        estimatedDeliveryAt: "2026-11-25T17:00:00Z",
        deliveredAt: null,
        items: [
          { title: "Ridge 28L Daypack", quantity: 1 },
          { title: "Insulated Bottle", quantity: 1 },
        ],
      },
    ],
    statusPageUrl: "https://demo-outfitters.example/account/orders/1004",
  },
};

const TEXT = {
  1002: "Shipped Nov 19 with UPS — in transit, expected Tue Nov 24.",
  1003: "Delivered Fri Nov 13 (USPS, left in the mailbox).",
  1004: "Shipped in 2 packages: the tent was delivered Thu Nov 19; the daypack and bottle are in transit, expected Wed Nov 25. The trekking poles are backordered and will ship separately.",
};

/** @param {{ accent?: string, name?: string, greeting?: string, position?: string, delayMs?: number }} [opts] */
export function startServer(port = 4400, opts = {}) {
  const conversations = new Map();
  /** every request to the protocol: { method, path, query, body } */
  const requests = [];
  let latest = null;
  const flaky = new Map();
  const delayMs = opts.delayMs ?? 450;
  const config = {
    bot: {
      name: opts.name ?? "Demo Outfitters",
      greeting:
        opts.greeting ??
        "Hi! I'm the Demo Outfitters assistant. Ask me where your order is, or about shipping and returns.",
      accentColor: opts.accent ?? "#1a73e8",
      position: opts.position ?? "right",
      avatarUrl: null,
      launcherLabel: "Chat with Demo Outfitters",
    },
    features: { orderTracking: true, handoff: true, faq: true },
    locale: "en",
    version: "test-1",
  };
  const body = JSON.stringify(config);
  const etag = '"' + createHash("sha1").update(body).digest("hex").slice(0, 16) + '"';

  const id = () => randomUUID().slice(0, 8);
  const bot = (text) => ({ id: id(), role: "bot", type: "text", text });
  const qr = (...labels) => ({
    id: id(),
    role: "bot",
    type: "quick_replies",
    quickReplies: labels.map((l) => ({ label: l, value: l.toLowerCase() })),
  });

  function reply(conv, text, action) {
    if (action && action.type === "handoff_submit") {
      conv.awaiting = null;
      return [
        bot(`Thanks! A person from our team will email you at ${action.email} within one business day.`),
      ];
    }
    const t = String((action && action.value) || text || "").toLowerCase();
    const num = /(\d{4})/.exec(t);
    if (/xss/.test(t)) {
      return [
        bot('<img src=x onerror="window.__pwned=1"> <b>bold?</b> javascript:alert(1)'),
        {
          id: id(),
          role: "bot",
          type: "order",
          text: "<script>window.__pwned=2</script>",
          order: {
            ...ORDERS[1002],
            number: '<img src=x onerror="window.__pwned=3">',
            statusPageUrl: "javascript:alert(1)",
            shipments: [
              {
                ...ORDERS[1002].shipments[0],
                carrier: "<i>UPS</i>",
                trackingUrl: "javascript:window.__pwned=4",
              },
            ],
          },
        },
      ];
    }
    if (/person|human|agent|talk/.test(t)) {
      conv.awaiting = "handoff_details";
      return [
        {
          id: id(),
          role: "bot",
          type: "handoff",
          text: "I'll pass this to our team. Leave your email and a short note and they'll reply within one business day.",
          fields: ["email", "message"],
        },
      ];
    }
    if (/my orders|all orders|orders$/.test(t)) {
      conv.awaiting = null;
      return [
        {
          id: id(),
          role: "bot",
          type: "order_list",
          text: "Here are your recent orders. Tap one for details.",
          orders: [ORDERS[1002], ORDERS[1003], ORDERS[1004]],
        },
      ];
    }
    if (/ship/.test(t) && !num) {
      return [
        bot(
          "Free US shipping on orders over $150; otherwise $7.95. Orders leave our Columbus warehouse within 1–2 business days. Full policy: https://demo-outfitters.example/policies/shipping-policy.",
        ),
        qr("Where is my order?", "Returns"),
      ];
    }
    if (/return/.test(t)) {
      return [
        bot(
          "You can return unworn items within 30 days for a full refund. Start a return from your order page.",
        ),
        qr("Where is my order?", "Talk to a person"),
      ];
    }
    if (num && ORDERS[num[1]] && conv.awaiting !== "email_or_phone") {
      conv.order = num[1];
      if (!conv.verified) {
        conv.awaiting = "email_or_phone";
        return [
          bot(`Thanks! To keep your order private, what's the email or phone number used for #${num[1]}?`),
        ];
      }
    }
    if (conv.awaiting === "email_or_phone" && (/@/.test(t) || /\d{7,}/.test(t.replace(/\D/g, "")))) {
      conv.verified = true;
    }
    if (conv.verified && conv.order) {
      const o = ORDERS[conv.order];
      conv.awaiting = null;
      return [
        { id: id(), role: "bot", type: "order", text: TEXT[conv.order], order: o },
        qr("Track another order", "Talk to a person"),
      ];
    }
    if (/order|where|track|pedido|commande|bestellung/.test(t) || /another/.test(t)) {
      conv.awaiting = "order_number";
      conv.order = null;
      return [bot("Happy to check! What's your order number? It's in your confirmation email, like #1002.")];
    }
    if (/^(hi|hello|hey)/.test(t))
      return [
        bot("Hi there! How can I help?"),
        qr("Where is my order?", "Shipping info", "Talk to a person"),
      ];
    return [
      bot("I can help with orders, shipping and returns. What would you like to do?"),
      qr("Where is my order?", "Shipping info", "Talk to a person"),
    ];
  }

  async function page(url) {
    let html = await readFile(join(here, "index.html"), "utf8");
    const q = url.searchParams;
    const attr = (v) =>
      String(v).replace(/[&"<>]/g, (c) => ({ "&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;" })[c]);
    const data = {
      locale: q.get("locale") ?? "en",
      accent: q.get("accent") ?? "#1a73e8",
      position: q.get("position") ?? "right",
      greeting: q.get("greeting") ?? "",
      name: q.get("name") ?? "Demo Outfitters",
      proactive: q.get("proactive") ?? "false",
    };
    const attrs = Object.entries(data)
      .map(([k, v]) => `data-${k}="${attr(v)}"`)
      .join(" ");
    return html.replace("{{WIDGET_ATTRS}}", attrs).replace("{{LANG}}", attr(data.locale));
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url || "/", "http://localhost");
    try {
      if (req.method === "GET" && (url.pathname === "/" || url.pathname === "/index.html")) {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        return res.end(await page(url));
      }
      if (req.method === "GET" && url.pathname.startsWith("/assets/")) {
        const name = url.pathname.slice(8);
        if (!/^[\w.-]+\.js$/.test(name)) throw Object.assign(new Error("nf"), { code: "ENOENT" });
        const js = await readFile(join(ASSETS, name));
        res.writeHead(200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache" });
        return res.end(js);
      }
      if (req.method === "GET" && url.pathname === BASE + "/config") {
        if (req.headers["if-none-match"] === etag) {
          res.writeHead(304, { ETag: etag });
          return res.end();
        }
        res.writeHead(200, { "Content-Type": "application/json", ETag: etag, "Cache-Control": "no-cache" });
        return res.end(body);
      }
      if (req.method === "POST" && url.pathname === BASE + "/messages") {
        let raw = "";
        for await (const c of req) raw += c;
        let msg;
        try {
          msg = JSON.parse(raw);
        } catch {
          res.writeHead(400, { "Content-Type": "application/json" });
          return res.end(JSON.stringify({ error: { code: "bad_json", message: "Malformed JSON" } }));
        }
        if (typeof msg.text === "string" && msg.text.length > 1000) {
          res.writeHead(400, { "Content-Type": "application/json" });
          return res.end(
            JSON.stringify({ error: { code: "text_too_long", message: "Text over 1000 characters" } }),
          );
        }
        const t = String(msg.text || "").toLowerCase();
        if (t === "limit") {
          res.writeHead(429, { "Content-Type": "application/json", "Retry-After": "5" });
          return res.end(JSON.stringify({ error: { code: "rate_limited", message: "Slow down" } }));
        }
        if (t === "down") {
          res.writeHead(503, { "Content-Type": "application/json" });
          return res.end(JSON.stringify({ error: { code: "unavailable", message: "down" } }));
        }
        if (t === "flaky") {
          const n = (flaky.get(msg.conversationId) || 0) + 1;
          flaky.set(msg.conversationId, n);
          if (n % 3 !== 0) {
            req.socket.destroy();
            return;
          }
        }
        requests.push({ method: "POST", path: url.pathname, body: msg });
        let conv = msg.conversationId && conversations.get(msg.conversationId);
        if (conv && conv.token !== msg.conversationToken) conv = null; // id without its token: a new one
        const isNew = !conv;
        if (!conv) {
          conv = {
            id: "conv_" + id(),
            token: randomUUID(),
            awaiting: null,
            order: null,
            verified: false,
            log: [],
          };
          conversations.set(conv.id, conv);
        }
        latest = conv;
        const messages =
          t === "flaky"
            ? [bot("Sorry for the wait — I'm back. How can I help?")]
            : reply(conv, msg.text, msg.action);
        conv.log.push(...messages);
        await new Promise((r) => setTimeout(r, delayMs));
        res.writeHead(200, { "Content-Type": "application/json" });
        const out = { conversationId: conv.id, messages, awaiting: conv.awaiting };
        if (isNew) out.conversationToken = conv.token;
        return res.end(JSON.stringify(out));
      }
      if (req.method === "GET" && url.pathname === BASE + "/messages") {
        const q = Object.fromEntries(url.searchParams);
        requests.push({ method: "GET", path: url.pathname, query: q });
        const conv = conversations.get(q.conversationId || "");
        const status = !conv ? 404 : conv.token !== q.conversationToken ? 401 : 200;
        res.writeHead(status, { "Content-Type": "application/json" });
        if (status !== 200)
          return res.end(JSON.stringify({ error: { code: "not_found", message: "No such conversation" } }));
        const at = q.after ? conv.log.findIndex((m) => m.id === q.after) : -1;
        const messages = conv.log.slice(at + 1);
        return res.end(JSON.stringify({ conversationId: conv.id, messages, awaiting: conv.awaiting }));
      }
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("not found");
    } catch (e) {
      res.writeHead(e && e.code === "ENOENT" ? 404 : 500, { "Content-Type": "text/plain" });
      res.end(e && e.code === "ENOENT" ? "not found" : "error");
    }
  });
  return new Promise((resolvePromise) => {
    server.listen(port, "127.0.0.1", () => {
      const addr = server.address();
      const p = typeof addr === "object" && addr ? addr.port : port;
      resolvePromise({
        url: `http://127.0.0.1:${p}`,
        requests,
        agentReply(text) {
          if (!latest) throw new Error("no conversation yet");
          latest.log.push({ id: id(), role: "agent", type: "text", text });
        },
        close: () => new Promise((r) => server.close(() => r(undefined))),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] || process.env.PORT || 4400);
  const { url } = await startServer(port);
  console.log(`widget test page on ${url}/  (mock protocol at ${url}${BASE})`);
}
