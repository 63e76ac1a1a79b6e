/**
 * The one-time code step: send a code to the email on the order (same reply whether or not the order
 * exists), accept it here, and mark the conversation code-verified for that order.
 */
import { normalizeOrderNumber } from "../verification";
import { pendingAction, setPendingAction, ACT, type PendingAction } from "./actions-state";
import { quickReplies, say, sayText } from "./replies";
import { tr, type Turn } from "./turn";

const CODE_RE = /^\s*(\d{3})[\s-]?(\d{3})\s*$/;

/** The 6 digits of a typed code ("123 456", "123-456"), else null. */
export function typedCode(text: string): string | null {
  const m = CODE_RE.exec(text);
  return m ? m[1] + m[2] : null;
}

/**
 * Offers a one-time code for the order (the step-up path and actions call this). The code is mailed
 * after the turn was committed, to the email the store has on the order.
 */
export async function offerCode(turn: Turn, orderNumber: string): Promise<void> {
  const ss = turn.ctx.selfService;
  const n = normalizeOrderNumber(orderNumber);
  if (!ss || !ss.sendsCodes) {
    say(turn, "action_no_handoff_nosupport", { n });
    return;
  }
  const { store, shopper, adapter } = turn.ctx;
  const allowance = await ss.reserveCode(store.id, n, shopper.key, shopper.networkKey ?? null);
  const prev = pendingAction(turn);
  const base: PendingAction =
    prev && prev.orderNumber === n
      ? prev
      : {
          step: "code",
          action: null,
          orderNumber: n,
          orderId: null,
          verification: null,
          nonce: turn.idGen(),
        };
  if (!allowance.allowed) {
    say(turn, "code_limited");
    quickReplies(turn, ["human"]);
    turn.state.offer = "rate_limited";
    setPendingAction(turn, { ...base, step: "code" });
    return;
  }
  const { conv, lang } = turn;
  turn.effects.push(() =>
    ss.sendCode({
      storeId: store.id,
      storeName: store.name,
      conversationId: conv.id,
      orderNumber: n,
      lang,
      findEmail: async () => {
        const r = await adapter.findOrder({ orderNumber: n });
        return r.kind === "found" && !r.order.test ? r.order.contact.email : null;
      },
    }),
  );
  say(turn, "code_sent");
  setPendingAction(turn, { ...base, step: "code" });
}

/** A typed code while one is expected: true when the code was accepted. */
export async function acceptCode(turn: Turn, p: PendingAction, code: string): Promise<boolean> {
  const ss = turn.ctx.selfService!;
  const r = await ss.checkCode({
    storeId: turn.ctx.store.id,
    conversationId: turn.conv.id,
    orderNumber: p.orderNumber,
    code,
  });
  if (r.ok) {
    say(turn, "code_ok");
    turn.patch.verified = true;
    return true;
  }
  if (r.reason === "wrong") sayText(turn, tr(turn, "code_wrong", { left: r.triesLeft }));
  else {
    say(turn, "code_expired");
    quickReplies(turn, ["human"]);
  }
  const chips = turn.messages.at(-1);
  if (chips?.type === "quick_replies")
    chips.quickReplies.unshift({ label: tr(turn, "qr_new_code"), value: ACT.newCode });
  else
    turn.messages.push({
      id: turn.idGen(),
      role: "bot",
      type: "quick_replies",
      quickReplies: [{ label: tr(turn, "qr_new_code"), value: ACT.newCode }],
    });
  return false;
}
