/** Pipeline step: handing the conversation to a person (form, free-text details, the request itself). */
import type { MessageKey } from "../i18n";
import type { HandoffReason } from "../repository";
import { maskEmail } from "../verification";
import { clarifyLabel } from "./clarify";
import { commandLabel, handoffCreated, handoffForm, hasHandoffMessage, sayText } from "./replies";
import type { PendingHandoff } from "./state";
import { isEmail, tr, type Turn } from "./turn";

/** The pending handoff, or a new one with the verified order (and its contact) as context. */
function pendingHandoff(turn: Turn, reason: HandoffReason): PendingHandoff {
  const lv = turn.state.lastVerified;
  return (
    turn.state.handoff ?? {
      reason,
      email: lv?.email ?? null,
      message: null,
      orderNumber: lv?.number ?? turn.state.flow?.orderNumber ?? null,
      order: lv?.order ?? null,
    }
  );
}

function handoffDisabled(turn: Turn): void {
  const { store } = turn.ctx;
  sayText(
    turn,
    store.supportEmail
      ? tr(turn, "handoff_disabled_support", { support: store.supportEmail })
      : tr(turn, "handoff_disabled"),
  );
  turn.state.awaiting = turn.state.flow ? turn.state.awaiting : null;
}

/** Opens the handoff form; asks only for what the conversation does not know yet. */
export function startHandoff(turn: Turn, reason: HandoffReason): void {
  if (!turn.ctx.store.settings.handoffEnabled) return handoffDisabled(turn);
  const lv = turn.state.lastVerified;
  turn.state.handoff = {
    reason,
    email: lv?.email ?? null,
    message: null,
    orderNumber: lv?.number ?? turn.state.flow?.orderNumber ?? null,
    order: lv?.order ?? null,
  };
  turn.state.offer = null;
  turn.state.awaiting = "handoff_details";
  askForMissing(turn);
}

/** The form for what the pending handoff still lacks. */
function askForMissing(turn: Turn, bad = false): void {
  const h = turn.state.handoff!;
  if (bad) handoffForm(turn, "handoff_bad_email", h.message ? ["email"] : ["email", "message"]);
  else if (!h.email && !h.message) handoffForm(turn, "handoff_ask", ["email", "message"]);
  else if (!h.email) handoffForm(turn, "handoff_ask_email", ["email"]);
  else handoffForm(turn, "handoff_ask_message", ["message"]);
}

/**
 * Whether the team is told by email (a notifier — SMTP configured — and an address to send to). Without
 * one the handoff only appears on the dashboard, and the shopper is not promised a reply by email.
 */
export function mailsTheTeam(turn: Turn): boolean {
  const { notifier, store } = turn.ctx;
  return !!notifier && !!(store.settings.handoffEmail || store.supportEmail);
}

/** Creates the handoff (after the commit, with the stored transcript) and tells the shopper. */
export function createHandoff(
  turn: Turn,
  h: PendingHandoff & { email: string; message: string },
  replyKey: MessageKey | null,
  replyVars: Record<string, string> = {},
): void {
  const { store } = turn.ctx;
  const handoffId = turn.idGen();
  const createdAt = turn.now();
  const masked = maskEmail(h.email);
  let text = replyKey
    ? tr(turn, replyKey, { email: masked, ...replyVars })
    : tr(turn, mailsTheTeam(turn) ? "handoff_done" : "handoff_done_nomail", { email: masked });
  if (store.settings.businessHours)
    text += " " + tr(turn, "handoff_hours", { hours: store.settings.businessHours });
  handoffCreated(turn, text, handoffId);
  turn.state.handoff = null;
  turn.state.offer = null;
  turn.state.awaiting = null;
  turn.patch.status = "handed_off";
  turn.patch.outcome = "handoff";
  turn.handoff = () => storeHandoff(turn, h, handoffId, createdAt);
}

/**
 * A stored message as the team reads it: a button's code (tb:…, from a chip the bot no longer knows)
 * becomes its label, or a placeholder the e-mail leaves out — never the internal code.
 */
function transcriptText(turn: Turn, m: { text: string | null; type: string }): string {
  if (m.text?.startsWith("tb:"))
    return commandLabel(turn, m.text) ?? clarifyLabel(turn, m.text) ?? "[button]";
  return m.text ?? (m.type === "order" ? "[order card]" : `[${m.type}]`);
}

async function storeHandoff(
  turn: Turn,
  h: PendingHandoff & { email: string; message: string },
  handoffId: string,
  createdAt: Date,
): Promise<void> {
  const { repo, store, notifier, shopper } = turn.ctx;
  const transcript = (await repo.listMessages(turn.conv.id)).slice(-50).map((m) => ({
    role: m.role,
    text: transcriptText(turn, m),
    at: m.createdAt.toISOString(),
  }));
  const record = await repo.createHandoff({
    id: handoffId,
    storeId: store.id,
    conversationId: turn.conv.id,
    customerId: shopper.customerId,
    email: h.email.trim(),
    message: h.message,
    reason: h.reason,
    orderNumber: h.orderNumber,
    orderContext: h.order,
    transcript,
    createdAt,
  });
  await repo.recordEvent({
    storeId: store.id,
    conversationId: turn.conv.id,
    type: "handoff_created",
    value: null,
    createdAt,
  });
  const to = store.settings.handoffEmail || store.supportEmail;
  if (!notifier || !to) return; // mailsTheTeam() is false: the shopper was told so
  try {
    await notifier.notifyHandoff({ handoff: record, storeName: store.name, to, order: h.order });
    await repo.markHandoffNotified(record.id, turn.now());
  } catch (err) {
    console.error("[trulybot] handoff email failed", (err as Error).message);
  }
}

/**
 * The handoff form was submitted. A verified conversation already knows the email (the form then
 * sends `email: ""`); a typed message is never lost when something else is missing.
 */
export function submitHandoffForm(turn: Turn, form: { email?: string; message: string }): void {
  if (!turn.ctx.store.settings.handoffEnabled) return startHandoff(turn, "shopper_request");
  const base = pendingHandoff(turn, turn.state.offer ?? "shopper_request");
  const typed = (form.email ?? "").trim();
  const email = typed || base.email;
  const message = form.message.trim() || base.message;
  turn.state.awaiting = "handoff_details";
  if (!isEmail(email)) {
    turn.state.handoff = { ...base, email: null, message: message || null };
    return askForMissing(turn, typed !== "");
  }
  if (!message) {
    turn.state.handoff = { ...base, email, message: null };
    return askForMissing(turn);
  }
  createHandoff(turn, { ...base, email, message }, null);
}

const ONLY_EMAIL_WORDS = /^(my )?e-?mail( is)?$/i;

/** Free text while the form is open: an email and/or the message for the team. */
export function collectHandoffDetails(turn: Turn): void {
  const h = turn.state.handoff!;
  const ent = turn.understanding!.entities;
  let email = h.email;
  let message = h.message;
  let rest = turn.text;
  if (ent.email) {
    email = ent.email.trim();
    rest = turn.text
      .replace(ent.email, " ")
      .replace(/\s+/g, " ")
      .replace(/^[\s,.;:-]+|[\s,.;:-]+$/g, "");
  }
  if (rest.length >= 3 && !(ent.email && ONLY_EMAIL_WORDS.test(rest)))
    message = message ? `${message}\n${rest}` : rest;
  if (email && !isEmail(email)) {
    turn.state.handoff = { ...h, email: null, message };
    handoffForm(turn, "handoff_bad_email", ["email"]);
  } else if (email && message) {
    createHandoff(turn, { ...h, email, message }, null);
  } else {
    turn.state.handoff = { ...h, email, message };
    if (email) handoffForm(turn, "handoff_ask_message", ["message"]);
    else handoffForm(turn, "handoff_ask_email", ["email"]);
  }
  turn.intent = "handoff_details";
}

/** After an answer while the form was open: show the form again so it is not lost. */
export function keepFormOpen(turn: Turn): void {
  if (turn.state.awaiting === "handoff_details" && turn.state.handoff && !hasHandoffMessage(turn))
    askForMissing(turn);
}
