/**
 * Child processes for the bench parts in bench/events.ts (the same shapes as bench/run.ts uses):
 * the emulators (bench/emulators.ts) and the built app (bench/server.ts), each in its own
 * process, spoken to over IPC; CPU time read from /proc so a shared machine's other load is not
 * counted as the app's.
 */
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface Child {
  proc: ChildProcess;
  ready: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  ask(msg: object, replyType: string): Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  stop(): Promise<void>;
  kill(): Promise<void>;
}

export function startChild(file: string, extraEnv: Record<string, string>, logFile?: string): Promise<Child> {
  return new Promise((resolve, reject) => {
    const fd = logFile ? fs.openSync(logFile, "a") : null;
    const proc = fork(path.join(root, file), [], {
      cwd: root,
      execArgv: ["--import", "tsx"],
      env: {
        ...process.env,
        ...extraEnv,
        ...(file === "bench/server.ts" && process.env.BENCH_SERVER_NODE_OPTIONS
          ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS }
          : {}),
      },
      stdio: fd === null ? ["ignore", "inherit", "inherit", "ipc"] : ["ignore", fd, fd, "ipc"],
    });
    const onExit = (code: number | null) => reject(new Error(`${file} exited (${code}) before it was ready`));
    proc.once("exit", onExit);
    const exited = () =>
      new Promise<void>((res) =>
        proc.exitCode !== null || proc.signalCode ? res() : proc.once("exit", () => res()),
      );
    proc.on("message", function first(m: { type: string }) {
      if (m.type !== "ready") return;
      proc.off("message", first);
      proc.off("exit", onExit);
      resolve({
        proc,
        ready: m,
        ask: (msg, replyType) =>
          new Promise((res) => {
            const h = (r: { type: string }) => {
              if (r.type !== replyType) return;
              proc.off("message", h);
              res(r as never);
            };
            proc.on("message", h);
            proc.send(msg);
          }),
        stop: async () => {
          if (proc.exitCode !== null || proc.signalCode) return;
          const t = setTimeout(() => proc.kill("SIGKILL"), 5000);
          proc.send({ type: "stop" });
          await exited();
          clearTimeout(t);
        },
        kill: async () => {
          if (proc.exitCode !== null || proc.signalCode) return;
          proc.kill("SIGKILL");
          await exited();
        },
      });
    });
  });
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc, 100 ticks per second). */
export function cpuMs(pid: number): number {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return NaN;
  }
}

export function serverEnv(emu: Child, dbUrl: string): Record<string, string> {
  return {
    BENCH_DATABASE_URL: dbUrl,
    BENCH_SHOPIFY_ORIGIN: emu.ready.shopifyUrl,
    BENCH_WOO_URL: emu.ready.wooUrl,
    BENCH_SHOP: emu.ready.shop,
    BENCH_SHOP_TOKEN: emu.ready.accessToken,
    BENCH_WOO_KEY: JSON.stringify(emu.ready.wooKey),
  };
}

export const log = (...a: unknown[]) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

export const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

export function loadAverage(): string {
  try {
    return fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  } catch {
    return "?";
  }
}
