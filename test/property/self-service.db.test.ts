/**
 * Property: no self-service action runs without a verified, code-confirmed conversation. Random
 * conversations (order questions, emails, confirms, guessed codes, new-code requests, addresses, and
 * sometimes the real code read from the mailbox) run against the real Shopify emulator with every
 * action turned on. Afterwards every action that reached the store belongs to a conversation that
 * had accepted a one-time code for that order before it; without the real code nothing changed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { useChatDatabase } from "../support/chat-database";
import { DEMO_STORE_IDS } from "../support/chat";
import { DEMO_NOW, startShopifyAdminEmulator } from "../emulators/shopify-admin/emulator";
import {
  clearSelfService,
  codeFromMailbox,
  setRule,
  shopifyGuest,
  useMailbox,
} from "../support/self-service";
import { orderHash } from "../../app/verification/otp.server";

const chat = useChatDatabase();
const STORE = DEMO_STORE_IDS.shopify;
const mailbox = useMailbox();

const CODE = "<the real code>";
const quick = (value: string) => ({ action: { type: "quick_reply" as const, value } });
const step = fc.oneof(
  fc.constantFrom(
    "cancel order 1001",
    "change the shipping address of order 1001",
    "I want to return order 1003",
    "alice.johnson@example.com",
    "marcus.reed@example.net",
    "500 Howard St, San Francisco, CA, 94105",
    "1001",
    "hello",
    "tb:act_yes",
    "tb:act_no",
    "tb:code_new",
    "tb:act_reason:size",
  ),
  fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, "0")),
);

async function play(turns: string[], withRealCode: boolean) {
  const e = await startShopifyAdminEmulator({ now: DEMO_NOW, bucket: { restoreRate: 5000 } });
  try {
    mailbox.mails.length = 0;
    const s = shopifyGuest(chat.db, e, mailbox.url);
    for (const t of turns) {
      if (t === CODE) {
        if (!withRealCode) continue;
        const code = await codeFromMailbox(mailbox.mails, "alice.johnson@example.com", s.mailsPending).catch(
          () => null,
        );
        if (code) await s.send(code);
      } else await s.send(t.startsWith("tb:") ? quick(t) : t);
    }
    await Promise.all(s.mailsPending.splice(0));
    const changes = e.requests.filter(
      (r) => r.operationName?.startsWith("TrulyBot") && r.query?.trim().startsWith("mutation"),
    );
    return { changes, orders: e.store.orders };
  } finally {
    await e.close();
  }
}

async function reset() {
  await chat.chat.reset();
  await clearSelfService(chat.db);
  for (const a of ["cancel", "address", "return"] as const)
    await setRule(chat.db, STORE, a, { windowHours: null });
}

describe("self-service safety (property)", () => {
  it("without the code from the mailbox, no action reaches the store", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (turns) => {
        await reset();
        const { changes } = await play(turns, false);
        expect(changes).toHaveLength(0);
        expect(await chat.db.orderAction.count()).toBe(0);
      }),
      { numRuns: 25 },
    );
  }, 240_000);

  it("every action that ran followed an accepted code for that order in that conversation", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(step, fc.constant(CODE)), { minLength: 1, maxLength: 12 }),
        async (turns) => {
          await reset();
          await play(turns, true);
          const actions = await chat.db.orderAction.findMany({});
          for (const a of actions) {
            const used = await chat.db.oneTimeCode.findFirst({
              where: {
                conversationId: a.conversationId,
                orderNumberHash: orderHash({ db: chat.db, key: "test-code-key" }, STORE, a.orderNumber),
                usedAt: { lte: a.createdAt },
              },
            });
            expect(used, `action ${a.action} on #${a.orderNumber} without an accepted code`).not.toBeNull();
            expect(a.verification).toBe("code");
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 240_000);

  it("a scripted conversation with the real code does change the order (the property is not vacuous)", async () => {
    await reset();
    const { orders } = await play(
      ["cancel order 1001", "alice.johnson@example.com", CODE, "tb:act_yes"],
      true,
    );
    expect(orders.find((o) => o.name === "#1001")?.cancelledAt).toBe(DEMO_NOW.toISOString());
  });
});
