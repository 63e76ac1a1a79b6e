/**
 * One Shopify store under a steady stream of order lookups (issue 17), on SQLite, with the store's
 * API budget real: the Shopify emulator runs with the standard plan's cost bucket (1,000 points,
 * 100/s) and every Admin API call takes BENCH_LOOKUP_LATENCY_MS (150). After the order mirror's
 * initial sync, full order-status turns (`where is my order #1002? marcus.reed@example.net`, every
 * one from a different shopper, signed like the app proxy) arrive at a fixed rate:
 *   answered = the response carries the verified order card;
 *   store API calls per lookup = the emulator's requests during the run / the turns sent.
 * Then #1002 is delivered in the emulator and Shopify's signed fulfillments/update webhook sent;
 * a fresh shopper asks every 100 ms until the bot's answer says delivered: that delay is the
 * "status change reaches the bot" figure (goal ≤ 5 s; the in-process runner polls once a second).
 */
import crypto from "node:crypto";
import { cpuMs, log, round, type Child } from "./children";
import { runLoad, shopifyRequest, type LoadResult } from "./load";

const TURN = "where is my order #1002? marcus.reed@example.net";
const hasCard = (status: number, body: string) => status === 200 && body.includes('"type":"order"');
const delivered = (body: string) => /"type":"order"[\s\S]*"status":"delivered"/.test(body);

export interface LookupResult {
  rate: number;
  seconds: number;
  latencyMs: number;
  plan: string;
  mirrored: number;
  warmup: { sent: number; answered: number; apiCalls: number };
  run: LoadResult & {
    sent: number;
    answered: number;
    answeredShare: number;
    apiCalls: number;
    apiCallsPerLookup: number;
    cpuMsPerLookup: number;
  };
  statusChange: { webhookStatus: number; reachedBotMs: number | null; probes: number };
}

async function apiCalls(emu: Child): Promise<number> {
  const s = await emu.ask({ type: "stats" }, "stats");
  return Number(s.shopify);
}

export async function mirrorLookups(
  server: Child,
  emu: Child,
  cfg: { rate: number; seconds: number; latencyMs: number; plan: string; secret: string },
): Promise<LookupResult> {
  const url: string = server.ready.url;
  const shop: string = server.ready.shop;
  const build = () => shopifyRequest("messages", { shop, secret: cfg.secret, text: TURN });
  await emu.ask({ type: "latency", ms: cfg.latencyMs }, "latency-set");
  const synced = await server.ask({ type: "mirror-sync" }, "mirror-synced");
  log(`lookups: mirror synced (${synced.synced} orders)`);
  await server.ask({ type: "reset" }, "reset-done");

  // warm-up at the same rate: the first lookups of an order fill the mirror's row if needed
  const w0 = await apiCalls(emu);
  const warm = await runLoad({
    url,
    build,
    connections: 10,
    durationSeconds: 3,
    overallRate: cfg.rate,
    check: hasCard,
  });
  const warmup = { sent: warm.requests, answered: warm.checked, apiCalls: (await apiCalls(emu)) - w0 };
  await server.ask({ type: "reset" }, "reset-done");

  const pid = server.proc.pid!;
  const a0 = await apiCalls(emu);
  const c0 = cpuMs(pid);
  const amount = Math.round(cfg.rate * cfg.seconds);
  const r = await runLoad({
    url,
    build,
    connections: 10,
    durationSeconds: cfg.seconds * 3,
    amount,
    overallRate: cfg.rate,
    check: hasCard,
  });
  const cpu = cpuMs(pid) - c0;
  const calls = (await apiCalls(emu)) - a0;
  const run = {
    ...r,
    sent: amount,
    answered: r.checked,
    answeredShare: round((100 * r.checked) / Math.max(1, amount), 2),
    apiCalls: calls,
    apiCallsPerLookup: round(calls / Math.max(1, amount), 3),
    cpuMsPerLookup: round(cpu / Math.max(1, r.requests)),
  };
  log(
    `lookups: ${run.answered}/${amount} answered at ${r.throughput}/s, ${run.apiCallsPerLookup} API calls each, p95 ${r.p95} ms`,
  );
  await server.ask({ type: "reset" }, "reset-done");
  return {
    rate: cfg.rate,
    seconds: cfg.seconds,
    latencyMs: cfg.latencyMs,
    plan: cfg.plan,
    mirrored: Number(synced.synced),
    warmup,
    run,
    statusChange: await statusChange(server, emu, cfg.secret),
  };
}

/** #1002 delivered in the emulator + Shopify's fulfillments/update webhook → the bot's answer. */
async function statusChange(server: Child, emu: Child, secret: string) {
  const url: string = server.ready.url;
  const shop: string = server.ready.shop;
  await emu.ask({ type: "deliver", name: "#1002" }, "delivered");
  const now = new Date().toISOString();
  const body = JSON.stringify({
    id: 5120000000001,
    admin_graphql_api_id: "gid://shopify/Fulfillment/5120000000001",
    order_id: 5500000000002,
    status: "success",
    shipment_status: "delivered",
    tracking_company: "UPS",
    tracking_number: "1ZA84R270384120936",
    updated_at: now,
  });
  const t0 = performance.now();
  const res = await fetch(`${url}/webhooks/fulfillments/update`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-shopify-hmac-sha256": crypto.createHmac("sha256", secret).update(body).digest("base64"),
      "x-shopify-topic": "fulfillments/update",
      "x-shopify-shop-domain": shop,
      "x-shopify-api-version": "2026-01",
      "x-shopify-webhook-id": crypto.randomUUID(),
      "x-shopify-event-id": crypto.randomUUID(),
      "x-shopify-triggered-at": now,
    },
    body,
  });
  await res.arrayBuffer();
  let probes = 0;
  while (performance.now() - t0 < 30_000) {
    probes++;
    const b = shopifyRequest("messages", { shop, secret, text: TURN });
    const answer = await fetch(url + b.path, { method: b.method, headers: b.headers, body: b.body });
    if (delivered(await answer.text())) {
      const ms = Math.round(performance.now() - t0);
      log(`lookups: the delivery reached the bot ${ms} ms after its webhook (${probes} probes)`);
      return { webhookStatus: res.status, reachedBotMs: ms, probes };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { webhookStatus: res.status, reachedBotMs: null, probes };
}
