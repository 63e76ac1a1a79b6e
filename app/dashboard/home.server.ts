/**
 * Home: setup checklist, key numbers for the last 7/30 days (calendar days in the store's time zone),
 * conversations per day. Every number is a count of the store's conversations by outcome over those
 * days, so each one equals the Conversations list filtered the same way (the page links there).
 */
import type { Store } from "@prisma/client";
import { mailConfigured } from "../chat/notify.server";
import { loadEnv } from "../env.server";
import { currentStore, storeBrief, type DashboardCtx } from "./context.server";
import { embedDeepLink } from "./embed-status";
import { lastDays, nextYmd, safeTimeZone, ymdInZone, zonedDayStart } from "./timezone";
import type { ChecklistItem, HomeData } from "./types";

export function parseRange(url: string): 7 | 30 {
  return new URL(url).searchParams.get("range") === "30" ? 30 : 7;
}

type HomeOpts = { shop?: string; embedEnabled?: boolean | null; now?: Date };

/** Setup steps from the store's real state. */
async function buildChecklist(
  ctx: DashboardCtx,
  store: Store,
  opts: HomeOpts,
  mail: boolean,
): Promise<ChecklistItem[]> {
  const { db } = ctx;
  const settings = await db.botSettings.findUnique({ where: { storeId: store.id } });
  const [anyConversation, faqCount] = await Promise.all([
    db.conversation.findFirst({ where: { storeId: store.id }, select: { id: true } }),
    db.faqEntry.count({ where: { storeId: store.id } }),
  ]);

  const checklist: ChecklistItem[] = [];
  if (store.platform === "shopify") {
    const embed = opts.embedEnabled !== undefined ? opts.embedEnabled : store.embedEnabled;
    const apiKey = loadEnv().SHOPIFY_API_KEY;
    checklist.push({
      id: "embed",
      label: "Turn on the TrulyBot chat in your theme",
      done: embed === true,
      help:
        embed === true
          ? "The TrulyBot app embed is on in your live theme."
          : embed === false
            ? "The app embed is off in your live theme, so shoppers don't see the chat yet."
            : "We couldn't check your live theme yet. Open the theme editor to make sure the app embed is on.",
      action:
        embed === true
          ? undefined
          : {
              label: "Open theme editor",
              url: embedDeepLink(opts.shop ?? store.domain, apiKey),
              external: true,
            },
    });
  } else {
    checklist.push({
      id: "connected",
      label: "Connect your WooCommerce store",
      done: store.status === "active",
      help:
        store.status === "active"
          ? "The WordPress plugin is connected."
          : `The plugin is ${store.status}. In WordPress go to WooCommerce → TrulyBot and click Connect.`,
    });
    checklist.push({
      id: "widget",
      label: "Switch the chat widget on",
      done: store.widgetEnabled,
      help: store.widgetEnabled
        ? "The widget shows on your storefront."
        : "In WordPress go to WooCommerce → TrulyBot and tick “Show the chat widget”.",
    });
  }
  checklist.push({
    id: "handoff_email",
    label: "Get handoffs by e-mail",
    done: mail,
    help: mail
      ? "When a shopper asks for a person, you get an e-mail with a link to the chat."
      : "E-mail is not set up on the server (SMTP_URL), so nobody is told when a shopper asks for a person. Check Handoffs, or set SMTP_URL.",
    action: mail ? undefined : { label: "Open handoffs", url: "handoffs", external: false },
  });
  checklist.push({
    id: "personalised",
    label: "Make the bot yours",
    done: (settings?.version ?? 1) > 1,
    help: "Pick a name, greeting and colour that match your store.",
    action: { label: "Bot settings", url: "settings", external: false },
  });
  checklist.push({
    id: "faq",
    label: "Add your first FAQ",
    done: faqCount > 0,
    help:
      faqCount > 0
        ? `${faqCount} FAQ ${faqCount === 1 ? "entry" : "entries"} answer shoppers' questions.`
        : "Answers to the questions shoppers ask most.",
    action: { label: "FAQ", url: "faq", external: false },
  });
  checklist.push({
    id: "test_conversation",
    label: "Send a test conversation",
    done: anyConversation !== null,
    help: anyConversation
      ? "Your bot has had its first conversation."
      : "Open your storefront, click the chat bubble and ask “where is my order?”.",
  });

  return checklist;
}

/** Conversations of the store started on the last `range` calendar days (store time zone), by outcome. */
async function keyNumbers(ctx: DashboardCtx, store: Store, range: number, now: Date) {
  const { db } = ctx;
  const tz = safeTimeZone(store.timezone);
  const days = lastDays(now, range, tz);
  const window = { from: days[0]!, to: days[days.length - 1]! };
  const convs = await db.conversation.findMany({
    where: {
      storeId: store.id,
      createdAt: { gte: zonedDayStart(window.from, tz), lt: zonedDayStart(nextYmd(window.to), tz) },
    },
    select: { createdAt: true, outcome: true, orderQuestion: true },
  });
  const count = (outcome: string) => convs.filter((c) => c.outcome === outcome).length;
  const helped = count("resolved");
  const handoffs = count("handoff");
  const unanswered = count("unresolved");
  const finished = helped + handoffs + unanswered;
  const perDay = new Map(days.map((d) => [d, 0]));
  for (const c of convs) {
    const k = ymdInZone(c.createdAt, tz);
    perDay.set(k, (perDay.get(k) ?? 0) + 1);
  }

  return {
    timeZone: tz,
    window,
    numbers: {
      conversations: convs.length,
      shoppersHelped: helped,
      resolutionRate: finished ? helped / finished : null,
      handoffs,
      unanswered,
      inProgress: convs.length - finished,
      orderQuestions: convs.filter((c) => c.orderQuestion).length,
    },
    daily: days.map((date) => ({ date, count: perDay.get(date) ?? 0 })),
  };
}

export async function loadHome(ctx: DashboardCtx, opts: HomeOpts = {}): Promise<HomeData> {
  const now = opts.now ?? new Date();
  const range = parseRange(ctx.request.url);
  const store = await currentStore(ctx);
  const mail = mailConfigured();
  const [checklist, numbers] = await Promise.all([
    buildChecklist(ctx, store, opts, mail),
    keyNumbers(ctx, store, range, now),
  ]);
  return { store: storeBrief(store), mailConfigured: mail, checklist, range, ...numbers };
}
