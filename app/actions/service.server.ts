/** The self-service parts of a turn, over the database, the mailer and the platform adapter. */
import type { Db } from "../db.server";
import type { PlatformAdapter } from "../platforms/types";
import {
  checkCode,
  codeVerifiedAt,
  createCode,
  reserveSend,
  type CodeMailer,
  type OtpDeps,
} from "../verification/otp.server";
import { markStale, plainId } from "../platforms/mirror/rows.server";
import { runAction } from "./execute.server";
import { loadActionRules } from "./rules.server";
import type { SelfService } from "./service";

export interface SelfServiceParts {
  db: Db;
  adapter: PlatformAdapter;
  mailer: CodeMailer | null;
  /** HMAC key for codes (tests); defaults to the app key ring */
  key?: string | null;
  now?: () => Date;
  /** called with each mail send's promise (tests await it; production lets it run) */
  onMail?: (p: Promise<void>) => void;
}

export function createSelfService(parts: SelfServiceParts): SelfService {
  const deps: OtpDeps = { db: parts.db, key: parts.key ?? null, now: parts.now };
  return {
    sendsCodes: parts.mailer !== null,
    rules: (storeId) => loadActionRules(parts.db, storeId),
    reserveCode: (storeId, orderNumber, shopperKey, networkKey) =>
      reserveSend(deps, storeId, orderNumber, shopperKey, networkKey),
    async sendCode(input) {
      const email = await input.findEmail().catch(() => null);
      if (!email || !parts.mailer) return;
      const code = await createCode(deps, input);
      // not awaited: the reply must not take longer when the order exists
      const p = parts.mailer
        .sendCode({
          to: email,
          storeName: input.storeName,
          orderNumber: input.orderNumber,
          code,
          lang: input.lang,
        })
        .catch(() => undefined);
      parts.onMail?.(p);
    },
    checkCode: (input) => checkCode(deps, input),
    async codeVerified(storeId, conversationId, orderNumber) {
      return (await codeVerifiedAt(deps, { storeId, conversationId, orderNumber })) !== null;
    },
    async lastAction(conversationId) {
      const r = await parts.db.orderAction.findFirst({
        where: { conversationId },
        orderBy: { createdAt: "desc" },
      });
      return r
        ? {
            action: r.action,
            orderNumber: r.orderNumber,
            status: r.status,
            after: r.after ? (JSON.parse(r.after) as unknown) : null,
          }
        : null;
    },
    async notifyMerchant({ to, storeName, run, summary }) {
      if (!parts.mailer) return;
      const subject = `[${storeName}] Self-service: ${run.action} on order #${run.orderNumber}`;
      const text = [
        `A shopper used self-service in the ${storeName} chat.`,
        "",
        `Order: #${run.orderNumber}`,
        `Action: ${run.action}`,
        `Verified by: ${run.verification === "code" ? "one-time code sent to the order's email" : "signed-in customer"}`,
        "",
        summary,
        "",
        `Reference: ${run.idempotencyKey}`,
      ].join("\n");
      const p = parts.mailer.sendText({ to, subject, text }).catch(() => undefined);
      parts.onMail?.(p);
    },
    async run(run) {
      const actions = parts.adapter.actions;
      if (!actions) return { status: "failed", reason: "unsupported" };
      const outcome = await runAction(parts.db, actions, run);
      // the order changed (or the store says it did meanwhile): the next lookup asks the store, not
      // a mirrored copy that a webhook has not refreshed yet
      if (outcome.status === "done" || outcome.status === "refused")
        await markStale(parts.db, run.storeId, plainId(run.orderId)).catch(() => undefined);
      return outcome;
    },
  };
}
