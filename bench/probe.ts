/**
 * The work probe: what one process of the built app costs, measured in ways a busy machine does
 * not distort much (CPU time, bytes, counts) — the figures of `npm run bench` that are wall-clock
 * throughput need a quiet machine, these do not.
 *
 *   npx node --import tsx bench/probe.ts     (Node 24 of the project: node:sqlite)
 *
 * 1. The emulators in their own process (bench/emulators.ts, instant platform), a fresh SQLite
 *    file seeded like the bench (bench/seed.ts).
 * 2. `server.mjs` started the way `npm start` does, in a plain `node` process (no tsx): the time
 *    from importing server.mjs to the first 200 of /healthz, and of /proxy/config (what the
 *    storefront needs), measured inside that process; the process's RSS after 3 s idle.
 * 3. Sequential full order-status turns (Shopify, then WooCommerce; each a new shopper, each must
 *    return the verified order card) and config requests: the server's user + system CPU
 *    (/proc/<pid>/stat) per request, and what the process loaded meanwhile (RSS after).
 *
 * Knobs: BENCH_PROBE_TURNS (200 per platform), BENCH_PROBE_PROFILE=1 (the server runs with
 * --cpu-prof; the hottest functions and packages by self time are printed), BENCH_PROBE_OUT (a
 * JSON file for the figures).
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchAppEnv, freePort } from "./app-env";
import { shopifyRequest, wooRequest, type BuiltRequest } from "./load";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TURNS = Number(process.env.BENCH_PROBE_TURNS) || 200;
const PROFILE = process.env.BENCH_PROBE_PROFILE === "1";
const log = (...a: unknown[]) => console.log(`[probe ${new Date().toISOString().slice(11, 19)}]`, ...a);

const rssMiB = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Math.round((Number(m[1]) / 1024) * 10) / 10 : NaN;
};
/** user + system CPU of a process so far, ms (clock ticks of 10 ms) */
const cpuMs = (pid: number) => {
  const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(f[11]) + Number(f[12])) * (1000 / 100);
};

interface EmulatorsReady {
  shopifyUrl: string;
  wooUrl: string;
  shop: string;
  accessToken: string;
  wooKey: unknown;
}

function startEmulators(): Promise<{ proc: ChildProcess; ready: EmulatorsReady }> {
  return new Promise((resolve, reject) => {
    const proc = fork(path.join(root, "bench/emulators.ts"), [], {
      cwd: root,
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    proc.once("exit", (code) => reject(new Error(`emulators exited (${code})`)));
    proc.on("message", (m: { type: string } & EmulatorsReady) => {
      if (m.type === "ready") resolve({ proc, ready: m });
    });
  });
}

/** server.mjs in a plain node process; resolves with what it printed once serving. */
function startApp(env: NodeJS.ProcessEnv, port: number, profileDir: string | null) {
  const code = `
    const t0 = performance.now();
    const { startServer } = await import("./server.mjs");
    const s = await startServer({ port: ${port}, host: "127.0.0.1" });
    const listening = performance.now() - t0;
    const h = await fetch("http://127.0.0.1:${port}/healthz"); await h.arrayBuffer();
    const healthz = performance.now() - t0;
    process.stdout.write(JSON.stringify({ ready: true, listening, healthz, status: h.status }) + "\\n");
    process.on("SIGTERM", () => s.close().then(() => process.exit(0)));
  `;
  const args = [
    ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []),
    "--input-type=module",
    "-e",
    code,
  ];
  const proc = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise<{ proc: ChildProcess; boot: { listening: number; healthz: number; status: number } }>(
    (resolve, reject) => {
      let out = "";
      proc.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        const line = out.split("\n").find((l) => l.startsWith('{"ready"'));
        if (line) resolve({ proc, boot: JSON.parse(line) });
      });
      proc.once("exit", (c) => reject(new Error(`server exited (${c}) before it was ready: ${out}`)));
    },
  );
}

async function send(base: string, b: BuiltRequest) {
  const r = await fetch(base + b.path, { method: b.method, headers: b.headers, body: b.body });
  return { status: r.status, body: await r.text() };
}

/** n sequential requests; server CPU per request (ms) and how many passed `ok`. */
async function measure(
  pid: number,
  base: string,
  n: number,
  build: () => BuiltRequest,
  ok: (s: number, b: string) => boolean,
) {
  for (let i = 0; i < 10; i++) await send(base, build()); // warm-up (caches, JIT)
  const before = cpuMs(pid);
  let passed = 0;
  for (let i = 0; i < n; i++) {
    const r = await send(base, build());
    if (ok(r.status, r.body)) passed++;
  }
  return { n, passed, cpuMsPerRequest: Math.round(((cpuMs(pid) - before) / n) * 100) / 100 };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
/** Self time by function and by package of a .cpuprofile (top entries). */
function summarizeProfile(file: string) {
  const p = JSON.parse(fs.readFileSync(file, "utf8")) as {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  for (const [id, us] of self) {
    const cf = byId.get(id)!.callFrame;
    const url = cf.url.replace(`file://${root}/`, "");
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    const where = m
      ? m[1]!
      : url.startsWith("node:")
        ? "node:internal"
        : url || `(${cf.functionName || "native"})`;
    const name = `${cf.functionName || "(anonymous)"} ${url.split("/").slice(-2).join("/")}:${cf.lineNumber + 1}`;
    fn.set(name, (fn.get(name) ?? 0) + us);
    pkg.set(where, (pkg.get(where) ?? 0) + us);
  }
  const top = (m: Map<string, number>, k: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10 }));
  return { functions: top(fn, 30), packages: top(pkg, 20) };
}

const children: ChildProcess[] = [];

/** The profile's summary, printed (null when the server wrote none). */
function reportProfile(profileDir: string) {
  const f = fs.readdirSync(profileDir).find((x) => x.endsWith(".cpuprofile"));
  if (!f) return null;
  const profile = summarizeProfile(path.join(profileDir, f));
  log("self time by package:");
  for (const x of profile.packages) console.log(`  ${String(x.ms).padStart(8)} ms  ${x.name}`);
  log("self time by function:");
  for (const x of profile.functions) console.log(`  ${String(x.ms).padStart(8)} ms  ${x.name}`);
  log(`profile: ${path.join(profileDir, f)}`);
  return profile;
}

/** The app's environment for the probe (the bench's, bench/server.ts): production, demo data. */
function appEnv(ready: EmulatorsReady, port: number, dbUrl: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...benchAppEnv({ port, dbUrl, shopifyOrigin: ready.shopifyUrl }),
    BENCH_SHOP: ready.shop,
    BENCH_SHOP_TOKEN: ready.accessToken,
    BENCH_WOO_KEY: JSON.stringify(ready.wooKey),
    BENCH_WOO_URL: ready.wooUrl,
  };
  delete env.SMTP_URL;
  delete env.NODE_OPTIONS;
  return env;
}

/** Config after boot, then the sequential turns and config requests (bench/probe.ts step 3). */
async function measureAll(
  pid: number,
  base: string,
  secret: string,
  seeded: { shop: string; wooStore: { id: string }; secret: string },
) {
  const woo = { storeId: seeded.wooStore.id, secret: seeded.secret };
  const card = (s: number, b: string) => s === 200 && b.includes('"type":"order"');
  const t0 = performance.now();
  const first = await send(base, shopifyRequest("config", { shop: seeded.shop, secret }));
  log(`first /proxy/config after boot: ${first.status}, ${(performance.now() - t0).toFixed(0)} ms`);
  const text = {
    shopify: "where is my order #1002? marcus.reed@example.net",
    woo: "where is my order #2002? tobias.wagner@example.net",
  };
  return {
    shopifyTurn: await measure(
      pid,
      base,
      TURNS,
      () => shopifyRequest("messages", { shop: seeded.shop, secret, text: text.shopify }),
      card,
    ),
    wooTurn: await measure(pid, base, TURNS, () => wooRequest("messages", { ...woo, text: text.woo }), card),
    shopifyConfig: await measure(
      pid,
      base,
      TURNS * 5,
      () => shopifyRequest("config", { shop: seeded.shop, secret }),
      (s) => s === 200,
    ),
  };
}

async function main() {
  const emu = await startEmulators();
  children.push(emu.proc);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trulybot-probe-"));
  const dbUrl = `file:${path.join(dir, "probe.sqlite")}`;
  const port = await freePort();
  const env = appEnv(emu.ready, port, dbUrl);
  Object.assign(process.env, env);
  const { seedBenchDatabase } = await import("./seed");
  const seeded = await seedBenchDatabase(dbUrl);
  await seeded.db.$disconnect();

  const profileDir = PROFILE ? fs.mkdtempSync(path.join(os.tmpdir(), "trulybot-prof-")) : null;
  const { proc, boot } = await startApp(env, port, profileDir);
  children.push(proc);
  const pid = proc.pid!;
  const base = `http://127.0.0.1:${port}`;
  const bootCpu = cpuMs(pid);
  await new Promise((r) => setTimeout(r, 3000));
  const idleRss = rssMiB(pid);
  log(
    `boot: import server.mjs → listening ${boot.listening.toFixed(0)} ms, → first 200 /healthz ${boot.healthz.toFixed(0)} ms; boot CPU ${bootCpu} ms; RSS after 3 s idle ${idleRss} MiB`,
  );

  const results = await measureAll(pid, base, env.SHOPIFY_API_SECRET!, seeded);
  for (const [k, v] of Object.entries(results))
    log(`${k}: ${v.passed}/${v.n} ok, server CPU ${v.cpuMsPerRequest} ms per request`);
  const afterRss = rssMiB(pid);
  log(`RSS after the requests: ${afterRss} MiB`);
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
  log(`load average: ${load} (${os.cpus().length} cores)`);

  await new Promise<void>((r) => {
    proc.once("exit", () => r());
    proc.kill("SIGTERM");
  });
  emu.proc.kill("SIGTERM");
  const profile = profileDir ? reportProfile(profileDir) : null;
  const out = {
    at: new Date().toISOString(),
    load,
    turns: TURNS,
    boot,
    bootCpu,
    idleRss,
    afterRss,
    results,
    profile,
  };
  if (process.env.BENCH_PROBE_OUT)
    fs.writeFileSync(process.env.BENCH_PROBE_OUT, JSON.stringify(out, null, 2));
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  process.exit(1);
});
