/**
 * Self-service on WooCommerce over real parts: the REST v3 emulator (OAuth 1.0a over HTTP, read_write
 * key), the real adapter and writer, a real SMTP server the code is read from, the Prisma repository.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { useChatDatabase } from "../../test/support/chat-database";
import { DEMO_STORE_IDS } from "../../test/support/chat";
import {
  DEMO_WOO_KEY,
  startWooEmulator,
  type WooEmulator,
  type WooEmulatorKey,
} from "../../test/emulators/woocommerce/emulator";
import {
  YES,
  chip,
  clearSelfService,
  codeFromMailbox,
  setRule,
  shopper,
  useMailbox,
  texts,
  wooAdapter,
  WOO_RW_KEY,
} from "../../test/support/self-service";

const chat = useChatDatabase();
const STORE = DEMO_STORE_IDS.woocommerce;
const LENA = "lena.schmidt@example.com";
const NOW = new Date("2026-11-23T15:00:00Z");
let e: WooEmulator;
const mailbox = useMailbox({ emptyBeforeEach: true });

beforeEach(async () => {
  e = await startWooEmulator({ keys: [DEMO_WOO_KEY, WOO_RW_KEY] });
  await clearSelfService(chat.db);
});
afterEach(async () => {
  await e.close();
});

const wooOrder = (id: number) =>
  e.data.orders.find((o) => o.id === id)! as unknown as Record<string, unknown>;
const writes = () => e.requests.filter((r) => r.method !== "GET");

function guest(key: WooEmulatorKey = WOO_RW_KEY, shopperKey = "w1") {
  return shopper({
    db: chat.db,
    storeId: STORE,
    platform: "woocommerce",
    adapter: wooAdapter(e, key),
    smtpUrl: mailbox.url,
    now: () => NOW,
    shopperKey,
  });
}

async function withCode(s: ReturnType<typeof guest>, intent: string, email: string) {
  await s.send(intent);
  expect(texts(await s.send(email))).toContain(
    "If that order exists, a code is on its way to the email on it",
  );
  return texts(await s.send(await codeFromMailbox(mailbox.mails, email, s.mailsPending)));
}

describe("change the shipping address on WooCommerce", () => {
  it("changes the address of an unfulfilled order after a code, with a summary and confirm", async () => {
    await setRule(chat.db, STORE, "address", { windowHours: null });
    const s = guest();
    const ask = await withCode(s, "I typed the wrong address on order 2001", LENA);
    expect(ask).toContain(
      "What's the new shipping address for #2001? Write it on one line: street and number, postal code, city.",
    );
    const summary = texts(await s.send("Mühlenkamp 7, 22303 Hamburg"));
    expect(summary).toContain(
      "Change the shipping address of #2001 to:\nLena Schmidt\nMühlenkamp 7\n22303 Hamburg\nDE",
    );
    expect((wooOrder(2001).shipping as Record<string, string>).address_1).toBe("Eppendorfer Weg 212");
    expect(texts(await s.send(YES))).toContain(
      "Done - #2001 will ship to:\nLena Schmidt\nMühlenkamp 7\n22303 Hamburg",
    );
    const shipping = wooOrder(2001).shipping as Record<string, string>;
    expect(shipping).toMatchObject({
      address_1: "Mühlenkamp 7",
      postcode: "22303",
      city: "Hamburg",
      country: "DE",
      first_name: "Lena",
    });
    const notes = e.data.notes?.["2001"] ?? [];
    expect(notes.at(-1)?.note).toContain("Before: Lena Schmidt, Eppendorfer Weg 212, 20251 Hamburg, DE");
    expect(notes.at(-1)?.note).toContain("After: Lena Schmidt, Mühlenkamp 7, 22303 Hamburg, DE");
    expect(notes.at(-1)?.customer_note).toBe(false);
    const [a] = await chat.db.orderAction.findMany({});
    expect(a).toMatchObject({ action: "address", status: "done", adminNote: true, verification: "code" });
    expect(JSON.parse(a.before!)).toMatchObject({ address1: "Eppendorfer Weg 212" });
  });

  it("validates the address: postal code per country, street, no change of country", async () => {
    await setRule(chat.db, STORE, "address", { windowHours: null });
    const s = guest();
    await withCode(s, "change the address of order 2001", LENA);
    expect(texts(await s.send("Mühlenkamp 7, 2230 Hamburg"))).toContain(
      "the postal code doesn't look right for DE.",
    );
    expect(texts(await s.send("Mühlenkamp, 22303 Hamburg"))).toContain(
      "the street and house number are missing.",
    );
    expect(texts(await s.send("Rue de Rivoli 1, 75001, Paris, FR"))).toContain(
      "the new address must stay in DE.",
    );
    expect(writes()).toHaveLength(0);
  });

  it("refuses a completed (sent) order", async () => {
    await setRule(chat.db, STORE, "address", { windowHours: null });
    const s = guest();
    await s.send("change the address on order 2002");
    expect(texts(await s.send("Tobias.Wagner@Example.NET"))).toContain(
      "#2002 has already been sent, so I can't change it here.",
    );
    expect(writes()).toHaveLength(0);
  });

  it("a read-only key: WooCommerce refuses the write, the shopper reads it plainly, nothing changed", async () => {
    await setRule(chat.db, STORE, "address", { windowHours: null });
    const s = guest(DEMO_WOO_KEY);
    await withCode(s, "change the address of order 2001", LENA);
    await s.send("Mühlenkamp 7, 22303 Hamburg");
    expect(texts(await s.send(YES))).toContain("nothing on #2001 was changed");
    expect((wooOrder(2001).shipping as Record<string, string>).address_1).toBe("Eppendorfer Weg 212");
  });
});

describe("cancel on WooCommerce", () => {
  it("sets status cancelled through REST and leaves a private note", async () => {
    await setRule(chat.db, STORE, "cancel", { windowHours: null });
    const s = guest();
    expect(await withCode(s, "cancel my order 2008", "jonas.richter@example.com")).toContain(
      "Cancel order #2008",
    );
    expect(texts(await s.send(YES))).toContain("Done - order #2008 is cancelled.");
    expect(wooOrder(2008).status).toBe("cancelled");
    const notes = (e.data.notes?.["2008"] ?? []).map((n) => n.note);
    expect(notes).toContain("Order status changed from On hold to Cancelled.");
    expect(notes.at(-1)).toContain("TrulyBot: Cancelled by the shopper in chat");
  });

  it("an order completed meanwhile is not cancelled (checked before the write)", async () => {
    await setRule(chat.db, STORE, "cancel", { windowHours: null });
    const s = guest();
    await withCode(s, "cancel my order 2008", "jonas.richter@example.com");
    wooOrder(2008).status = "completed";
    expect(texts(await s.send(YES))).toContain("(the order has been sent meanwhile)");
    expect(wooOrder(2008).status).toBe("completed");
    expect(writes()).toHaveLength(0);
  });
});

describe("returns on WooCommerce (no returns in core)", () => {
  it("a completed order: an order note plus a handoff to the team with the items and the reason", async () => {
    await setRule(chat.db, STORE, "return", { windowHours: null });
    const s = guest();
    expect(await withCode(s, "I want to return order 2003", "katrin.hoffmann@example.com")).toContain(
      "Which items of #2003 are you sending back?",
    );
    expect(texts(await s.send(chip("tb:act_items:0,2")))).toContain("Why are you sending #2003 back?");
    expect(texts(await s.send(chip("tb:act_reason:not_as_described")))).toContain(
      "Request a return of 2 × Spring Bulb Collection (Tulips & Daffodils), 2 × Garlic Bulbs 'Thermidrome' 250 g from #2003",
    );
    const done = texts(await s.send(YES));
    expect(done).toContain("Your return request for #2003 is in.");
    expect(done.match(/Your return request/g)).toHaveLength(1);
    const notes = (e.data.notes?.["2003"] ?? []).map((n) => n.note);
    expect(
      notes.some((n) =>
        n.includes(
          "the shopper asked to return 2 × Spring Bulb Collection (Tulips & Daffodils), 2 × Garlic Bulbs 'Thermidrome' 250 g (reason: NOT_AS_DESCRIBED)",
        ),
      ),
    ).toBe(true);
    const [h] = await chat.db.handoffRequest.findMany({ where: { storeId: STORE } });
    expect(h).toMatchObject({
      reason: "return_refund",
      orderNumber: "2003",
      email: "katrin.hoffmann@example.com",
    });
    expect(h.message).toBe(
      "Return request for #2003 (not as described): 2 × Spring Bulb Collection (Tulips & Daffodils), 2 × Garlic Bulbs 'Thermidrome' 250 g",
    );
  });
});
