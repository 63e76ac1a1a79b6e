/**
 * The production wiring of self-service: the storefront messages route for a WooCommerce store row
 * (encrypted read_write keys, the emulator's URL) → buildTurnContext → adapterForStore (with its action
 * module) → the code mailed through SMTP_URL to a real SMTP server → the address changed in the store.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "@prisma/client";
import { setDb, type Db } from "../../app/db.server";
import { resetEnvForTests } from "../../app/env.server";
import { sealSecret } from "../../app/stores/secrets.server";
import { storefrontMessages } from "../../app/storefront/turn.server";
import type { MessagesResponse } from "../../app/protocol";
import { createTestDb } from "../helpers/db";
import { DEMO_WOO_KEY, startWooEmulator, type WooEmulator } from "../emulators/woocommerce/emulator";
import { WOO_RW_KEY } from "../emulators/woocommerce/writes";
import { setRule, startMailbox, texts, type Mail } from "../support/self-service";

let db: Db;
let cleanup: () => Promise<void>;
let e: WooEmulator;
let mailbox: { url: string; mails: Mail[]; close(): Promise<void> };
let store: Store;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  setDb(db);
  mailbox = await startMailbox();
  process.env.SMTP_URL = mailbox.url;
  resetEnvForTests();
  e = await startWooEmulator({ keys: [DEMO_WOO_KEY, WOO_RW_KEY] });
  const ws = await db.workspace.create({ data: { name: "w" } });
  store = await db.store.create({
    data: {
      workspaceId: ws.id,
      platform: "woocommerce",
      domain: "garden.test",
      url: e.url,
      name: "Gartenwerk",
      status: "active",
      timezone: "Europe/Berlin",
      currency: "EUR",
      credentials: sealSecret(
        JSON.stringify({ consumerKey: WOO_RW_KEY.consumerKey, consumerSecret: WOO_RW_KEY.consumerSecret }),
        "store.credentials",
      ),
    },
  });
  await setRule(db, store.id, "address", { windowHours: null });
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  resetEnvForTests();
  await e.close();
  await mailbox.close();
  await cleanup();
});

async function waitForMail(n: number): Promise<Mail> {
  for (let i = 0; i < 200 && mailbox.mails.length < n; i++) await new Promise((r) => setTimeout(r, 25));
  return mailbox.mails[n - 1];
}

describe("self-service through the storefront route", () => {
  it("changes a Woo order's address after the code mailed through SMTP_URL", async () => {
    let conversationId: string | undefined;
    let conversationToken: string | undefined;
    const say = async (text: string) => {
      const res = await storefrontMessages(
        store,
        JSON.stringify({ text, conversationId, conversationToken }),
        {
          key: "browser-1",
          customerId: null,
        },
      );
      expect(res.status).toBe(200);
      const body = (await res.json()) as MessagesResponse;
      if (body.conversationToken) conversationToken = body.conversationToken;
      conversationId = body.conversationId;
      return texts(body);
    };
    await say("I typed the wrong address on order 2001");
    expect(await say("lena.schmidt@example.com")).toContain("If that order exists, a code is on its way");
    const mail = await waitForMail(1);
    expect(mail.to).toEqual(["lena.schmidt@example.com"]);
    const code = /\bis (\d{6})\b/.exec(mail.raw.replace(/=\r?\n/g, ""))![1];
    expect(await say(code)).toContain("What's the new shipping address for #2001?");
    expect(await say("Mühlenkamp 7, 22303 Hamburg")).toContain("Change the shipping address of #2001 to:");
    const res = await storefrontMessages(
      store,
      JSON.stringify({
        conversationId,
        conversationToken,
        action: { type: "quick_reply", value: "tb:act_yes" },
      }),
      { key: "browser-1", customerId: null },
    );
    expect(texts((await res.json()) as MessagesResponse)).toContain("Done - #2001 will ship to:");
    const o = e.data.orders.find((x) => x.id === 2001) as unknown as { shipping: Record<string, string> };
    expect(o.shipping.address_1).toBe("Mühlenkamp 7");
    expect(await db.orderAction.count({ where: { storeId: store.id, status: "done" } })).toBe(1);
  });
});
