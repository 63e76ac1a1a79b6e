/**
 * Attack run (`npm run bench`, or alone: `npm run bench -- --only=attack`): for BENCH_ATTACK_SECONDS
 * (default 60) an attacker with ≥ 1,000 rotating browser identities (User-Agent, cookies, a forged
 * first X-Forwarded-For entry) over ≥ 50 addresses in several networks guesses order numbers with
 * made-up emails on both platforms, while real shoppers look up their own orders with the right
 * email. Against the real built server (bench/server.ts) and the emulators (bench/emulators.ts).
 *
 * The app mails its one-time codes to a real local SMTP server (bench/mailbox.ts). When the store is
 * in step-up, a real shopper reads the code from the mail to the email on their order and types it
 * into the same conversation; the attacker never gets the mailbox (AttackerView): its guesses send
 * codes to the real owners' addresses, which it cannot read.
 *
 * Prints and writes bench/results/attack-<date>.json: orders revealed to the attacker (must be 0),
 * what the bot answered the real shoppers (order shown, with or without a code / step-up / refused
 * …; must be 100 % shown), lookups that reached the stores (emulator requests), code mails sent,
 * requests refused with 429, and the machine. Exits non-zero unless both hold.
 *
 * runAttack() is the run itself, against any base URL; test/bench/attack.test.ts runs it for a few
 * seconds against the real routes. Knobs: BENCH_ATTACK_SECONDS, BENCH_ATTACK_IDENTITIES (1000),
 * BENCH_ATTACK_ADDRESSES (60), BENCH_ATTACK_CONCURRENCY (8 attacker workers), BENCH_ATTACK_SHOPPERS
 * (3 real shoppers at a time).
 */
import crypto from "node:crypto";
import { signAppProxy } from "../app/platforms/shopify/proxy-signature";
import { signedHeaders } from "../app/platforms/woocommerce/signature.server";
import { networkPrefix } from "../app/security/client-ip.server";
import type { BenchMailbox } from "./mailbox";

export type Platform = "shopify" | "woocommerce";
export interface RealOrder {
  platform: Platform;
  number: string;
  email: string;
}
export interface AttackTarget {
  url: string;
  shopify: { shop: string; apiSecret: string };
  woo: { storeId: string; secret: string };
  /** the stores' real orders: real shoppers look these up; the attacker guesses numbers near them */
  orders: RealOrder[];
  /** requests the platforms (emulators) have served so far */
  storeRequests(): Promise<{ shopify: number; woo: number }>;
  /**
   * The SMTP server the app mails its one-time codes to (bench/mailbox.ts). Only real shoppers read
   * it, each the mail to the email on their own order; the attacker never sees it (AttackerView).
   */
  mailbox?: BenchMailbox;
}

/** What the attacker has: the storefront and the stores' order numbers to guess near — no mailbox. */
export type AttackerView = Omit<AttackTarget, "mailbox">;
export interface AttackOptions {
  seconds: number;
  identities: number;
  addresses: number;
  concurrency: number;
  /** pause between two real shoppers' lookups (one real shopper at a time) */
  shopperPauseMs: number;
  /** the run (attacker included) goes on past `seconds` until the real shoppers did this many lookups */
  minShopperLookups?: number;
  /** real shoppers at the same time (each from their own network), default 1 */
  shopperConcurrency?: number;
}
export const DEFAULT_ATTACK: AttackOptions = {
  seconds: 60,
  identities: 1000,
  addresses: 60,
  concurrency: 8,
  shopperPauseMs: 200,
  shopperConcurrency: 3,
};

export interface Identity {
  ip: string;
  ua: string;
  cookie: string;
  forgedFirstHop: string;
}

/** ≥ 50 attacker addresses over several IPv4 /24s and IPv6 /48s (documentation + shared ranges). */
export function attackerAddresses(n: number): string[] {
  const v4 = ["198.51.100", "203.0.113", "192.0.2", "100.64.7", "100.64.9", "100.88.1"];
  const v6 = ["2001:db8:aa00", "2001:db8:bb00"];
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    const slot = i % (v4.length + v6.length);
    const host = 10 + Math.floor(i / (v4.length + v6.length));
    out.push(slot < v4.length ? `${v4[slot]}.${host}` : `${v6[slot - v4.length]}:${host.toString(16)}::${i}`);
  }
  return out;
}

const rnd = (bytes = 8) => crypto.randomBytes(bytes).toString("hex");
const BROWSERS = ["Chrome", "Firefox", "Safari", "Edg", "OPR"];

/** Browser identities rotating over the addresses; every one with its own UA, cookies and forged hop. */
export function attackerIdentities(n: number, addresses: string[]): Identity[] {
  return Array.from({ length: n }, (_, i) => ({
    ip: addresses[i % addresses.length],
    ua: `Mozilla/5.0 (X11; Linux x86_64) ${BROWSERS[i % BROWSERS.length]}/${100 + (i % 40)}.0.${i}`,
    cookie: `_shopify_y=${rnd()}; _trulybot_b=${rnd()}; cart=${rnd(4)}`,
    forgedFirstHop: `10.${i & 255}.${(i >> 8) & 255}.${(i * 7) & 255}`,
  }));
}

export interface Built {
  url: string;
  init: RequestInit;
}

/** A storefront turn as the platform forwards it from a browser with this identity. */
export function storefrontTurn(
  target: AttackerView,
  platform: Platform,
  who: Identity,
  text: string,
  conversation?: { conversationId: string; conversationToken: string },
): Built {
  const body = JSON.stringify({ text, locale: "en", ...conversation });
  if (platform === "shopify") {
    const q = new URLSearchParams();
    q.set("shop", target.shopify.shop);
    q.set("logged_in_customer_id", "");
    q.set("path_prefix", "/apps/trulybot");
    q.set("timestamp", String(Math.floor(Date.now() / 1000)));
    q.set("signature", signAppProxy(q, target.shopify.apiSecret));
    const headers = {
      "content-type": "application/json",
      // the browser writes the first entry; Shopify's proxy appends the address it saw
      "x-forwarded-for": `${who.forgedFirstHop}, ${who.ip}`,
      "user-agent": who.ua,
      cookie: who.cookie,
    };
    return { url: `${target.url}/proxy/messages?${q}`, init: { method: "POST", headers, body } };
  }
  // what the plugin sends: shopper = sha256(REMOTE_ADDR + UA + secret), network = HMAC(secret, prefix)
  const { storeId, secret } = target.woo;
  const shopper = crypto.createHash("sha256").update(`${who.ip}${who.ua}${secret}`).digest("hex");
  const prefix = networkPrefix(who.ip);
  const network = prefix ? crypto.createHmac("sha256", secret).update(prefix).digest("hex") : undefined;
  const path = "/api/v1/woo/storefront/messages";
  const headers = {
    "content-type": "application/json",
    ...signedHeaders(storeId, secret, { method: "POST", pathWithQuery: path, body, shopper, network }),
  };
  return { url: `${target.url}${path}`, init: { method: "POST", headers, body } };
}

interface Reply {
  status: number;
  raw: string;
  messages: { type?: string; text?: string; order?: { number?: string } }[];
  conversationId?: string;
  conversationToken?: string;
}

async function send(b: Built): Promise<Reply> {
  try {
    const res = await fetch(b.url, b.init);
    const raw = await res.text();
    let parsed: Partial<Reply> = {};
    try {
      parsed = JSON.parse(raw) as Partial<Reply>;
    } catch {
      parsed = {};
    }
    return {
      status: res.status,
      raw,
      messages: parsed.messages ?? [],
      conversationId: parsed.conversationId,
      conversationToken: parsed.conversationToken,
    };
  } catch (e) {
    return { status: 0, raw: String(e), messages: [] };
  }
}

const replyText = (r: Reply) =>
  r.messages
    .map((m) => m.text ?? "")
    .join(" ")
    .trim();

export interface AttackResult {
  settings: AttackOptions & { addressesUsed: number; networksUsed: number };
  durationSeconds: number;
  attacker: {
    requests: number;
    identitiesUsed: number;
    /** attacker replies carrying an order card or any real order's email (must be 0) */
    ordersRevealed: number;
    /** replies saying a code is on its way (the store was in step-up for that guess) */
    codeOffers: number;
    refused429: number;
    statusCodes: Record<string, number>;
    /** status codes per platform */
    byPlatform: Record<Platform, Record<string, number>>;
  };
  shoppers: {
    lookups: number;
    shown: number;
    /** of `shown`: after the shopper read the one-time code from their mail and typed it */
    shownWithCode: number;
    /** step-up replies "a code is on its way" the shoppers got (each one mail to their inbox) */
    codeOffers: number;
    /** code turns the shoppers sent (a code from the attacker's mails to the same inbox can be wrong) */
    codesTyped: number;
    stepUpOffered: number;
    refused429: number;
    other: number;
    /** shown / lookups, in % */
    successRate: number;
    /** what the bot answered when it did not show the order (distinct replies, a few) */
    samples: string[];
    byPlatform: Record<Platform, { lookups: number; shown: number }>;
  };
  /** requests the platforms served during the run: every lookup that reached a store */
  storeRequests: { shopify: number; woo: number };
  /** code mails the app sent during the run (to the real owners' addresses; null without a mailbox) */
  mailsSent: number | null;
}

/** The stores' orders that have an email, as real shoppers would look them up. */
export function realOrders(
  shopify: Record<string, unknown>[],
  woo: { number?: unknown; billing?: { email?: string | null } | null }[],
  perStore = Infinity,
  /**
   * Shopify's clock: with `read_orders` (no `read_all_orders`, as in the bench) the app can read
   * only the last 60 days, so older orders — and test orders — are no real shopper's to look up
   * (the bot answers them honestly: too old / not found). Omit to keep every order.
   */
  shopifyNow?: Date,
): RealOrder[] {
  const since = shopifyNow ? shopifyNow.getTime() - 60 * 86400_000 : -Infinity;
  const readable = (o: Record<string, unknown>) =>
    o.test !== true && Date.parse(String(o.createdAt ?? "")) >= since;
  const s = shopify
    .filter((o) => typeof o.email === "string" && o.email && (!shopifyNow || readable(o)))
    .slice(0, perStore);
  const w = woo.filter((o) => o.billing?.email).slice(0, perStore);
  return [
    ...s.map((o) => ({ platform: "shopify" as const, number: String(o.number), email: String(o.email) })),
    ...w.map((o) => ({
      platform: "woocommerce" as const,
      number: String(o.number),
      email: o.billing!.email!,
    })),
  ];
}

const pick = <T>(xs: T[]) => xs[crypto.randomInt(xs.length)];

function guess(orders: RealOrder[], platform: Platform): string {
  const real = orders.filter((o) => o.platform === platform);
  if (crypto.randomInt(2) === 0 && real.length) return pick(real).number; // a real number, wrong email
  const base = Number(real[0]?.number ?? 1000);
  return String(base - 50 + crypto.randomInt(200));
}

async function attacker(
  target: AttackerView,
  ids: Identity[],
  running: () => boolean,
  r: AttackResult,
  next: { i: number },
) {
  const realEmails = target.orders.map((o) => o.email.toLowerCase());
  while (running()) {
    const who = ids[next.i++ % ids.length];
    // independent of the identity, so both stores see every address and network
    const platform: Platform = crypto.randomInt(2) ? "shopify" : "woocommerce";
    const text = `where is my order #${guess(target.orders, platform)}? ${rnd(5)}@guess.example`;
    const reply = await send(storefrontTurn(target, platform, who, text));
    const a = r.attacker;
    a.requests++;
    a.statusCodes[reply.status] = (a.statusCodes[reply.status] ?? 0) + 1;
    a.byPlatform[platform][reply.status] = (a.byPlatform[platform][reply.status] ?? 0) + 1;
    if (reply.status === 429) a.refused429++;
    if (CODE_OFFER.test(replyText(reply))) a.codeOffers++;
    const lower = reply.raw.toLowerCase();
    if (reply.messages.some((m) => m.type === "order") || realEmails.some((e) => lower.includes(e)))
      a.ordersRevealed++;
  }
}

/** The bot asks for more proof (a one-time code, or "confirm it's you") instead of showing the order. */
const STEP_UP = /\bcode\b|confirm it'?s you/i;
/** The step-up reply when codes are mailed: "If that order exists, a code is on its way …". */
const CODE_OFFER = /code is on its way/i;

const orderCard = (reply: Reply, number: string) =>
  reply.messages.some(
    (m) => m.type === "order" && String(m.order?.number ?? "").replace(/^#/, "") === number,
  );

/**
 * Step-up as a real shopper does it: open the inbox of the email on the order, take the codes that
 * arrived since asking (newest first — the attacker's guesses may have sent others to the same
 * inbox) and type them into the same conversation until the order is shown.
 */
async function typeCodeFromMail(
  target: AttackTarget,
  order: RealOrder,
  who: Identity,
  first: Reply,
  mailsBefore: number,
  r: AttackResult,
): Promise<Reply | null> {
  const mailbox = target.mailbox;
  if (!mailbox || !first.conversationId || !first.conversationToken) return null;
  const conversation = { conversationId: first.conversationId, conversationToken: first.conversationToken };
  const tried = new Set<string>();
  let last: Reply | null = null;
  for (let round = 0; round < 3 && tried.size < 5; round++) {
    const codes = await mailbox.codesFor(order.email, order.number, mailsBefore, {
      atLeast: tried.size + 1,
    });
    if (codes.every((c) => tried.has(c))) break; // no new mail came
    for (const code of codes) {
      if (tried.has(code) || tried.size >= 5) continue;
      tried.add(code);
      r.shoppers.codesTyped++;
      last = await send(storefrontTurn(target, order.platform, who, code, conversation));
      if (orderCard(last, order.number)) return last;
    }
  }
  return last;
}

/** A real shopper: their own address (own network), their own order, the right email. */
async function shopper(target: AttackTarget, k: number, r: AttackResult) {
  // Shopify and WooCommerce shoppers take turns
  const platform: Platform = k % 2 ? "woocommerce" : "shopify";
  const mine = target.orders.filter((o) => o.platform === platform);
  const order = mine.length ? mine[(k >> 1) % mine.length]! : target.orders[k % target.orders.length]!;
  const who: Identity = {
    ip: `172.${16 + ((k >> 8) & 15)}.${k & 255}.${1 + (k % 200)}`,
    ua: `Mozilla/5.0 (Macintosh) Safari/605.1.${k}`,
    cookie: `_shopify_y=${rnd()}`,
    forgedFirstHop: "",
  };
  who.forgedFirstHop = who.ip;
  const mailsBefore = target.mailbox?.count() ?? 0;
  let reply = await send(
    storefrontTurn(target, order.platform, who, `where is my order #${order.number}? ${order.email}`),
  );
  const s = r.shoppers;
  s.lookups++;
  s.byPlatform[order.platform].lookups++;
  let withCode = false;
  if (!orderCard(reply, order.number) && CODE_OFFER.test(replyText(reply))) {
    s.codeOffers++;
    const after = await typeCodeFromMail(target, order, who, reply, mailsBefore, r);
    if (after) {
      reply = after;
      withCode = true;
    }
  }
  const text = replyText(reply);
  if (orderCard(reply, order.number)) {
    s.shown++;
    if (withCode) s.shownWithCode++;
    s.byPlatform[order.platform].shown++;
    return;
  }
  if (reply.status === 429) s.refused429++;
  else if (STEP_UP.test(text)) s.stepUpOffered++;
  else s.other++;
  const sample = `${order.platform} #${order.number} ${reply.status}: ${text || reply.raw}`.slice(0, 240);
  if (s.samples.length < 6 && !s.samples.includes(sample)) s.samples.push(sample);
}

/** The run: attacker workers and `shopperConcurrency` real shoppers at a time, until `seconds` have passed. */
export async function runAttack(target: AttackTarget, opts: AttackOptions): Promise<AttackResult> {
  const addresses = attackerAddresses(opts.addresses);
  const ids = attackerIdentities(opts.identities, addresses);
  const r: AttackResult = {
    settings: {
      ...opts,
      addressesUsed: addresses.length,
      networksUsed: new Set(addresses.map((a) => networkPrefix(a))).size,
    },
    durationSeconds: 0,
    attacker: {
      requests: 0,
      identitiesUsed: 0,
      ordersRevealed: 0,
      codeOffers: 0,
      refused429: 0,
      statusCodes: {},
      byPlatform: { shopify: {}, woocommerce: {} },
    },
    shoppers: {
      lookups: 0,
      shown: 0,
      shownWithCode: 0,
      codeOffers: 0,
      codesTyped: 0,
      stepUpOffered: 0,
      refused429: 0,
      other: 0,
      successRate: 0,
      samples: [],
      byPlatform: { shopify: { lookups: 0, shown: 0 }, woocommerce: { lookups: 0, shown: 0 } },
    },
    storeRequests: { shopify: 0, woo: 0 },
    mailsSent: null,
  };
  const mailsAtStart = target.mailbox?.count() ?? 0;
  // the attacker's view of the target: no mailbox (it cannot read the owners' inboxes)
  const { mailbox: _inboxes, ...attackerView } = target;
  const before = await target.storeRequests();
  const started = Date.now();
  const until = started + opts.seconds * 1000;
  const next = { i: 0 };
  const running = () => Date.now() < until || r.shoppers.lookups < (opts.minShopperLookups ?? 0);
  let k = 0;
  const shoppers = async () => {
    while (running()) {
      await shopper(target, k++, r);
      await new Promise((res) => setTimeout(res, opts.shopperPauseMs));
    }
  };
  await Promise.all([
    ...Array.from({ length: opts.concurrency }, () => attacker(attackerView, ids, running, r, next)),
    ...Array.from({ length: opts.shopperConcurrency ?? 1 }, shoppers),
  ]);
  r.durationSeconds = Math.round((Date.now() - started) / 100) / 10;
  r.attacker.identitiesUsed = Math.min(next.i, ids.length);
  const s = r.shoppers;
  s.successRate = s.lookups ? Math.round((s.shown / s.lookups) * 1000) / 10 : 0;
  const after = await target.storeRequests();
  r.storeRequests = { shopify: after.shopify - before.shopify, woo: after.woo - before.woo };
  if (target.mailbox) r.mailsSent = target.mailbox.count() - mailsAtStart;
  return r;
}

/** The printed summary. */
export function attackSummary(r: AttackResult): string {
  const a = r.attacker;
  const s = r.shoppers;
  return [
    `attack: ${r.durationSeconds} s, ${a.requests} attacker requests from ${a.identitiesUsed} browser identities over ${r.settings.addressesUsed} addresses in ${r.settings.networksUsed} networks`,
    `  orders revealed to the attacker: ${a.ordersRevealed} (step-up replies "a code is on its way" to the attacker: ${a.codeOffers})`,
    `  attacker requests refused 429: ${a.refused429}; statuses Shopify ${JSON.stringify(a.byPlatform.shopify)}, WooCommerce ${JSON.stringify(a.byPlatform.woocommerce)}`,
    `  real shoppers: ${s.shown}/${s.lookups} saw their order (${s.successRate} %; Shopify ${s.byPlatform.shopify.shown}/${s.byPlatform.shopify.lookups}, WooCommerce ${s.byPlatform.woocommerce.shown}/${s.byPlatform.woocommerce.lookups}); ${s.shownWithCode} of them after typing the code from their mail (${s.codesTyped} codes typed); not served: step-up ${s.stepUpOffered}, refused 429 ${s.refused429}, other ${s.other}`,
    ...s.samples.map((x) => `    bot said: ${x}`),
    `  lookups that reached the stores: Shopify ${r.storeRequests.shopify}, WooCommerce ${r.storeRequests.woo} platform requests`,
    `  code mails sent: ${r.mailsSent ?? "no mailbox"} (${s.codeOffers} asked for by real shoppers, the rest by the attacker's guesses — all to the real owners' addresses)`,
  ].join("\n");
}

// ------------------------------------------------------------------------------------------------
// standalone: the built server + emulators in their own processes (like bench/run.ts)
// ------------------------------------------------------------------------------------------------

async function machine() {
  const os = await import("node:os");
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    cpus: cpus.map((c) => ({ model: c.model, speedMHz: c.speed })),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGiB: Math.round((os.freemem() / 2 ** 30) * 10) / 10,
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    database: "SQLite (libSQL)",
  };
}

type Child = import("node:child_process").ChildProcess & { ready: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any

async function startChild(file: string, env: Record<string, string>): Promise<Child> {
  const { fork } = await import("node:child_process");
  const proc = fork(file, [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  }) as Child;
  return new Promise((resolve, reject) => {
    proc.once("exit", (code) => reject(new Error(`${file} exited (${code}) before it was ready`)));
    proc.on("message", (m: { type: string }) => {
      if (m.type === "ready") resolve(Object.assign(proc, { ready: m }));
    });
  });
}

function ask(child: Child, msg: object, replyType: string): Promise<Record<string, number>> {
  return new Promise((resolve) => {
    const h = (r: { type: string }) => {
      if (r.type !== replyType) return;
      child.off("message", h);
      resolve(r as never);
    };
    child.on("message", h);
    child.send(msg);
  });
}

const envNumber = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

async function main() {
  const fs = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
  if (!fs.existsSync(path.join(root, "build/server/index.js")))
    throw new Error("no build: run `npm run bench` (it builds the app first)");
  const example = fs.readFileSync(path.join(root, ".env.example"), "utf8");
  const apiSecret = /^SHOPIFY_API_SECRET=(.*)$/m.exec(example)?.[1] ?? "";
  const emu = await startChild(path.join(root, "bench/emulators.ts"), {});
  const { startBenchMailbox } = await import("./mailbox");
  const mailbox = await startBenchMailbox();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "trulybot-attack-"));
  const server = await startChild(path.join(root, "bench/server.ts"), {
    BENCH_DATABASE_URL: `file:${path.join(tmp, "attack.sqlite")}`,
    BENCH_SHOPIFY_ORIGIN: emu.ready.shopifyUrl,
    BENCH_WOO_URL: emu.ready.wooUrl,
    BENCH_SHOP: emu.ready.shop,
    BENCH_SHOP_TOKEN: emu.ready.accessToken,
    BENCH_WOO_KEY: JSON.stringify(emu.ready.wooKey),
    BENCH_SMTP_URL: mailbox.url,
  });
  try {
    const { loadDemoShopifyStore } = await import("../test/emulators/shopify-admin/data");
    const { loadWooDemoData } = await import("../test/emulators/woocommerce/demo-data");
    // the emulator's clock is the real one (bench/emulators.ts)
    const orders = realOrders(loadDemoShopifyStore().orders, loadWooDemoData().orders, Infinity, new Date());
    const target: AttackTarget = {
      url: server.ready.url,
      shopify: { shop: server.ready.shop, apiSecret },
      woo: server.ready.woo,
      orders,
      storeRequests: async () => {
        const s = await ask(emu, { type: "stats" }, "stats");
        return { shopify: s.shopify, woo: s.woo };
      },
      mailbox,
    };
    const opts: AttackOptions = {
      seconds: envNumber("BENCH_ATTACK_SECONDS", DEFAULT_ATTACK.seconds),
      identities: envNumber("BENCH_ATTACK_IDENTITIES", DEFAULT_ATTACK.identities),
      addresses: envNumber("BENCH_ATTACK_ADDRESSES", DEFAULT_ATTACK.addresses),
      concurrency: envNumber("BENCH_ATTACK_CONCURRENCY", DEFAULT_ATTACK.concurrency),
      shopperPauseMs: DEFAULT_ATTACK.shopperPauseMs,
      shopperConcurrency: envNumber("BENCH_ATTACK_SHOPPERS", DEFAULT_ATTACK.shopperConcurrency!),
    };
    const startedAt = new Date().toISOString();
    const result = await runAttack(target, opts);
    console.log(attackSummary(result));
    const dir = path.join(root, "bench/results");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `attack-${startedAt.slice(0, 10)}.json`);
    const out = { startedAt, machine: await machine(), ...result };
    fs.writeFileSync(file, JSON.stringify(out, null, 2) + "\n");
    console.log(`attack: wrote ${path.relative(root, file)}`);
    if (result.attacker.ordersRevealed > 0 || result.shoppers.shown < result.shoppers.lookups)
      process.exitCode = 1;
  } finally {
    for (const c of [server, emu]) {
      c.send({ type: "stop" });
      await new Promise((r) => setTimeout(r, 300));
      if (c.exitCode === null) c.kill();
    }
    await mailbox.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
