/**
 * POST /demo/api/understand and the dashboard's "test a question" (CONTRACTS.md §3):
 * what the engine understood — nothing is looked up.
 */
import type { Intent, Language } from "../protocol";
import { MAX_TEXT_LENGTH } from "../protocol";
import { understand } from "./understand/index";

export interface UnderstandResult {
  intent: Intent;
  confidence: number;
  language: Language;
  entities: { orderNumber: string | null; email: string | null; phone: string | null };
}

export function understandForDemo(text: string, locale?: string | null): UnderstandResult {
  const u = understand(String(text ?? "").slice(0, MAX_TEXT_LENGTH), locale ? { locale } : {});
  const confidence = Math.max(0, Math.min(1, Number.isFinite(u.confidence) ? u.confidence : 0));
  return {
    intent: u.intent,
    confidence: Math.round(confidence * 100) / 100,
    language: u.language,
    entities: {
      orderNumber: u.entities.orderNumber ?? null,
      email: u.entities.email ?? null,
      phone: u.entities.phone ?? null,
    },
  };
}

/** Validates {"text", "locale"?}; error → 400. */
export function parseUnderstandRequest(
  json: unknown,
):
  | { ok: true; text: string; locale: string | null }
  | { ok: false; error: { code: string; message: string } } {
  if (!json || typeof json !== "object" || Array.isArray(json))
    return { ok: false, error: { code: "invalid_body", message: "Body must be a JSON object." } };
  const b = json as Record<string, unknown>;
  if (typeof b.text !== "string" || b.text.trim() === "")
    return { ok: false, error: { code: "invalid_text", message: "text must be a non-empty string." } };
  if (b.text.length > MAX_TEXT_LENGTH)
    return {
      ok: false,
      error: { code: "text_too_long", message: `text must be at most ${MAX_TEXT_LENGTH} characters.` },
    };
  if (b.locale !== undefined && b.locale !== null && typeof b.locale !== "string")
    return { ok: false, error: { code: "invalid_locale", message: "locale must be a string." } };
  return { ok: true, text: b.text, locale: (b.locale as string | undefined) ?? null };
}
