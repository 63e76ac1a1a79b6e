import type { ActionFunctionArgs } from "@remix-run/node";
import { understandForDemo } from "../chat/understand-endpoint";
import { MAX_TEXT_LENGTH } from "../protocol";
import { requireDemoMode } from "../demo/demo.server";
import { jsonError } from "../storefront/errors.server";

/** POST /demo/api/understand {text, locale?} → what the engine understood (CONTRACTS.md §3); nothing is looked up. */
export const action = async ({ request }: ActionFunctionArgs) => {
  requireDemoMode();
  if (request.method !== "POST") return jsonError(405, "method_not_allowed", "Use POST.");
  let body: { text?: unknown; locale?: unknown };
  try {
    body = JSON.parse(await request.text());
  } catch {
    return jsonError(400, "bad_json", "Body is not valid JSON.");
  }
  if (!body || typeof body.text !== "string" || !body.text.trim())
    return jsonError(400, "invalid_text", "text is required.");
  if (body.text.length > MAX_TEXT_LENGTH)
    return jsonError(400, "text_too_long", `text must be at most ${MAX_TEXT_LENGTH} characters.`);
  const locale = typeof body.locale === "string" ? body.locale.slice(0, 20) : undefined;
  return Response.json(understandForDemo(body.text, locale));
};

export const loader = () => jsonError(405, "method_not_allowed", "Use POST.");
