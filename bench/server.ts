/**
 * Bench child process: the built app (server.mjs) on SQLite or PostgreSQL, seeded like `npm run demo`
 * (Shopify demo shop with its offline session, the WooCommerce demo store with a known signing
 * secret), talking to the emulators of bench/emulators.ts. Its own process, so its RSS is the app's.
 *
 * Why not scripts/demo.ts startDemo()? It forces DATABASE_URL to a SQLite file and starts the
 * emulators in the same process; the bench needs PostgreSQL too and the emulators elsewhere.
 * The steps are the same: env → migrations (scripts/lib/migrate.mjs) → seed → startServer().
 *
 * Input (env): BENCH_DATABASE_URL, BENCH_SHOPIFY_ORIGIN, BENCH_WOO_URL, BENCH_SMTP_URL (optional: SMTP_URL).
 * IPC: {type:"memory"} → process.memoryUsage() in MiB; {type:"event-counts"} → OrderEvent and Job counts;
 *      {type:"mirror-sync"} syncs the Shopify shop's order mirror (→ {type:"mirror-synced"});
 *      {type:"jobs-pause"|"jobs-resume"} stops/starts the app's job workers (→ {type:"jobs-done"}); {type:"reset"} clears the rate-limit and nonce tables (between load runs);
 *      {type:"stop"}. Sends {type:"ready", url, port, woo:{storeId, secret}, shop}.
 */
import { benchAppEnv, freePort } from "./app-env";

async function main() {
  const dbUrl = process.env.BENCH_DATABASE_URL!;
  // A fixed port known before boot: the demo storefront's signer relays to 127.0.0.1:$PORT.
  const port = await freePort();
  Object.assign(process.env, benchAppEnv({ port, dbUrl, shopifyOrigin: process.env.BENCH_SHOPIFY_ORIGIN! }));
  // the attack run gives the app a real local SMTP server for its one-time codes (bench/mailbox.ts)
  if (process.env.BENCH_SMTP_URL) process.env.SMTP_URL = process.env.BENCH_SMTP_URL;
  else delete process.env.SMTP_URL;

  const { answerDbMessage, seedBenchDatabase } = await import("./seed");
  const { db, shop, shopStore, wooStore, secret } = await seedBenchDatabase(dbUrl);

  // cold start: loading server.mjs and the built app, configuration check, listening, first 200
  const coldStart = performance.now();
  const { startServer } = await import("../server.mjs");
  const server = await startServer({ port, host: "127.0.0.1" });
  const first = await fetch(`http://127.0.0.1:${server.port}/healthz`);
  await first.arrayBuffer();
  const coldStartMs = Math.round(performance.now() - coldStart);

  process.on("message", async (m: { type: string }) => {
    if (await answerDbMessage(db, m)) return;
    if (m.type === "jobs-pause" || m.type === "jobs-resume") {
      // the built app's process-wide queue (app/jobs/queue.server.ts keeps it on globalThis)
      const queue = await globalThis.__trulybotJobs;
      if (m.type === "jobs-pause") await queue?.stop();
      else await queue?.start();
      process.send!({ type: "jobs-done" });
    } else if (m.type === "mirror-sync") {
      // the Shopify shop's initial mirror sync (a job the app's runner works), awaited
      const { startMirrorSync } = await import("../app/platforms/mirror/sync.server");
      await startMirrorSync(shopStore.id);
      for (;;) {
        const state = await db.orderMirrorSync.findUnique({ where: { storeId: shopStore.id } });
        if (state?.status === "done") {
          process.send!({ type: "mirror-synced", synced: state.synced });
          break;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    } else if (m.type === "event-counts") {
      const [events, processed, jobs] = await Promise.all([
        db.orderEvent.count(),
        db.orderEvent.count({ where: { processedAt: { not: null } } }),
        db.job.groupBy({ by: ["status"], _count: { _all: true } }),
      ]);
      const n = (s: string) => jobs.find((j) => j.status === s)?._count._all ?? 0;
      process.send!({
        type: "event-counts",
        events,
        processed,
        queued: n("queued"),
        running: n("running"),
        completed: n("completed"),
        failed: n("failed"),
      });
    } else if (m.type === "memory") {
      const u = process.memoryUsage();
      const mib = (x: number) => Math.round((x / 2 ** 20) * 10) / 10;
      process.send!({
        type: "memory",
        rss: mib(u.rss),
        heapUsed: mib(u.heapUsed),
        heapTotal: mib(u.heapTotal),
        external: mib(u.external),
        arrayBuffers: mib(u.arrayBuffers),
      });
    } else if (m.type === "stop") {
      await server.close();
      await db.$disconnect();
      process.exit(0);
    }
  });
  process.send!({
    type: "ready",
    url: `http://127.0.0.1:${server.port}`,
    port: server.port,
    coldStartMs,
    firstStatus: first.status,
    shop,
    woo: { storeId: wooStore.id, secret },
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
