/**
 * `npm run demo` — the whole product locally, no Shopify or WordPress account needed
 * (CONTRACTS.md §3): the built app on a SQLite file, emulators of the Shopify Admin GraphQL API
 * and the WooCommerce REST API seeded from fixtures/demo/, demo storefronts and the dashboard.
 *
 * Options: see HELP below (`npm run demo -- --help`).
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

export const HELP = `Usage: npm run demo -- [options]

Starts TrulyBot locally with no Shopify or WordPress account: the app on a SQLite file, emulators of
the Shopify Admin API and the WooCommerce REST API, two demo storefronts, the dashboard and a local
mailbox for every e-mail the demo sends.

Options:
  --port N         port of the app (default: PORT or 3000)
  --fresh          start from an empty demo database
  --no-build       never rebuild the app, even when sources changed
  --data-dir DIR   where the database, mail and links go (default: .demo)
  --https          serve https://localhost:PORT with a self-signed certificate (made with openssl,
                   kept in DIR/tls/), e.g. to try WooCommerce's one-click connect (it needs https)
  --help, -h       show this help and exit
`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function readEnvExample(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of fs.readFileSync(path.join(root, ".env.example"), "utf8").split("\n")) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]] = m[2];
  }
  return out;
}

function newestMtime(dir: string): number {
  let newest = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!/\.test\.tsx?$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return newest;
}

function ensureBuilt() {
  const serverBuild = path.join(root, "build", "server", "index.js");
  const launcher = path.join(root, "extensions", "trulybot-chat", "assets", "trulybot-launcher.js");
  const builtAt = fs.existsSync(serverBuild) ? fs.statSync(serverBuild).mtimeMs : 0;
  const widgetAt = fs.existsSync(launcher) ? fs.statSync(launcher).mtimeMs : 0;
  const stale =
    builtAt === 0 ||
    newestMtime(path.join(root, "app")) > builtAt ||
    widgetAt === 0 ||
    newestMtime(path.join(root, "widget", "src")) > widgetAt;
  if (!stale || flag("no-build")) return;
  console.log("Building the app (first run, or sources changed)…");
  const r = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) throw new Error("build failed");
}

export interface DemoHandle {
  url: string;
  port: number;
  woo: { storeId: string; secret: string; proxyBase: string };
  shopifyEmulatorUrl: string;
  wooEmulatorUrl: string;
  dashboardLink: () => Promise<string>;
  stop: () => Promise<void>;
}

export async function startDemo(
  opts: { port?: number; dataDir?: string; fresh?: boolean; quiet?: boolean; https?: boolean } = {},
): Promise<DemoHandle> {
  const publicPort = opts.port ?? Number(process.env.PORT || 3000);
  // --https: the app listens on an internal port, an HTTPS front on the public one (scripts/lib/demo-https.ts)
  const port = opts.https ? await freePort() : publicPort;
  const appUrl = opts.https ? `https://localhost:${publicPort}` : `http://localhost:${port}`;
  const dataDir = path.resolve(root, opts.dataDir ?? ".demo");
  fs.mkdirSync(dataDir, { recursive: true });
  const dbFile = path.join(dataDir, "demo.sqlite");
  if (opts.fresh)
    for (const f of fs.readdirSync(dataDir))
      if (f.startsWith("demo.sqlite")) fs.rmSync(path.join(dataDir, f));

  // A real local SMTP server: every mail the app sends lands in <data-dir>/mail as .eml files.
  // Replies to reply+…@inbound.trulybot.local come back to the app as a provider's inbound route posts
  // them (ADR 0031), so a reply written in /demo/mailbox lands in the chat.
  const { startMailCatcher } = await import("../app/demo/mail-catcher.server");
  const { inboundForwarder } = await import("../app/demo/inbound-forwarder.server");
  const mailDir = path.join(dataDir, "mail");
  const inbound = { domain: "inbound.trulybot.local", secret: crypto.randomBytes(24).toString("hex") };
  // the forwarder posts straight to the app's own port (not through the optional HTTPS front)
  let inboundTarget = `http://localhost:${port}`;
  const mail = await startMailCatcher({
    dir: mailDir,
    onMessage: inboundForwarder({ ...inbound, mailDir, target: () => inboundTarget }),
  });

  const example = readEnvExample();
  Object.assign(process.env, {
    SMTP_URL: mail.url,
    SMTP_FROM: "TrulyBot demo <no-reply@trulybot.local>",
    TRULYBOT_DEMO_MAIL_DIR: mailDir,
    INBOUND_EMAIL_DOMAIN: inbound.domain,
    INBOUND_EMAIL_SECRET: inbound.secret,
    NODE_ENV: "production",
    PORT: String(port),
    SHOPIFY_APP_URL: appUrl,
    DATABASE_URL: `file:${dbFile}`,
    ENCRYPTION_KEYS: example.ENCRYPTION_KEYS,
    SHOPIFY_API_KEY: example.SHOPIFY_API_KEY,
    SHOPIFY_API_SECRET: example.SHOPIFY_API_SECRET,
    SCOPES: "read_orders,read_themes",
    TRULYBOT_DEMO: "1",
    WOO_ALLOW_HTTP_STORES: "1",
  });

  // Emulators of the platforms, seeded from fixtures/demo (the app reaches them through configuration).
  const { startShopifyAdminEmulator, DEMO_SHOP } = await import("../test/emulators/shopify-admin/emulator");
  const { startWooEmulator, DEMO_WOO_KEY: DEMO_READ_KEY } =
    await import("../test/emulators/woocommerce/emulator");
  // self-service actions change orders: the demo installations granted write access (docs/actions.md)
  const { DEMO_WRITE_TOKEN } = await import("../test/emulators/shopify-admin/mutations");
  const { WOO_RW_KEY } = await import("../test/emulators/woocommerce/writes");
  const DEMO_WOO_KEY = { ...WOO_RW_KEY, keyId: 2 };
  const DEMO_SCOPES = "read_orders,read_themes,write_orders,write_returns";
  const shopifyEmu = await startShopifyAdminEmulator({ port: 0, host: "127.0.0.1", now: new Date() });
  const wooEmu = await startWooEmulator({ port: 0, host: "127.0.0.1", keys: [DEMO_READ_KEY, DEMO_WOO_KEY] });
  process.env.SHOPIFY_ADMIN_API_ORIGIN = shopifyEmu.url;
  // POST /demo/api/late-order changes a demo order in this emulator (app/demo/late-order.server.ts)
  globalThis.__trulybotDemoEmulators = { shopify: shopifyEmu as never };

  const { applyMigrations } = await import("./lib/migrate.mjs");
  await applyMigrations(process.env.DATABASE_URL!, { log: (m: string) => !opts.quiet && console.log(m) });

  const { getDb } = await import("../app/db.server");
  const { upsertShopifyStore } = await import("../app/stores/stores.server");
  const { sealSecret } = await import("../app/stores/secrets.server");
  const { DEMO_WOO_DOMAIN } = await import("../app/demo/signers.server");
  const { mintSsoToken } = await import("../app/dashboard/session.server");
  const db = await getDb();

  // --- Shopify demo shop: offline session (token for the emulator) + store records
  const shopData = shopifyEmu.store.shop as Record<string, unknown>;
  await db.session.upsert({
    where: { id: `offline_${DEMO_SHOP}` },
    create: {
      id: `offline_${DEMO_SHOP}`,
      shop: DEMO_SHOP,
      state: "",
      isOnline: false,
      scope: DEMO_SCOPES,
      accessToken: DEMO_WRITE_TOKEN,
    },
    update: { accessToken: DEMO_WRITE_TOKEN, scope: DEMO_SCOPES, expires: null },
  });
  const shopStore = await upsertShopifyStore({
    shop: DEMO_SHOP,
    scopes: DEMO_SCOPES,
    name: String(shopData.name ?? "Demo Outfitters"),
    currency: String(shopData.currencyCode ?? "USD"),
    timezone: String(shopData.ianaTimezone ?? "America/New_York"),
    supportEmail: (shopData.contactEmail as string) ?? "support@example.com",
  });

  // --- WooCommerce demo store: keys for the emulator (encrypted), a shared signing secret
  const wooStoreData = wooEmu.data.store;
  let wooStore = await db.store.findUnique({
    where: { platform_domain: { platform: "woocommerce", domain: DEMO_WOO_DOMAIN } },
  });
  const credentials = sealSecret(
    JSON.stringify({
      consumerKey: DEMO_WOO_KEY.consumerKey,
      consumerSecret: DEMO_WOO_KEY.consumerSecret,
      keyId: DEMO_WOO_KEY.keyId ?? 1,
      permissions: "read_write",
    }),
    "store.credentials",
  );
  if (!wooStore) {
    const secret = crypto.randomBytes(32).toString("hex");
    wooStore = await db.store.create({
      data: {
        workspaceId: shopStore.workspaceId, // one merchant owning both demo stores
        platform: "woocommerce",
        domain: DEMO_WOO_DOMAIN,
        url: wooEmu.url,
        name: String(wooStoreData.name ?? "Demo Woo Garden"),
        status: "active",
        currency: String(wooStoreData.currency ?? "EUR"),
        timezone: String(wooStoreData.timezone ?? "Europe/Berlin"),
        supportEmail: "hallo@example.com",
        credentials,
        signingSecret: sealSecret(secret, "store.signingSecret"),
        installedAt: new Date(),
        connectedAt: new Date(),
        policies: JSON.stringify({
          shipping:
            "We ship from Berlin with DHL and DPD. Germany: 2-3 business days, free from €50 (otherwise €4.90). EU: 4-7 business days. Switzerland: DHL Express, 2-4 business days; Swiss import VAT and fees are collected on delivery. Bulky goods (raised beds, compost bins) carry a €9.90 surcharge.",
          returns:
            "You can return unused items within 30 days of delivery for a full refund. Seeds and bulbs can only be returned unopened. Email hallo@example.com with your order number and we'll send a DHL return label. Refunds go back to your original payment method within 5 business days of receiving the return.",
        }),
      },
    });
    await db.botSettings.create({
      data: {
        storeId: wooStore.id,
        name: "Gartenhelfer",
        accentColor: "#2e7d32",
        languages: JSON.stringify(["en", "de", "nl", "fr"]),
        greeting: "Hi! Ask me where your order is, or anything about shipping and returns.",
      },
    });
  } else {
    wooStore = await db.store.update({
      where: { id: wooStore.id },
      data: { url: wooEmu.url, credentials, status: "active" },
    });
  }
  const { openSecret } = await import("../app/stores/secrets.server");
  const wooSecret = openSecret(wooStore.signingSecret!, "store.signingSecret");
  const { seedDemoActions } = await import("../app/actions/demo.server");
  await seedDemoActions(db, { shopify: shopStore.id, woocommerce: wooStore.id });

  // --- FAQ entries so the bot has something to answer with out of the box
  if ((await db.faqEntry.count({ where: { storeId: shopStore.id } })) === 0) {
    await db.faqEntry.createMany({
      data: [
        {
          storeId: shopStore.id,
          question: "Do you offer gift wrapping?",
          answer: "Yes — add gift wrapping ($5) at checkout and we'll include a handwritten note.",
          translations: JSON.stringify({
            es: {
              question: "¿Ofrecen envoltorio de regalo?",
              answer:
                "Sí: añade el envoltorio de regalo (5 $) al pagar e incluiremos una nota escrita a mano.",
            },
          }),
          position: 0,
        },
        {
          storeId: shopStore.id,
          question: "Can I pick up my order in store?",
          answer:
            "Yes, choose Pickup at Demo Outfitters Burlington (85 Church St) at checkout. We hold pickups for 7 days.",
          position: 1,
        },
      ],
    });
  }
  if ((await db.faqEntry.count({ where: { storeId: wooStore.id } })) === 0) {
    await db.faqEntry.create({
      data: {
        storeId: wooStore.id,
        question: "Are your seeds organic?",
        answer:
          "Most of our seeds are certified organic (EU organic logo on the packet); each product page says so.",
        translations: JSON.stringify({
          de: {
            question: "Ist euer Saatgut bio?",
            answer:
              "Der Großteil unseres Saatguts ist bio-zertifiziert (EU-Bio-Logo auf der Tüte); auf jeder Produktseite steht es dabei.",
          },
        }),
      },
    });
  }

  // The order mirror's initial sync starts by itself, as on a real install/connect (a job the
  // server's runner picks up); a demo database that already synced keeps its rows.
  const { startInitialMirrorSync } = await import("../app/platforms/mirror/sync.server");
  await startInitialMirrorSync(shopStore.id);
  await startInitialMirrorSync(wooStore.id);

  const { startServer } = await import("../server.mjs");
  const server = await startServer({ port, host: "127.0.0.1" });
  inboundTarget = `http://localhost:${server.port}`;
  let front: { close: () => Promise<void> } | null = null;
  if (opts.https) {
    const { demoCertificate, startHttpsFront } = await import("./lib/demo-https");
    const tls = demoCertificate(dataDir);
    front = await startHttpsFront({ port: publicPort, host: "127.0.0.1", target: server.port, tls });
  }
  const url = opts.https ? appUrl : `http://localhost:${server.port}`;

  const woo = { storeId: wooStore.id, secret: wooSecret, proxyBase: `${url}/api/v1/woo/storefront` };
  fs.writeFileSync(path.join(dataDir, "woocommerce-store.json"), JSON.stringify(woo, null, 2) + "\n");
  const dashboardLink = async () => (await mintSsoToken(wooStore!.id, "Demo merchant")).url;
  fs.writeFileSync(path.join(dataDir, "dashboard-url.txt"), (await dashboardLink()) + "\n");
  fs.writeFileSync(
    path.join(dataDir, "emulators.json"),
    JSON.stringify(
      {
        appUrl: url,
        shopifyAdminOrigin: shopifyEmu.url,
        wooStoreUrl: wooEmu.url,
        wooConsumerKey: DEMO_WOO_KEY.consumerKey,
        wooConsumerSecret: DEMO_WOO_KEY.consumerSecret,
      },
      null,
      2,
    ) + "\n",
  );

  return {
    url,
    port: server.port,
    woo,
    shopifyEmulatorUrl: shopifyEmu.url,
    wooEmulatorUrl: wooEmu.url,
    dashboardLink,
    stop: async () => {
      await front?.close();
      await server.close();
      await shopifyEmu.close();
      await wooEmu.close();
      await mail.close();
      await db.$disconnect();
    },
  };
}

async function main() {
  if (flag("help") || process.argv.includes("-h")) {
    process.stdout.write(HELP);
    return;
  }
  const known = new Set(["--port", "--fresh", "--no-build", "--data-dir", "--https"]);
  const unknown = process.argv
    .slice(2)
    .filter(
      (a, i, all) => a.startsWith("-") && !known.has(a) && !/^--(port|data-dir)$/.test(all[i - 1] ?? ""),
    );
  if (unknown.length) {
    process.stderr.write(`Unknown option ${unknown[0]}\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  ensureBuilt();
  const port = arg("port") ? Number(arg("port")) : undefined;
  const demo = await startDemo({
    port,
    dataDir: arg("data-dir"),
    fresh: flag("fresh"),
    https: flag("https"),
  });
  const dash = fs
    .readFileSync(path.join(path.resolve(root, arg("data-dir") ?? ".demo"), "dashboard-url.txt"), "utf8")
    .trim();
  console.log(`
TrulyBot demo is running at ${demo.url}

  Demo index               ${demo.url}/demo
  Shopify storefront       ${demo.url}/demo/storefront/shopify
  WooCommerce storefront   ${demo.url}/demo/storefront/woocommerce
  Dashboard (single use)   ${dash}
                           (or open ${demo.url}/demo/dashboard; npm run trulybot -- dashboard-link mints another)
  Mailbox (all sent mail)  ${demo.url}/demo/mailbox   (files in ${path.join(arg("data-dir") ?? ".demo", "mail")}/)
  Health                   ${demo.url}/healthz${
    flag("https")
      ? `\n  HTTPS                    self-signed certificate ${path.join(arg("data-dir") ?? ".demo", "tls", "localhost-cert.pem")}\n                           (trust it in the browser, and in WordPress for one-click connect's callback)`
      : ""
  }

  Shopify app proxy secret  SHOPIFY_API_SECRET from .env.example (sign /proxy/* requests yourself)
  WooCommerce store id      ${demo.woo.storeId}
  WooCommerce store secret  ${demo.woo.secret}   (also in .demo/woocommerce-store.json)
  Emulators                 Shopify Admin ${demo.shopifyEmulatorUrl} · WooCommerce ${demo.wooEmulatorUrl}

Press Ctrl+C to stop.`);
  const stop = async () => {
    await demo.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((e) => {
    if (e?.name === "ConfigError") console.error(e.message);
    else console.error(e);
    process.exit(1);
  });
}
