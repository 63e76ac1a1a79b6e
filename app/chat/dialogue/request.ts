/** Validation of POST {base}/messages bodies. Routes turn errors into 400 {"error": {code, message}}. */
import { MAX_TEXT_LENGTH, type MessagesRequest } from "../../protocol";

export type ParseResult =
  { ok: true; request: MessagesRequest } | { ok: false; error: { code: string; message: string } };

const fail = (code: string, message: string): ParseResult => ({ ok: false, error: { code, message } });

/**
 * Lone UTF-16 surrogates (valid in JSON escapes, invalid in UTF-8 databases) and NUL (which PostgreSQL
 * text cannot hold) become U+FFFD.
 */
function wellFormed(v: unknown, depth = 0): unknown {
  if (typeof v === "string") return v.toWellFormed().replaceAll("\u0000", "\uFFFD");
  if (depth >= 2 || !v || typeof v !== "object" || Array.isArray(v)) return v; // deeper values are rejected anyway
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, wellFormed(x, depth + 1)]));
}

/** The request with every string well-formed (for callers that did not come through parseMessagesRequest). */
export function wellFormedRequest(req: MessagesRequest): MessagesRequest {
  return wellFormed(req) as MessagesRequest;
}

type Fields = Record<string, unknown>;
type Step = (b: Fields, out: MessagesRequest) => ParseResult | null;

const present = (v: unknown) => v !== undefined && v !== null;

const conversation: Step = (b, out) => {
  if (present(b.conversationId)) {
    if (typeof b.conversationId !== "string" || !/^[A-Za-z0-9_-]{1,100}$/.test(b.conversationId))
      return fail("invalid_conversation_id", "conversationId must be an id string.");
    out.conversationId = b.conversationId;
  }
  if (present(b.conversationToken)) {
    if (typeof b.conversationToken !== "string" || !/^[A-Za-z0-9_-]{1,200}$/.test(b.conversationToken))
      return fail("invalid_conversation_token", "conversationToken must be the token string you were given.");
    out.conversationToken = b.conversationToken;
  }
  return null;
};

const textAndLocale: Step = (b, out) => {
  if (present(b.text)) {
    if (typeof b.text !== "string") return fail("invalid_text", "text must be a string.");
    if (b.text.length > MAX_TEXT_LENGTH)
      return fail("text_too_long", `text must be at most ${MAX_TEXT_LENGTH} characters.`);
    out.text = b.text;
  }
  if (present(b.locale)) {
    if (typeof b.locale !== "string" || !/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}$/.test(b.locale))
      return fail("invalid_locale", 'locale must be a language tag like "en" or "de-DE".');
    out.locale = b.locale;
  }
  return null;
};

const action: Step = (b, out) => {
  if (!present(b.action)) return null;
  const a = b.action as Fields;
  if (typeof a !== "object" || Array.isArray(a)) return fail("invalid_action", "action must be an object.");
  if (a.type === "quick_reply") {
    if (typeof a.value !== "string" || a.value.trim() === "" || a.value.length > 200)
      return fail("invalid_action", "quick_reply needs a value (at most 200 characters).");
    out.action = { type: "quick_reply", value: a.value };
    return null;
  }
  if (a.type !== "handoff_submit")
    return fail("invalid_action", "action.type must be quick_reply or handoff_submit.");
  // the email may be empty or absent: a verified conversation already has the contact
  if (present(a.email) && (typeof a.email !== "string" || a.email.length > 254))
    return fail("invalid_action", "handoff_submit's email must be a string of at most 254 characters.");
  if (typeof a.message !== "string" || a.message.length > MAX_TEXT_LENGTH)
    return fail("invalid_action", `handoff_submit needs a message of at most ${MAX_TEXT_LENGTH} characters.`);
  out.action = {
    type: "handoff_submit",
    email: typeof a.email === "string" ? a.email : "",
    message: a.message,
  };
  return null;
};

/** Validates a parsed JSON body of POST {base}/messages. */
export function parseMessagesRequest(input: unknown): ParseResult {
  const json = wellFormed(input);
  if (json === null || typeof json !== "object" || Array.isArray(json))
    return fail("invalid_body", "Body must be a JSON object.");
  const out: MessagesRequest = {};
  for (const step of [conversation, textAndLocale, action]) {
    const err = step(json as Fields, out);
    if (err) return err;
  }
  if (!out.action && (out.text === undefined || out.text.trim() === ""))
    return fail("empty_message", "Send a text or an action.");
  return { ok: true, request: out };
}

/** Raw body → ParseResult (bad JSON → "bad_json"). */
export function parseMessagesBody(raw: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return fail("bad_json", "Body is not valid JSON.");
  }
  return parseMessagesRequest(json);
}
