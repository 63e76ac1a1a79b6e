/**
 * `npm run bench` part `cluster` (issue 15, "both cores"): the built app as production runs it,
 * `node server.mjs` with WEB_CONCURRENCY workers (bench/cluster-server.ts), on SQLite and
 * PostgreSQL, under the load part's shapes with an instant store: config (Shopify, c=32) and
 * order-status turns on both platforms (c=10, c=32 and c=128: a turn waits for the 250 ms lookup
 * latency floor, app/security/latency-floor.ts, so only many connections load the CPU;
 * BENCH_CLUSTER_TURN_CONNECTIONS), BENCH_RUNS × BENCH_RUN_SECONDS each,
 * medians. Server CPU per request and RSS are summed over the primary and its workers; each
 * worker's share of the CPU shows whether both really serve. Turns run a fixed number of requests,
 * so stored conversations must equal answered turns exactly. A settings change written by a third
 * process must reach every worker's cached config (docs/decisions/0025-storefront-caches.md).
 */
import http from "node:http";
import os from "node:os";
import type { Child as FullChild } from "./children";
import { medianOf, runLoad, shopifyRequest, wooRequest, type BuiltRequest, type LoadResult } from "./load";

/** what this part needs of a bench child (bench/run.ts and bench/children.ts both make them) */
type Child = Pick<FullChild, "ready" | "ask">;

export interface ClusterScenario {
  name: string;
  platform: "shopify" | "woocommerce";
  kind: "config" | "turn";
  connections: number;
  median: LoadResult;
  runs: LoadResult[];
  upstreamPerRequest: number;
  /** user + system CPU of the primary and all workers, per response */
  cpuMsPerRequest: number;
  /** each worker's share of the workers' CPU in these runs, % */
  workerCpuShare: number[];
  primaryCpuMsPerRequest: number;
  stored?: { conversations: number; answered: number };
}

export interface ClusterResult {
  flavor: "sqlite" | "postgresql";
  workers: number;
  coldStartMs: number;
  loadAverage: { before: string; after: string };
  rss: { boot: number; afterLoad: number; perProcessAfterLoad: number[] };
  scenarios: ClusterScenario[];
  cacheCheck: { ms: number | null; rounds: number; requestsPerRound: number };
  /** what the primary and the workers wrote to stderr (set by bench/run.ts from the log file) */
  stderr?: { lines: number; sqliteBusy: number };
}

type Tree = {
  cpuMs: number;
  rssMiB: number;
  primary: { cpuMs: number; rssMiB: number };
  workers: { pid: number; cpuMs: number; rssMiB: number }[];
};

const SHOPIFY_TURN = "where is my order #1002? marcus.reed@example.net";
const WOO_TURN = "where is my order #2002? tobias.wagner@example.net";
const hasOrderCard = (status: number, body: string) => status === 200 && body.includes('"type":"order"');
const r2 = (x: number) => Math.round(x * 100) / 100;
const loadavg = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");

/** One request on a fresh connection (no keep-alive: node:cluster hands each connection to the next worker). */
function once(url: string, b: BuiltRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url + b.path, { method: b.method, headers: b.headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.once("error", reject);
    req.end(b.body);
  });
}

export async function clusterSuite(opts: {
  flavor: "sqlite" | "postgresql";
  workers: number;
  emu: Child;
  server: Child; // bench/cluster-server.ts, started by the caller (its stderr is the caller's log)
  secret: string; // the Shopify app secret (app proxy signatures)
  seconds: number;
  runs: number;
  /** connections of the turn scenarios (both platforms each) */
  turnConnections: number[];
  log: (...a: unknown[]) => void;
}): Promise<ClusterResult> {
  const { flavor, emu, server, secret, log } = opts;
  const url: string = server.ready.url;
  const shop: string = server.ready.shop;
  const woo: { storeId: string; secret: string } = server.ready.woo;
  const tree = async () => (await server.ask({ type: "tree" }, "tree")) as unknown as Tree;
  const builders = {
    shopify: {
      config: () => shopifyRequest("config", { shop, secret }),
      turn: () => shopifyRequest("messages", { shop, secret, text: SHOPIFY_TURN }),
    },
    woocommerce: {
      config: () => wooRequest("config", woo),
      turn: () => wooRequest("messages", { ...woo, text: WOO_TURN }),
    },
  } as const;
  const loadBefore = loadavg();
  const rssBoot = (await tree()).rssMiB;
  await emu.ask({ type: "latency", ms: 0 }, "latency-set");
  for (const p of ["shopify", "woocommerce"] as const)
    for (const k of ["config", "turn"] as const) {
      await runLoad({ url, build: builders[p][k], connections: 8, durationSeconds: 2 });
      await server.ask({ type: "reset" }, "reset-done");
    }

  const scenarios: ClusterScenario[] = [];
  const run = async (platform: "shopify" | "woocommerce", kind: "config" | "turn", connections: number) => {
    const build = builders[platform][kind] as () => BuiltRequest;
    let amount: number | undefined;
    if (kind === "turn") {
      // a fixed number of turns (≈ the run's seconds at the probe's rate): every one answered before counting
      await server.ask({ type: "reset" }, "reset-done");
      const probe = await runLoad({ url, build, connections, durationSeconds: 1 });
      amount = Math.max(30, connections * 5, Math.round(probe.throughput * opts.seconds));
      await settle(server); // the probe's turns in flight when it stopped are stored before counting
    }
    const stats0 = (await emu.ask({ type: "stats" }, "stats")) as { shopify: number; woo: number };
    const counts0 = await server.ask({ type: "counts" }, "counts");
    const t0 = await tree();
    const runs: LoadResult[] = [];
    for (let i = 0; i < opts.runs; i++) {
      await server.ask({ type: "reset" }, "reset-done");
      const check = kind === "turn" ? hasOrderCard : (s: number) => s === 200;
      runs.push(await runLoad({ url, build, connections, durationSeconds: opts.seconds, amount, check }));
    }
    const t1 = await tree();
    const counts1 = await server.ask({ type: "counts" }, "counts");
    const stats1 = (await emu.ask({ type: "stats" }, "stats")) as { shopify: number; woo: number };
    const total = Math.max(
      1,
      runs.reduce((a, r) => a + r.requests, 0),
    );
    const perWorker = t1.workers.map((w) => w.cpuMs - (t0.workers.find((x) => x.pid === w.pid)?.cpuMs ?? 0));
    const workersCpu = Math.max(
      1,
      perWorker.reduce((a, b) => a + b, 0),
    );
    const upstream = platform === "shopify" ? stats1.shopify - stats0.shopify : stats1.woo - stats0.woo;
    const sc: ClusterScenario = {
      name: `${platform} ${kind === "turn" ? "order-status turn" : "config"} @0 ms, ${connections} conn`,
      platform,
      kind,
      connections,
      median: medianOf(runs),
      runs,
      upstreamPerRequest: r2(upstream / total),
      cpuMsPerRequest: r2((t1.cpuMs - t0.cpuMs) / total),
      workerCpuShare: perWorker.map((c) => Math.round((c / workersCpu) * 100)),
      primaryCpuMsPerRequest: r2((t1.primary.cpuMs - t0.primary.cpuMs) / total),
    };
    if (kind === "turn")
      sc.stored = {
        conversations: counts1.conversations - counts0.conversations,
        answered: runs.reduce((a, r) => a + (r.statusCodes["200"] ?? 0), 0),
      };
    scenarios.push(sc);
    const m = sc.median;
    log(
      `cluster ${flavor} ×${opts.workers}: ${sc.name}: ${m.throughput} req/s, p50 ${m.p50} / p95 ${m.p95} ms, ` +
        `errors ${m.errors}, non-2xx ${m.non2xx}, ok ${m.checked}/${m.requests}, CPU/req ${sc.cpuMsPerRequest} ms ` +
        `(primary ${sc.primaryCpuMsPerRequest}), worker CPU shares ${sc.workerCpuShare.join("/")} %` +
        (sc.stored ? `, stored ${sc.stored.conversations} vs answered ${sc.stored.answered}` : ""),
    );
  };
  await run("shopify", "config", 32);
  for (const c of opts.turnConnections)
    for (const p of ["shopify", "woocommerce"] as const) await run(p, "turn", c);
  const after = await tree();
  const cacheCheck = await settingsReachEveryWorker(url, server, builders.woocommerce.config, opts.workers);
  log(`cluster ${flavor} ×${opts.workers}: a bot-name change reached every answer after ${cacheCheck.ms} ms`);
  return {
    flavor,
    workers: opts.workers,
    coldStartMs: server.ready.coldStartMs,
    loadAverage: { before: loadBefore, after: loadavg() },
    rss: {
      boot: rssBoot,
      afterLoad: after.rssMiB,
      perProcessAfterLoad: (opts.workers > 1 ? [after.primary, ...after.workers] : after.workers).map(
        (p) => p.rssMiB,
      ),
    },
    scenarios,
    cacheCheck,
  };
}

/** Waits until the stored conversations stop moving (1 s unchanged, at most 10 s). */
async function settle(server: Child) {
  let last = (await server.ask({ type: "counts" }, "counts")).conversations;
  for (let i = 0, still = 0; i < 40 && still < 4; i++) {
    await new Promise((r) => setTimeout(r, 250));
    const now = (await server.ask({ type: "counts" }, "counts")).conversations;
    still = now === last ? still + 1 : 0;
    last = now;
  }
}

/**
 * The WooCommerce bot's name changed by another process (the cluster child's own client, like the
 * dashboard on another instance): how long until every config answer, each on a new connection
 * (so spread over the workers), carries it. The version check is every 500 ms (ADR 0025).
 */
async function settingsReachEveryWorker(
  url: string,
  server: Child,
  build: () => BuiltRequest,
  workers: number,
) {
  const requestsPerRound = Math.max(8, workers * 4);
  const name = `Bench ${Date.now()}`;
  for (let i = 0; i < requestsPerRound; i++) await once(url, build()); // every worker has it cached
  const t0 = performance.now();
  await server.ask({ type: "bot-name", name }, "bot-name-set");
  for (let round = 1; round <= 100; round++) {
    const answers = await Promise.all(Array.from({ length: requestsPerRound }, () => once(url, build())));
    if (answers.every((a) => a.status === 200 && a.body.includes(name)))
      return { ms: Math.round(performance.now() - t0), rounds: round, requestsPerRound };
    await new Promise((r) => setTimeout(r, 50));
  }
  return { ms: null, rounds: 100, requestsPerRound };
}

const fmt = (x: number | null | undefined, d = 1) =>
  x === null || x === undefined || !Number.isFinite(x) ? "–" : x.toFixed(d);

/** A single-process scenario of the load part (bench/run.ts) to print beside a cluster one. */
export interface SingleScenario {
  platform: string;
  kind: string;
  latencyMs: number;
  connections: number;
  median: LoadResult;
  cpuMsPerRequest?: number;
}

/** The results .md section: each cluster scenario beside the same scenario of the single-process runs. */
export function clusterMarkdown(
  results: ClusterResult[],
  singleOf: (c: ClusterResult) => { source: string; scenarios: SingleScenario[] } | undefined,
): string[] {
  const L: string[] = [];
  for (const c of results) {
    const single = singleOf(c);
    L.push(`## Cluster: \`node server.mjs\`, WEB_CONCURRENCY=${c.workers}, ${c.flavor}`, "");
    L.push(
      `Cold start (spawn → first 200 of /healthz): ${c.coldStartMs} ms. RSS summed over the primary and its workers: ${c.rss.boot} MiB at boot, ${c.rss.afterLoad} MiB after the load (${c.rss.perProcessAfterLoad.join(" + ")}). Load average ${c.loadAverage.before} before, ${c.loadAverage.after} after (the machine is shared).`,
      "",
    );
    L.push(
      `| scenario (instant store) | req/s | p50 ms | p95 ms | errors | non-2xx | ok | CPU/req ms (all processes) | worker CPU shares % | ${single ? `${single.source}: req/s | ${single.source}: CPU/req ms` : "single process"} |`,
      `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ${single ? "---: | ---: |" : "--- |"}`,
    );
    for (const sc of c.scenarios) {
      const m = sc.median;
      const s = single?.scenarios.find(
        (x) =>
          x.platform === sc.platform &&
          x.kind === sc.kind &&
          x.latencyMs === 0 &&
          x.connections === sc.connections,
      );
      const tail = single
        ? `${fmt(s?.median.throughput)} | ${fmt(s?.cpuMsPerRequest, 2)}`
        : "not in this run";
      L.push(
        `| ${sc.name} | ${fmt(m.throughput)} | ${fmt(m.p50)} | ${fmt(m.p95)} | ${m.errors} | ${m.non2xx} | ${m.checked}/${m.requests} | ${fmt(sc.cpuMsPerRequest, 2)} | ${sc.workerCpuShare.join(" / ")} | ${tail} |`,
      );
    }
    const stored = c.scenarios.filter((x) => x.stored);
    const bad = stored.filter((x) => x.stored!.conversations !== x.stored!.answered);
    const answered = stored.reduce((a, x) => a + x.stored!.answered, 0);
    L.push(
      "",
      bad.length === 0
        ? `Stored vs answered: ${answered} answered turns, each stored as exactly one conversation.`
        : `Stored conversations do NOT match answered turns in: ${bad.map((x) => `${x.name} (${x.stored!.conversations} stored vs ${x.stored!.answered} answered)`).join(", ")}.`,
      c.cacheCheck.ms === null
        ? `A bot-name change made by another process did NOT reach every config answer within ${c.cacheCheck.rounds} rounds.`
        : `A bot-name change made by another process reached every config answer (${c.cacheCheck.requestsPerRound} per round, each on a new connection) after ${c.cacheCheck.ms} ms (round ${c.cacheCheck.rounds}; version check every 500 ms, ADR 0025).`,
      c.stderr
        ? `Server stderr: ${c.stderr.lines} line(s), ${c.stderr.sqliteBusy} of them SQLITE_BUSY / "database is locked".`
        : "",
      "",
    );
  }
  return L;
}
