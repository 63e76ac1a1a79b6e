/**
 * SQLite's WAL checkpoints run off the thread that serves requests (app/utils/sqlite-checkpointer.server.ts,
 * ADR 0035). node:sqlite is synchronous, so an automatic checkpoint on the app's connection stalled
 * every request in flight for the 5–27 ms its copy and fsync took (one intake write in ~65). After a
 * write the app's connection makes no automatic checkpoints, and its WAL is still checkpointed into
 * the database file — by the worker thread, with nothing more written.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertRowsAtomically, type Db } from "../../app/db.server";
import { createTestDb } from "../helpers/db";

let db: Db;
let url: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, url, cleanup } = await createTestDb({ flavor: "sqlite" }));
});
afterAll(async () => cleanup?.());

const file = () => url.replace(/^file:/, "");
const size = (p: string) => (fs.existsSync(p) ? fs.statSync(p).size : 0);

async function until(check: () => boolean, seconds: number): Promise<boolean> {
  for (let waited = 0; waited < seconds * 1000; waited += 50) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

const autocheckpoint = async () => {
  const [row] =
    await db.$queryRawUnsafe<{ wal_autocheckpoint: number | bigint }[]>("PRAGMA wal_autocheckpoint");
  return Number(row!.wal_autocheckpoint);
};

describe("SQLite WAL checkpoints", () => {
  it("leaves a process that only reads as it is: no checkpoint thread (the idle server's empty job claims)", async () => {
    await db.job.count();
    await db.job.updateMany({ where: { queue: "none" }, data: { status: "completed" } }); // changes no row
    expect(await autocheckpoint()).toBe(1000);
  });

  it("moves the written pages into the database file from another thread, none on the app's connection", async () => {
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
    const [row] =
      await db.$queryRawUnsafe<{ wal_autocheckpoint: number | bigint }[]>("PRAGMA wal_autocheckpoint");
    expect(Number(row!.wal_autocheckpoint)).toBe(0);

    // ~2.4 MB went to the WAL; the worker copies it into the database file without another write here
    expect(await until(() => size(file()) > 2 * 1024 * 1024, 10)).toBe(true);
    expect(await db.job.count({ where: { queue: "ckpt" } })).toBe(300);
  });
});
