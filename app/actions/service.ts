/** What the dialogue needs from self-service (implemented by ./service.server.ts over the database). */
import type { ActionOutcome, ActionRun } from "./execute.server";
import type { ActionRules } from "./types";
import type { CheckResult, SendAllowance } from "../verification/otp.server";

export interface SelfService {
  /** false when no mail can be sent (no SMTP_URL): no code can reach a shopper, so none is offered */
  sendsCodes: boolean;
  rules(storeId: string): Promise<ActionRules>;
  /** counts a code send against the order's (per network) and shopper's limits (decided before the reply) */
  reserveCode(
    storeId: string,
    orderNumber: string,
    shopperKey: string,
    networkKey?: string | null,
  ): Promise<SendAllowance>;
  /** looks the order up and mails a fresh code to the email on it; silently nothing when there is none */
  sendCode(input: {
    storeId: string;
    storeName: string;
    conversationId: string;
    orderNumber: string;
    lang: string;
    findEmail: () => Promise<string | null>;
  }): Promise<void>;
  checkCode(input: {
    storeId: string;
    conversationId: string;
    orderNumber: string;
    code: string;
  }): Promise<CheckResult>;
  codeVerified(storeId: string, conversationId: string, orderNumber: string): Promise<boolean>;
  run(run: ActionRun): Promise<ActionOutcome>;
  /** the merchant's email about a finished action (when the rule asks for it) */
  notifyMerchant(input: { to: string; storeName: string; run: ActionRun; summary: string }): Promise<void>;
  /** the newest action of the conversation (a repeated confirm reports its result) */
  lastAction(
    conversationId: string,
  ): Promise<{ action: string; orderNumber: string; status: string; after: unknown } | null>;
}
