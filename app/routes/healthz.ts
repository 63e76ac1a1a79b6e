import { getDb } from "../db.server";
import { loadEnv } from "../env.server";

/** Liveness + readiness: the app is up and the database answers. */
export async function loader() {
  const started = Date.now();
  let database = "ok";
  try {
    const db = await getDb();
    await db.$queryRawUnsafe("SELECT 1");
  } catch {
    database = "unavailable";
  }
  const env = loadEnv();
  const body = {
    ok: database === "ok",
    database,
    flavor: /^postgres/i.test(env.DATABASE_URL) ? "postgresql" : "sqlite",
    demo: env.TRULYBOT_DEMO,
    version: process.env.npm_package_version ?? "0.1.0",
    latencyMs: Date.now() - started,
  };
  return Response.json(body, { status: body.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
