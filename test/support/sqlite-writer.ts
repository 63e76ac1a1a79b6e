/**
 * One of two processes writing the same SQLite file at once (test/server/sqlite-two-processes.test.ts):
 * what two WEB_CONCURRENCY workers do. It opens the file through the app's driver adapter
 * (app/utils/sqlite-adapter.server.ts, as Prisma connects it), says "ready" and waits for "go" over IPC, then runs
 * WRITER_ROUNDS rounds of the three ways the app writes: a single statement (the rate limiter's
 * upsert), a write batch (a turn's rows, insertRowsAtomically) and a Prisma transaction that reads
 * before it writes (an interactive $transaction). It reports {ok, errors: [messages]}.
 */
import { NodeSqlitePrismaAdapter } from "../../app/utils/sqlite-adapter.server";

const file = process.env.WRITER_FILE!;
const name = process.env.WRITER_NAME!;
const rounds = Number(process.env.WRITER_ROUNDS);
const tick = () => new Promise((r) => setImmediate(r));

async function main() {
  const factory = new NodeSqlitePrismaAdapter({ url: `file:${file}` });
  const adapter = await factory.connect();
  const client = factory.nodeClient!;
  const q = (sql: string, args: (string | number)[] = []) => ({
    sql,
    args,
    argTypes: args.map((a) => ({
      scalarType: typeof a === "number" ? ("int" as const) : ("string" as const),
      arity: "scalar" as const,
    })),
  });
  const go = new Promise<void>((r) => process.once("message", () => r()));
  process.send!({ type: "ready" });
  await go;
  let ok = 0;
  const errors: string[] = [];
  const attempt = async (kind: string, fn: () => Promise<unknown> | unknown) => {
    try {
      await fn();
      ok++;
    } catch (e) {
      errors.push(
        kind + ": " + String((e as { cause?: { originalMessage?: string } }).cause?.originalMessage ?? e),
      );
    }
  };
  for (let i = 0; i < rounds; i++) {
    await attempt("statement", () =>
      adapter.executeRaw(q("INSERT INTO w (who, n) VALUES (?, ?)", [name, i])),
    );
    await attempt("batch", () =>
      client.writeBatchSync([{ sql: "INSERT INTO w (who, n) VALUES (?, ?)", args: [name, i] }]),
    );
    await attempt("transaction", async () => {
      const tx = await adapter.startTransaction();
      try {
        await tx.queryRaw(q("SELECT COUNT(*) AS c FROM w WHERE who = ?", [name]));
        await tick(); // the other process writes meanwhile
        await tx.executeRaw(q("INSERT INTO w (who, n) VALUES (?, ?)", [name, i]));
        await tx.commit();
      } catch (e) {
        await tx.rollback();
        throw e;
      }
    });
  }
  process.send!({ type: "report", ok, errors: [...new Set(errors)], errorCount: errors.length });
  await adapter.dispose();
  process.disconnect();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
