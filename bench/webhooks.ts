/**
 * Webhook intake (issue 17): WooCommerce order.updated deliveries, signed exactly like WC_Webhook
 * (base64 HMAC-SHA256 of the body with the secret the plugin registered through the signed
 * POST /api/v1/woo/webhooks/secret), each a different order so none is a duplicate, sent at the
 * built app (bench/server.ts) by autocannon, a fixed number per run (every one answered).
 * 1. intake alone (the app's job workers paused): deliveries/s accepted (200, not a duplicate),
 *    p50/p95/p99, the app process's CPU per delivery (from /proc: the steadier figure on a shared
 *    machine); 2. the workers resumed: how fast the queued events are applied, CPU per job;
 * 3. one run with both at once; 4. intake alone again at a fixed offered rate (`rate`, 500/s: the
 *    goal's "p95 at ≥ 500 deliveries/s"; the runs above are closed-loop, where 16 connections at
 *    1,000/s already mean 16 ms on average by Little's law). Every run's deliveries are built and
 *    signed before it starts, so the load generator's own work (JSON, HMAC) does not queue the
 *    requests it times. Then: events recorded = deliveries accepted, every job completed,
 * none failed; tampered signatures refused; replays answered as duplicates.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { signedHeaders } from "../app/platforms/woocommerce/signature.server";
import { cpuMs, log, root, round, type Child } from "./children";
import { median, runLoad, type LoadResult } from "./load";

const order727 = JSON.parse(
  fs.readFileSync(
    path.join(root, "fixtures/woocommerce/rest-v3/order-727.retrieve-example.docs.json"),
    "utf8",
  ),
);

export interface WebhookRun extends LoadResult {
  accepted: number;
  /** accepted deliveries per second */
  acceptedPerSecond: number;
  cpuMsPerDelivery: number;
}

export interface WebhookResult {
  connections: number;
  runs: WebhookRun[];
  /** intake alone (job workers paused), median of the runs */
  median: { acceptedPerSecond: number; p50: number; p95: number; p99: number; cpuMsPerDelivery: number };
  /** the queued jobs applied after the intake runs (workers resumed) */
  jobs: { applied: number; seconds: number; perSecond: number; cpuMsPerJob: number };
  /** intake while the workers apply the events at the same time, in the same process */
  mixed: WebhookRun;
  /** intake alone at a fixed offered rate (deliveries/s), 16 connections */
  atRate: WebhookRun & { offered: number };
  integrity: { accepted: number; events: number; jobsCompleted: number; jobsFailed: number };
  tampered: { sent: number; refused: number };
  replayed: { sent: number; duplicate: number };
}

let seq = 0;
function delivery(storeId: string, secret: string, opts: { tamper?: boolean; body?: string } = {}) {
  const n = ++seq;
  const at = new Date(Date.UTC(2026, 11, 3, 12, 0, 0) + n * 1000).toISOString().slice(0, 19);
  const body =
    opts.body ??
    JSON.stringify({ ...order727, id: 100_000 + n, number: String(100_000 + n), date_modified_gmt: at });
  const signature = crypto.createHmac("sha256", secret).update(body).digest("base64");
  return {
    method: "POST" as const,
    path: `/api/v1/woo/webhooks?store=${encodeURIComponent(storeId)}`,
    headers: {
      "content-type": "application/json",
      "user-agent": "WooCommerce/10.0.2 Hookshot (WordPress/6.8.2)",
      "x-wc-webhook-topic": "order.updated",
      "x-wc-webhook-resource": "order",
      "x-wc-webhook-event": "updated",
      "x-wc-webhook-id": "7",
      "x-wc-webhook-delivery-id": crypto.createHash("md5").update(`7${n}`).digest("hex"),
      "x-wc-webhook-signature": opts.tamper
        ? signature.replace(/^./, (c) => (c === "A" ? "B" : "A"))
        : signature,
    },
    body,
  };
}

/** The plugin's registration of its webhook secret (signed like every plugin call). */
async function registerSecret(url: string, woo: { storeId: string; secret: string }, webhookSecret: string) {
  const pathWithQuery = "/api/v1/woo/webhooks/secret";
  const body = JSON.stringify({ secret: webhookSecret, storeName: "Demo Woo Garden" });
  const res = await fetch(url + pathWithQuery, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...signedHeaders(woo.storeId, woo.secret, { method: "POST", pathWithQuery, body }),
    },
    body,
  });
  if (res.status !== 200)
    throw new Error(`webhook secret registration answered ${res.status}: ${await res.text()}`);
}

const isAccepted = (status: number, body: string) => status === 200 && body.includes('"duplicate":false');

export async function webhookIntake(
  server: Child,
  cfg: { runs: number; deliveries: number; connections: number; rate?: number },
): Promise<WebhookResult> {
  const url: string = server.ready.url;
  const woo: { storeId: string; secret: string } = server.ready.woo;
  const webhookSecret = crypto.randomBytes(24).toString("base64url");
  await registerSecret(url, woo, webhookSecret);
  const pid = server.proc.pid!;
  const build = () => delivery(woo.storeId, webhookSecret);
  // warm-up (JIT, pools, the verifier cache), not recorded
  await runLoad({ url, build, connections: 4, durationSeconds: 2, check: isAccepted });
  await drain(server, 120);
  const amount = cfg.deliveries;
  const base = await counts(server);
  const one = async (label: string, overallRate?: number): Promise<WebhookRun> => {
    const ready = Array.from({ length: amount + cfg.connections }, build); // signed before the clock starts
    const cpu0 = cpuMs(pid);
    const r = await runLoad({
      url,
      build: () => ready.shift() ?? build(),
      connections: cfg.connections,
      durationSeconds: 60,
      amount,
      overallRate,
      check: isAccepted,
    });
    const cpu = cpuMs(pid) - cpu0;
    const run = {
      ...r,
      accepted: r.checked,
      // to the last response: autocannon only ends a run on its next whole-second tick
      acceptedPerSecond: round(r.checked / Math.max(r.lastResponseSeconds ?? r.durationSeconds, 0.001), 1),
      cpuMsPerDelivery: round(cpu / Math.max(1, r.requests)),
    };
    log(
      `webhooks ${label}: ${run.accepted}/${r.requests} accepted, ${run.acceptedPerSecond}/s, p95 ${r.p95} ms, ${run.cpuMsPerDelivery} ms CPU each`,
    );
    return run;
  };

  // 1. intake alone: the job workers paused, so the figures are the webhook request's own
  await server.ask({ type: "jobs-pause" }, "jobs-done");
  const runs: WebhookRun[] = [];
  for (let i = 0; i < cfg.runs; i++) runs.push(await one(`intake run ${i + 1}`));
  // 2. the queued events applied by the workers
  const queued = (await counts(server)).queued;
  const cpu0 = cpuMs(pid);
  const t0 = Date.now();
  await server.ask({ type: "jobs-resume" }, "jobs-done");
  await drain(server, 600);
  const seconds = (Date.now() - t0) / 1000;
  const jobs = {
    applied: queued,
    seconds: round(seconds, 1),
    perSecond: round(queued / Math.max(seconds, 0.001), 1),
    cpuMsPerJob: round((cpuMs(pid) - cpu0) / Math.max(1, queued)),
  };
  log(
    `webhooks jobs: ${queued} applied in ${jobs.seconds} s (${jobs.perSecond}/s), ${jobs.cpuMsPerJob} ms CPU each`,
  );
  // 3. intake with the workers applying at the same time
  const mixed = await one("mixed run");
  await drain(server, 600);
  // 4. intake alone at a fixed offered rate
  const offered = cfg.rate ?? 500;
  await server.ask({ type: "jobs-pause" }, "jobs-done");
  const atRate = { ...(await one(`intake at ${offered}/s offered`, offered)), offered };
  await server.ask({ type: "jobs-resume" }, "jobs-done");
  await drain(server, 600);
  const after = await counts(server);
  const accepted = runs.reduce((a, r) => a + r.accepted, 0) + mixed.accepted + atRate.accepted;

  // hostile: tampered signatures refused; a replay of an accepted body acknowledged as a duplicate
  const tamperedRes = await Promise.all(
    Array.from({ length: 20 }, () => send(url, delivery(woo.storeId, webhookSecret, { tamper: true }))),
  );
  const original = delivery(woo.storeId, webhookSecret);
  await send(url, original);
  const replays = await Promise.all(
    Array.from({ length: 20 }, () =>
      send(url, delivery(woo.storeId, webhookSecret, { body: original.body })),
    ),
  );
  const m = (k: keyof WebhookRun) => median(runs.map((r) => r[k] as number));
  return {
    connections: cfg.connections,
    runs,
    median: {
      acceptedPerSecond: m("acceptedPerSecond"),
      p50: m("p50"),
      p95: m("p95"),
      p99: m("p99"),
      cpuMsPerDelivery: m("cpuMsPerDelivery"),
    },
    jobs,
    mixed,
    atRate,
    integrity: {
      accepted,
      events: after.events - base.events,
      jobsCompleted: after.completed - base.completed,
      jobsFailed: after.failed - base.failed,
    },
    tampered: { sent: tamperedRes.length, refused: tamperedRes.filter((r) => r.status === 401).length },
    replayed: {
      sent: replays.length,
      duplicate: replays.filter((r) => r.status === 200 && r.body.includes('"duplicate":true')).length,
    },
  };
}

async function send(url: string, d: ReturnType<typeof delivery>) {
  const res = await fetch(url + d.path, { method: "POST", headers: d.headers, body: d.body });
  return { status: res.status, body: await res.text() };
}

async function counts(server: Child) {
  const c = await server.ask({ type: "event-counts" }, "event-counts");
  return c as {
    events: number;
    processed: number;
    queued: number;
    running: number;
    completed: number;
    failed: number;
  };
}

/** Wait until every recorded event was applied and no job is waiting (or `maxSeconds` passed). */
async function drain(server: Child, maxSeconds: number) {
  const until = Date.now() + maxSeconds * 1000;
  for (;;) {
    const c = await counts(server);
    if ((c.queued === 0 && c.running === 0 && c.processed === c.events) || Date.now() > until) return c;
    await new Promise((r) => setTimeout(r, 250));
  }
}
