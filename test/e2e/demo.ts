/**
 * Starts `npm run demo`'s server (scripts/demo.ts) in a child process on a free port with its own
 * data directory, for browser tests. The app must be built (npm test builds it when missing).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.once("error", reject);
  });
}

export interface RunningDemo {
  url: string;
  dataDir: string;
  woo: { storeId: string; secret: string; proxyBase: string };
  dashboardLink(): Promise<string>;
  /** everything the server printed so far (stdout and stderr) */
  output(): string;
  stop(): Promise<void>;
}

export async function startDemo(): Promise<RunningDemo> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "trulybot-demo-"));
  const child: ChildProcess = spawn(
    path.join(root, "node_modules", ".bin", "tsx"),
    ["scripts/demo.ts", "--port", String(port), "--no-build", "--data-dir", dataDir],
    {
      cwd: root,
      env: { ...process.env, PATH: `${path.join(root, "node_modules", ".bin")}:${process.env.PATH}` },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 90_000;
  while (!/TrulyBot demo is running/.test(output)) {
    if (child.exitCode !== null) throw new Error(`demo exited early:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`demo did not start in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const woo = JSON.parse(fs.readFileSync(path.join(dataDir, "woocommerce-store.json"), "utf8"));
  return {
    url,
    dataDir,
    woo,
    output: () => output,
    async dashboardLink() {
      const res = await fetch(`${url}/demo/dashboard`, { redirect: "manual" });
      return new URL(res.headers.get("location")!, url).toString();
    },
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 300));
      if (child.exitCode === null) child.kill("SIGKILL");
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
