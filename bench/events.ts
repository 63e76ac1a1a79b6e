/**
 * `npm run bench` part for live order events (issue 17), in its own process like bench/attack.ts:
 *   webhooks — WooCommerce webhook intake on SQLite (bench/webhooks.ts)
 *   lookups  — one Shopify store's order lookups from the mirror, real API budget (bench/lookups.ts)
 *   jobs     — job throughput on PostgreSQL with two instances, one killed mid-run (bench/jobs-pg.ts)
 * Writes bench/results/<date>-events.md and .json (a BENCH_EVENTS_ONLY subset replaces only its parts). Knobs (env): BENCH_EVENTS_ONLY=webhooks,…,
 * BENCH_WEBHOOK_RUNS (3), BENCH_WEBHOOK_DELIVERIES (2000 per run), BENCH_WEBHOOK_CONNECTIONS (16),
 * BENCH_WEBHOOK_RATE (500/s offered in the fixed-rate run),
 * BENCH_LOOKUP_RATE (50/s), BENCH_LOOKUP_SECONDS (20), BENCH_LOOKUP_LATENCY_MS (150),
 * BENCH_JOBS (3000), BENCH_JOB_MS (5), BENCH_JOB_EXPIRE_S (10), BENCH_JOBS_POSTGRES_URL
 * (postgresql://postgres@127.0.0.1:5432/trulybot_bench_jobs: a scratch database, dropped and recreated).
 * The machine may be shared: the load average is recorded before and after each part.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadAverage, log, root, serverEnv, startChild } from "./children";
import { jobsOnPostgres, type JobsPgResult } from "./jobs-pg";
import { mirrorLookups, type LookupResult } from "./lookups";
import { webhookIntake, type WebhookResult } from "./webhooks";

const env = process.env;
const SHOPIFY_SECRET =
  (/^SHOPIFY_API_SECRET=(.*)$/m.exec(fs.readFileSync(path.join(root, ".env.example"), "utf8")) ?? [])[1] ??
  "";
const num = (v: string | undefined, d: number) =>
  v !== undefined && v !== "" && Number.isFinite(Number(v)) ? Number(v) : d;
const ONLY = (env.BENCH_EVENTS_ONLY ?? "").split(",").filter(Boolean);
const want = (s: string) => ONLY.length === 0 || ONLY.includes(s);

interface Results {
  date: string;
  machine: { cpus: number; model: string; node: string; loadBefore: string; loadAfter?: string };
  webhooks?: WebhookResult & { loadBefore: string; loadAfter: string };
  lookups?: LookupResult & { loadBefore: string; loadAfter: string };
  jobsPg?: (JobsPgResult & { loadBefore: string; loadAfter: string }) | { skipped: string };
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "trulybot-bench-events-"));
  const results: Results = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model ?? "?",
      node: process.version,
      loadBefore: loadAverage(),
    },
  };
  const emu = await startChild("bench/emulators.ts", {});
  try {
    if (want("webhooks")) {
      log("webhooks: starting the app on SQLite");
      const server = await startChild(
        "bench/server.ts",
        serverEnv(emu, `file:${path.join(tmp, "webhooks.sqlite")}`),
        path.join(tmp, "webhooks-server.log"),
      );
      try {
        const loadBefore = loadAverage();
        const r = await webhookIntake(server, {
          runs: num(env.BENCH_WEBHOOK_RUNS, 3),
          deliveries: num(env.BENCH_WEBHOOK_DELIVERIES, 2000),
          connections: num(env.BENCH_WEBHOOK_CONNECTIONS, 16),
          rate: num(env.BENCH_WEBHOOK_RATE, 500),
        });
        results.webhooks = { ...r, loadBefore, loadAfter: loadAverage() };
      } finally {
        await server.stop();
      }
    }
    if (want("lookups")) {
      const plan = "standard";
      const lemu = await startChild("bench/emulators.ts", { BENCH_SHOPIFY_PLAN: plan });
      log("lookups: starting the app on SQLite");
      const server = await startChild(
        "bench/server.ts",
        serverEnv(lemu, `file:${path.join(tmp, "lookups.sqlite")}`),
        path.join(tmp, "lookups-server.log"),
      );
      try {
        const loadBefore = loadAverage();
        const r = await mirrorLookups(server, lemu, {
          rate: num(env.BENCH_LOOKUP_RATE, 50),
          seconds: num(env.BENCH_LOOKUP_SECONDS, 20),
          latencyMs: num(env.BENCH_LOOKUP_LATENCY_MS, 150),
          plan,
          secret: SHOPIFY_SECRET,
        });
        results.lookups = { ...r, loadBefore, loadAfter: loadAverage() };
      } finally {
        await server.stop();
        await lemu.stop();
      }
    }
    if (want("jobs")) {
      const loadBefore = loadAverage();
      try {
        const r = await jobsOnPostgres({
          url: env.BENCH_JOBS_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/trulybot_bench_jobs",
          jobs: num(env.BENCH_JOBS, 3000),
          workMs: num(env.BENCH_JOB_MS, 5),
          expireSeconds: num(env.BENCH_JOB_EXPIRE_S, 10),
        });
        results.jobsPg = { ...r, loadBefore, loadAfter: loadAverage() };
      } catch (e) {
        if (!/ECONNREFUSED|connect/i.test(String((e as Error).message))) throw e;
        results.jobsPg = { skipped: `PostgreSQL not reachable: ${(e as Error).message}` };
      }
    }
  } finally {
    await emu.stop();
    results.machine.loadAfter = loadAverage();
  }
  const dir = path.join(root, "bench", "results");
  const base = path.join(dir, `${results.date.slice(0, 10)}-events`);
  if (ONLY.length > 0 && fs.existsSync(`${base}.json`)) {
    // a subset rerun replaces its own parts in the day's results and keeps the others
    const previous = JSON.parse(fs.readFileSync(`${base}.json`, "utf8")) as Results;
    for (const k of ["webhooks", "lookups", "jobsPg"] as const)
      if (results[k] === undefined && previous[k] !== undefined) Object.assign(results, { [k]: previous[k] });
  }
  fs.writeFileSync(`${base}.json`, JSON.stringify(results, null, 2) + "\n");
  fs.writeFileSync(`${base}.md`, markdown(results));
  log(`wrote ${path.relative(root, base)}.md`);
  console.log(markdown(results));
  fs.rmSync(tmp, { recursive: true, force: true });
}

function markdown(r: Results): string {
  const out = [
    `# Live order events bench, ${r.date.slice(0, 16).replace("T", " ")} UTC`,
    "",
    `${r.machine.model}, ${r.machine.cpus} cores, Node ${r.machine.node}. Load average before ${r.machine.loadBefore}, after ${r.machine.loadAfter}` +
      " — **a shared machine**: rates move with the other jobs on it; the CPU per delivery is the steadier figure.",
    "",
  ];
  const w = r.webhooks;
  if (w) {
    const row = (
      label: string,
      x: { acceptedPerSecond: number; p50: number; p95: number; p99: number; cpuMsPerDelivery: number },
    ) => `| ${label} | ${x.acceptedPerSecond} | ${x.p50} | ${x.p95} | ${x.p99} | ${x.cpuMsPerDelivery} |`;
    out.push(
      "## Webhook intake (WooCommerce order.updated, SQLite, built app)",
      "",
      `${w.connections} connections, ${w.runs.length} runs of ${w.runs[0]?.requests ?? "?"} deliveries each, every delivery a different order, signed like WC_Webhook. Goal: ≥ 500 accepted/s, p95 ≤ 20 ms.`,
      "",
      "| | accepted/s | p50 ms | p95 ms | p99 ms | app CPU ms per delivery |",
      "| --- | ---: | ---: | ---: | ---: | ---: |",
      row("**intake, median of runs**", w.median),
      ...w.runs.map((x, i) => row(`intake run ${i + 1}`, x)),
      row("intake while the jobs run (same process)", w.mixed),
      ...(w.atRate
        ? [
            row(`intake alone at ${w.atRate.offered}/s offered (achieved rate)`, w.atRate),
            "",
            "The runs are closed-loop (each connection sends its next delivery when the last is answered), so their p95 includes queueing at the connections; the fixed-rate run is the p95 at a given rate. Every run's deliveries are signed before it starts.",
          ]
        : []),
      "",
      `Jobs: the ${w.jobs.applied} events queued by the intake runs were applied in ${w.jobs.seconds} s (${w.jobs.perSecond}/s), ${w.jobs.cpuMsPerJob} ms of app CPU per job. Load average ${w.loadBefore} → ${w.loadAfter}.`,
      "",
      `Integrity: ${w.integrity.accepted} accepted, ${w.integrity.events} events recorded, ${w.integrity.jobsCompleted} jobs completed, ${w.integrity.jobsFailed} failed.`,
      `Hostile: ${w.tampered.refused}/${w.tampered.sent} tampered signatures refused (401); ${w.replayed.duplicate}/${w.replayed.sent} replays of an accepted body answered as duplicates.`,
      "",
    );
  }
  const l = r.lookups;
  if (l) {
    out.push(
      "## One Shopify store: order lookups from the mirror (SQLite, built app)",
      "",
      `Shopify emulator with the ${l.plan} plan's cost bucket and ${l.latencyMs} ms per Admin API call; mirror synced first (${l.mirrored} orders). ${l.run.sent} full order-status turns at ${l.rate}/s (${l.seconds} s), each from a different shopper. Goal: ≥ 50/s, ≥ 99 % answered, ≤ 0.1 store API calls per lookup, a status change reaching the bot ≤ 5 s after its webhook.`,
      "",
      "| sent | answered | answered % | achieved/s | p50 ms | p95 ms | store API calls | per lookup | app CPU ms per lookup |",
      "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      `| ${l.run.sent} | ${l.run.answered} | ${l.run.answeredShare} | ${l.run.throughput} | ${l.run.p50} | ${l.run.p95} | ${l.run.apiCalls} | ${l.run.apiCallsPerLookup} | ${l.run.cpuMsPerLookup} |`,
      "",
      `Warm-up (3 s, same rate, not counted): ${l.warmup.answered}/${l.warmup.sent} answered, ${l.warmup.apiCalls} store API calls.`,
      `Status change: #1002 delivered in the emulator, fulfillments/update webhook answered ${l.statusChange.webhookStatus}; the bot's answer said delivered ${l.statusChange.reachedBotMs === null ? "**not within 30 s**" : `**${l.statusChange.reachedBotMs} ms**`} after the webhook (${l.statusChange.probes} probes, one every 100 ms). Load average ${l.loadBefore} → ${l.loadAfter}.`,
      "",
    );
  }
  const j = r.jobsPg;
  if (j && "skipped" in j) out.push("## Jobs on PostgreSQL, two instances", "", `Skipped: ${j.skipped}`, "");
  else if (j)
    out.push(
      "## Jobs on PostgreSQL, two instances, one killed mid-run (pg-boss)",
      "",
      `${j.jobs} jobs (${j.workMs} ms of work each, recorded at start and finish by the handler) in the app's pg-boss queue; two instance processes working them; one killed with SIGKILL after ${j.killedAfter} had finished. Expiry of a dead instance's jobs: ${j.expireSeconds} s.`,
      "",
      "| jobs/s, both up | lost | finished twice | retried after the kill | all done after | finished per instance |",
      "| ---: | ---: | ---: | ---: | ---: | --- |",
      `| ${j.bothUp.perSecond} | **${j.lost}** | **${j.finishedTwice}** | ${j.retried} | ${j.total.seconds} s | ${Object.entries(
        j.byInstance,
      )
        .map(([k, v]) => `${k}: ${v}`)
        .join(", ")} |`,
      "",
      `"Retried" are jobs the killed instance had started but not finished; pg-boss hands them to the survivor once they expire, so the last job finishes about the expiry after the kill. Load average ${j.loadBefore} → ${j.loadAfter}.`,
      "",
    );
  return out.join("\n");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
