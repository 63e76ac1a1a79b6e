/**
 * Bench child process for the `cluster` part (bench/cluster.ts): the built app started the way
 * production starts it — `node server.mjs` with WEB_CONCURRENCY workers (node:cluster: a primary
 * and its worker processes) — on the bench's data set. The environment and the seeding are the
 * bench's own (bench/app-env.ts, bench/seed.ts: the same as bench/server.ts and bench/probe.ts).
 * This process keeps its own database client for the integrity counts, the rate-limit resets and a
 * settings change; it serves no request.
 *
 * Input (env): BENCH_DATABASE_URL, BENCH_SHOPIFY_ORIGIN, BENCH_WOO_URL, BENCH_SHOP, BENCH_SHOP_TOKEN,
 * BENCH_WOO_KEY (bench/children.ts serverEnv), BENCH_WORKERS (WEB_CONCURRENCY, default 2).
 * IPC: {type:"reset"} → reset-done; {type:"counts"} → counts {conversations, messages};
 *      {type:"tree"} → tree {primary, workers:[{pid, cpuMs, rssMiB}], cpuMs, rssMiB} (summed);
 *      {type:"bot-name", name} sets the WooCommerce store's bot name (→ bot-name-set);
 *      {type:"stop"}. Sends {type:"ready", url, port, coldStartMs, workers, shop, woo:{storeId, secret}}.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import { benchAppEnv, freePort } from "./app-env";
import { cpuMs, root } from "./children";

/** Resident set size of a process, in MiB (Linux /proc). */
export function rssMiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** The direct children of a process (every thread's children file: node:cluster forks from the main thread). */
export function childPids(pid: number): number[] {
  const out = new Set<number>();
  try {
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      const text = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim();
      for (const x of text.split(/\s+/).filter(Boolean)) out.add(Number(x));
    }
  } catch {
    // the process is gone
  }
  return [...out];
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The primary and its workers: CPU so far (ms) and RSS (MiB), each and summed. Without a cluster
 * (WEB_CONCURRENCY=1) the one process is both: listed as the only worker, counted once.
 */
export function processTree(primary: number, clustered: boolean) {
  const one = (pid: number) => ({ pid, cpuMs: cpuMs(pid), rssMiB: r1(rssMiB(pid)) });
  if (!clustered) {
    const p = one(primary);
    return { primary: { ...p, cpuMs: 0, rssMiB: 0 }, workers: [p], cpuMs: p.cpuMs, rssMiB: p.rssMiB };
  }
  const workers = childPids(primary).map(one);
  const primaryCpu = cpuMs(primary);
  const primaryRss = rssMiB(primary);
  return {
    primary: { pid: primary, cpuMs: primaryCpu, rssMiB: r1(primaryRss) },
    workers,
    cpuMs: primaryCpu + workers.reduce((a, w) => a + w.cpuMs, 0),
    rssMiB: r1(primaryRss + workers.reduce((a, w) => a + w.rssMiB, 0)),
  };
}

async function waitFor(what: string, ok: () => Promise<boolean> | boolean, ms = 30_000) {
  const until = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > until) throw new Error(`cluster server: ${what} not seen within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function main() {
  const dbUrl = process.env.BENCH_DATABASE_URL!;
  const workers = Math.max(1, Number(process.env.BENCH_WORKERS) || 2);
  const port = await freePort();
  Object.assign(process.env, benchAppEnv({ port, dbUrl, shopifyOrigin: process.env.BENCH_SHOPIFY_ORIGIN! }));
  delete process.env.SMTP_URL;
  const { answerDbMessage, seedBenchDatabase } = await import("./seed");
  const { db, shop, wooStore, secret } = await seedBenchDatabase(dbUrl);

  const env: NodeJS.ProcessEnv = { ...process.env, WEB_CONCURRENCY: String(workers) };
  delete env.NODE_OPTIONS; // plain node, as `npm start` runs it (no tsx)
  const coldStart = performance.now();
  const app = spawn(process.execPath, ["server.mjs"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let exited = false;
  app.once("exit", () => (exited = true));
  // never leave the cluster behind when this process ends (the bench kills it after a timeout)
  process.once("exit", () => void (exited || app.kill("SIGKILL")));
  process.once("disconnect", () => void (exited || app.kill("SIGTERM")));
  let out = "";
  app.stdout!.on("data", (d: Buffer) => void (out += d.toString().slice(0, 10_000)));
  const url = `http://127.0.0.1:${port}`;
  await waitFor("the first 200 of /healthz", async () => {
    if (exited) throw new Error(`server.mjs exited before it served: ${out}`);
    return fetch(`${url}/healthz`)
      .then(async (r) => (await r.arrayBuffer(), r.status === 200))
      .catch(() => false);
  });
  const coldStartMs = Math.round(performance.now() - coldStart);
  // every worker listening (the primary announces the first one only)
  if (workers > 1) await waitFor(`${workers} worker processes`, () => childPids(app.pid!).length >= workers);
  await new Promise((r) => setTimeout(r, 1000));

  process.on("message", async (m: { type: string; name?: string }) => {
    if (await answerDbMessage(db, m)) return;
    if (m.type === "tree") {
      process.send!({ type: "tree", ...processTree(app.pid!, workers > 1) });
    } else if (m.type === "bot-name") {
      await db.botSettings.update({ where: { storeId: wooStore.id }, data: { name: m.name! } });
      process.send!({ type: "bot-name-set" });
    } else if (m.type === "stop") {
      if (!exited) {
        const gone = new Promise((r) => app.once("exit", r));
        app.kill("SIGTERM");
        await gone;
      }
      await db.$disconnect();
      process.exit(0);
    }
  });
  process.send!({
    type: "ready",
    url,
    port,
    coldStartMs,
    workers: workers > 1 ? childPids(app.pid!).length : 1,
    shop,
    woo: { storeId: wooStore.id, secret },
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
