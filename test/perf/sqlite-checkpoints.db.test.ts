/**
 * SQLite's WAL checkpoints leave the thread that serves requests while writes keep coming
 * (app/utils/sqlite-checkpointer.server.ts, ADR 0035). node:sqlite is synchronous, so an automatic
 * checkpoint on the app's connection stalled every request in flight for the 5–27 ms its copy and
 * fsync took (one intake write in ~65). Under steady writes the app's connection makes no automatic
 * checkpoints and its WAL is still checkpointed into the database file — by a worker thread, with
 * nothing more written here; when the writes stop, the worker (~20 MiB) stops and the connection's
 * automatic checkpoints come back. A process that only reads starts nothing.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertRowsAtomically, type Db } from "../../app/db.server";
import { CHECKPOINT_POLICY } from "../../app/utils/sqlite-checkpointer.server";
import { createTestDb } from "../helpers/db";

let db: Db;
let url: string;
let cleanup: () => Promise<void>;
const policy = { ...CHECKPOINT_POLICY };
beforeAll(async () => {
  Object.assign(CHECKPOINT_POLICY, { tickMs: 100, quietSeconds: 5, busyWritesPerSecond: 50 }); // quiet: 0.5 s
  ({ db, url, cleanup } = await createTestDb({ flavor: "sqlite" }));
});
afterAll(async () => {
  await cleanup?.();
  Object.assign(CHECKPOINT_POLICY, policy);
});

const size = (p: string) => (fs.existsSync(p) ? fs.statSync(p).size : 0);
const autocheckpoint = async () => {
  const [row] =
    await db.$queryRawUnsafe<{ wal_autocheckpoint: number | bigint }[]>("PRAGMA wal_autocheckpoint");
  return Number(row!.wal_autocheckpoint);
};

async function until(check: () => Promise<boolean> | boolean, seconds: number): Promise<boolean> {
  for (let waited = 0; waited < seconds * 1000; waited += 50) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describe("SQLite WAL checkpoints", () => {
  it("leaves a process that only reads as it is (the idle server's empty job claims)", async () => {
    await db.job.count();
    await db.job.updateMany({ where: { queue: "none" }, data: { status: "completed" } }); // changes no row
    await new Promise((r) => setTimeout(r, 300));
    expect(await autocheckpoint()).toBe(1000);
  });

  it("under steady writes moves the pages into the database file from another thread; automatic checkpoints back when quiet", async () => {
    const file = url.replace(/^file:/, "");
    const payload = "x".repeat(8 * 1024);
    const now = new Date();
    for (let i = 0; i < 300; i++)
      await insertRowsAtomically(db, [
        {
          table: "Job",
          columns: ["id", "queue", "data", "status", "attempts", "maxAttempts", "runAt", "createdAt"],
          rows: [[`ckpt-${i}`, "ckpt", JSON.stringify({ payload }), "completed", 1, 1, now, now]],
        },
      ]);
    // ~2.4 MB in the WAL (under SQLite's own 1,000-page threshold): none on the app's connection…
    expect(await until(async () => (await autocheckpoint()) === 0, 5)).toBe(true);
    // …yet they reach the database file, with nothing more written here
    expect(await until(() => size(file) > 2 * 1024 * 1024, 10)).toBe(true);
    expect(await db.job.count({ where: { queue: "ckpt" } })).toBe(300);
    // no more writes: the worker stops, the connection checkpoints by itself again
    expect(await until(async () => (await autocheckpoint()) === 1000, 5)).toBe(true);
  });
});
