import { loadEnv, ConfigError } from "../env.server";
import { migrationStatus } from "../../scripts/lib/migrate.mjs";
import { getDb } from "../db.server";
import { checkStoreReachable } from "../stores/health.server";
import { jobStats } from "../jobs/queue.server";

export interface Check {
  name: string;
  ok: boolean;
  detail?: unknown;
}

/** Configuration, database connectivity, migrations, then each connected store's reachability. */
export async function runDoctor(): Promise<{ ok: boolean; checks: Check[] }> {
  const checks: Check[] = [];
  let env;
  try {
    env = loadEnv();
    checks.push({
      name: "configuration",
      ok: true,
      detail: {
        database: /^postgres/i.test(env.DATABASE_URL) ? "postgresql" : "sqlite",
        encryptionKeyVersions: env.ENCRYPTION_KEYS.map((k) => k.version),
        appUrl: env.SHOPIFY_APP_URL,
        scopes: env.SCOPES,
        smtp: env.SMTP_URL ? "configured" : "not configured (handoff emails disabled)",
        inboundEmail:
          env.INBOUND_EMAIL_DOMAIN && env.INBOUND_EMAIL_SECRET
            ? `replies to reply+…@${env.INBOUND_EMAIL_DOMAIN} go to POST /api/v1/inbound/email`
            : env.INBOUND_EMAIL_DOMAIN || env.INBOUND_EMAIL_SECRET
              ? "half configured: set both INBOUND_EMAIL_DOMAIN and INBOUND_EMAIL_SECRET"
              : "not configured (e-mail replies are not threaded into the chat)",
        demo: env.TRULYBOT_DEMO,
      },
    });
  } catch (e) {
    checks.push({
      name: "configuration",
      ok: false,
      detail: e instanceof ConfigError ? e.problems : String(e),
    });
    return { ok: false, checks };
  }
  try {
    const db = await getDb();
    await db.$queryRawUnsafe("SELECT 1");
    checks.push({ name: "database", ok: true });
  } catch (e) {
    checks.push({ name: "database", ok: false, detail: (e as Error).message });
    return { ok: false, checks };
  }
  try {
    const status = await migrationStatus(env.DATABASE_URL);
    checks.push({
      name: "migrations",
      ok: status.pending.length === 0 && status.modified.length === 0,
      detail: status.pending.length
        ? { pending: status.pending, fix: "npm run db:migrate" }
        : status.modified.length
          ? { modified: status.modified }
          : { applied: status.applied.length },
    });
  } catch (e) {
    checks.push({ name: "migrations", ok: false, detail: (e as Error).message });
  }
  checks.push(await jobsCheck());
  try {
    const db = await getDb();
    const stores = await db.store.findMany({
      where: { status: "active" },
      orderBy: { createdAt: "asc" },
      take: 50,
    });
    for (const store of stores) {
      const r = await checkStoreReachable(store);
      checks.push({ name: `store ${store.platform} ${store.domain}`, ok: r.ok, detail: r.detail });
    }
  } catch (e) {
    checks.push({ name: "stores", ok: false, detail: (e as Error).message });
  }
  return { ok: checks.every((c) => c.ok), checks };
}

/** Background jobs: counts per queue; failed jobs make the check fail and are listed with their error. */
async function jobsCheck(): Promise<Check> {
  try {
    const stats = await jobStats();
    const failed = stats.queues.reduce((n, q) => n + q.failed, 0);
    return {
      name: "jobs",
      ok: failed === 0,
      detail: {
        backend: stats.backend,
        queues: stats.queues,
        ...(failed ? { recentFailures: stats.recentFailures } : {}),
      },
    };
  } catch (e) {
    return { name: "jobs", ok: false, detail: (e as Error).message };
  }
}
