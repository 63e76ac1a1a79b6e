/**
 * Operations CLI (CONTRACTS.md §4): `npm run trulybot -- <command>`, JSON on stdout.
 *   doctor                        configuration, database, migrations, each store's reachability
 *   lookup --platform …           run the real adapter against a real store, print the normalized order
 *   dashboard-link [--store ID]   mint a single-use SSO link to /dashboard
 *   rotate-keys                   re-encrypt every stored secret under the newest ENCRYPTION_KEYS entry
 *   connect-woo                   connect a WooCommerce store by hand (the plugin's manual fallback)
 *   purge                         delete conversations past each store's retention period (default 90 days)
 *   backup FILE                   consistent online copy of the SQLite database (VACUUM INTO)
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ConfigError } from "../env.server";
import { runDoctor } from "./doctor.server";
import { runLookup } from "./lookup.server";
import { rotateKeys } from "./rotate-keys.server";
import { mintDashboardLink } from "./dashboard-link.server";
import { connectWooManually } from "../platforms/woocommerce/manual-connect.server";
import { purgeExpiredConversations } from "../security/retention.server";
import { backupDatabase } from "./backup.server";

function parseDotenv(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m && !line.trimStart().startsWith("#")) out[m[1]] = m[2].replace(/^(['"])(.*)\1$/, "$2");
  }
  return out;
}

/**
 * Configuration for the CLI: the process environment, else .env, else — when `npm run demo` has
 * run here — the local demo's configuration (its database and emulators), so support commands
 * work against the demo out of the box.
 */
function loadCliEnvironment() {
  if (process.env.ENCRYPTION_KEYS) return;
  const root = process.cwd();
  const dotenv = path.join(root, ".env");
  if (fs.existsSync(dotenv)) {
    for (const [k, v] of Object.entries(parseDotenv(dotenv))) process.env[k] ??= v;
    return;
  }
  const demoDb = path.join(root, ".demo", "demo.sqlite");
  if (fs.existsSync(demoDb)) {
    const emulators = path.join(root, ".demo", "emulators.json");
    if (fs.existsSync(emulators)) {
      const e = JSON.parse(fs.readFileSync(emulators, "utf8")) as {
        shopifyAdminOrigin?: string;
        appUrl?: string;
      };
      if (e.shopifyAdminOrigin) process.env.SHOPIFY_ADMIN_API_ORIGIN ||= e.shopifyAdminOrigin;
      if (e.appUrl) process.env.SHOPIFY_APP_URL ||= e.appUrl;
    }
    for (const [k, v] of Object.entries(parseDotenv(path.join(root, ".env.example"))))
      if (!process.env[k]) process.env[k] = v;
    process.env.DATABASE_URL = `file:${demoDb}`;
    process.env.TRULYBOT_DEMO = "1";
    process.stderr.write("(no .env: using the local demo's configuration in .demo/)\n");
  }
}

function print(obj: unknown) {
  process.stdout.write(JSON.stringify(obj, null, 2) + "\n");
}

const USAGE = `usage: npm run trulybot -- <doctor | lookup | dashboard-link | connect-woo | rotate-keys | purge | backup FILE> [options]
  lookup --platform woocommerce --store-url URL --consumer-key CK --consumer-secret CS --order N [--email E | --phone P]
  lookup --platform shopify --shop SHOP.myshopify.com --order N [--email E | --phone P]
  dashboard-link [--store STORE_ID]
  connect-woo --store-url URL --consumer-key CK --consumer-secret CS   (manual WooCommerce connection)
  purge                    (conversations past the retention period)
  backup FILE              (SQLite: a consistent copy taken while the app runs)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      platform: { type: "string" },
      "store-url": { type: "string" },
      "consumer-key": { type: "string" },
      "consumer-secret": { type: "string" },
      shop: { type: "string" },
      order: { type: "string" },
      email: { type: "string" },
      phone: { type: "string" },
      store: { type: "string" },
      json: { type: "boolean" },
    },
    strict: true,
    allowPositionals: command === "backup",
  });
  switch (command) {
    case "doctor": {
      const report = await runDoctor();
      print(report);
      return report.ok ? 0 : 1;
    }
    case "lookup": {
      const result = await runLookup({
        platform: values.platform,
        storeUrl: values["store-url"],
        consumerKey: values["consumer-key"],
        consumerSecret: values["consumer-secret"],
        shop: values.shop,
        order: values.order,
        email: values.email,
        phone: values.phone,
      });
      print(result);
      return result.ok ? 0 : 1;
    }
    case "dashboard-link": {
      const result = await mintDashboardLink({ storeId: values.store });
      print(result);
      return result.ok ? 0 : 1;
    }
    case "connect-woo": {
      const result = await connectWooManually({
        storeUrl: values["store-url"],
        consumerKey: values["consumer-key"],
        consumerSecret: values["consumer-secret"],
      });
      print(result);
      return result.ok ? 0 : 1;
    }
    case "purge": {
      print({ ok: true, ...(await purgeExpiredConversations()) });
      return 0;
    }
    case "backup": {
      const result = await backupDatabase(positionals[0]);
      print(result);
      return result.ok ? 0 : 1;
    }
    case "rotate-keys": {
      const result = await rotateKeys();
      print(result);
      return result.ok ? 0 : 1;
    }
    default:
      process.stderr.write(USAGE + "\n");
      return 2;
  }
}

const args = process.argv.slice(2);
if (args[0] === "help" || args.includes("--help") || args.includes("-h")) {
  process.stdout.write(
    `${USAGE}\n\nEvery command prints JSON. Configuration: the environment, else .env, else the local demo's.\n`,
  );
  process.exit(0);
}
loadCliEnvironment();
main(args)
  .then((code) => process.exit(code))
  .catch((error) => {
    if (error instanceof ConfigError) {
      print({ ok: false, error: "configuration", problems: error.problems });
      process.exit(1);
    }
    if ((error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
      process.exit(2);
    }
    print({ ok: false, error: (error as Error).message });
    process.exit(1);
  });
