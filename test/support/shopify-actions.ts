/**
 * Shared set-up of the Shopify self-service tests (app/actions/shopify-actions-*.db.test.ts): the Admin
 * emulator (a new one per test), the Prisma repository, a real SMTP server emptied before each test, and a
 * clock the test may move (`h.clock = …`, back to DEMO_NOW before each test). Call it once at the top of a
 * test file: it registers the hooks.
 */
import { afterEach, beforeEach, expect } from "vitest";
import { useChatDatabase } from "./chat-database";
import { DEMO_STORE_IDS } from "./chat";
import {
  DEMO_NOW,
  startShopifyAdminEmulator,
  type ShopifyAdminEmulator,
} from "../emulators/shopify-admin/emulator";
import {
  clearSelfService,
  codeFromMailbox,
  shopifyAdapter,
  shopifyGuest,
  type Shopper,
  texts,
  useMailbox,
} from "./self-service";
import type { PlatformAdapter } from "../../app/platforms/types";

export const STORE = DEMO_STORE_IDS.shopify;
export const ALICE = "alice.johnson@example.com";

type GuestOptions = {
  shopperKey?: string;
  customerId?: string;
  networkKey?: string;
  smtpUrl?: string | null;
};

export function useShopifyActionsHarness() {
  const chat = useChatDatabase();
  const mailbox = useMailbox({ emptyBeforeEach: true });
  let emulator: ShopifyAdminEmulator | undefined;
  let clock: Date = DEMO_NOW;

  beforeEach(async () => {
    emulator = await startShopifyAdminEmulator({ now: DEMO_NOW, bucket: { restoreRate: 5000 } });
    clock = DEMO_NOW;
    await clearSelfService(chat.db);
  });
  afterEach(async () => {
    await emulator?.close();
  });

  const h = {
    chat,
    mailbox,
    /** this test's Admin emulator */
    get e(): ShopifyAdminEmulator {
      if (!emulator) throw new Error("useShopifyActionsHarness(): the emulator is started in beforeEach");
      return emulator;
    },
    /** what the code sees as now; a test may move it */
    get clock(): Date {
      return clock;
    },
    set clock(d: Date) {
      clock = d;
    },
    order: (name: string) => h.e.store.orders.find((o) => o.name === name)! as Record<string, unknown>,
    mutations: (op: string) => h.e.requests.filter((r) => r.operationName === op).length,
    /** a guest on the demo store, its codes mailed to the mailbox (`smtpUrl: null`: no mail) */
    guest(adapter: PlatformAdapter = shopifyAdapter(h.e), over: GuestOptions = {}) {
      return shopifyGuest(chat.db, h.e, mailbox.url, { adapter, now: () => clock, ...over });
    },
    /** Asks to cancel #n with the order's email, reads the code from the mailbox and types it. */
    async verifiedWithCode(s: Shopper, intent: string, email = ALICE) {
      await s.send(intent);
      const asked = texts(await s.send(email));
      expect(asked).toContain("If that order exists, a code is on its way to the email on it");
      const code = await codeFromMailbox(mailbox.mails, email, s.mailsPending);
      return texts(await s.send(code));
    },
  };
  return h;
}
