/**
 * Two processes writing one SQLite file at once — what `WEB_CONCURRENCY=2` does on the default
 * database: every write of both must succeed (no SQLITE_BUSY / "database is locked" reaching a
 * shopper), whichever way the app writes (test/support/sqlite-writer.ts).
 */
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, describe, expect, it } from "vitest";

const ROUNDS = 300;
const writer = path.resolve(__dirname, "../support/sqlite-writer.ts");
let dir = "";
const children: ChildProcess[] = [];

afterEach(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  children.length = 0;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function start(file: string, name: string) {
  const child = fork(writer, [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, WRITER_FILE: file, WRITER_NAME: name, WRITER_ROUNDS: String(ROUNDS) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.push(child);
  const message = (type: string) =>
    new Promise<{ ok: number; errors: string[] }>((resolve, reject) => {
      const on = (m: { type?: string }) => {
        if (m?.type !== type) return;
        child.off("message", on);
        resolve(m as never);
      };
      child.on("message", on);
      child.once("exit", (code) => reject(new Error(`writer ${name} exited (${code}) before "${type}"`)));
    });
  return { child, ready: message("ready"), report: message("report") };
}

describe("SQLite with two worker processes", () => {
  it("GIVEN two processes writing the same file at once (statements, write batches, read-then-write transactions) THEN every write of both succeeds", async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "trulybot-two-writers-"));
    const file = path.join(dir, "w.sqlite");
    const setup = new DatabaseSync(file);
    setup.exec("PRAGMA journal_mode = WAL; CREATE TABLE w (id INTEGER PRIMARY KEY, who TEXT, n INTEGER)");
    setup.close();
    const a = start(file, "a");
    const b = start(file, "b");
    // both connected to the file before either writes (each waits for "go")
    await Promise.all([a.ready, b.ready]);
    a.child.send("go");
    b.child.send("go");
    const [ra, rb] = await Promise.all([a.report, b.report]);
    expect({ a: ra.errors, b: rb.errors }).toEqual({ a: [], b: [] });
    expect([ra.ok, rb.ok]).toEqual([ROUNDS * 3, ROUNDS * 3]);
    const check = new DatabaseSync(file);
    const rows = check.prepare("SELECT who, COUNT(*) AS c FROM w GROUP BY who ORDER BY who").all();
    check.close();
    expect(rows).toEqual([
      { who: "a", c: ROUNDS * 3 },
      { who: "b", c: ROUNDS * 3 },
    ]);
  }, 60_000);
});
