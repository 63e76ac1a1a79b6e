/** Error responses of the widget protocol: {"error": {"code", "message"}}. */
export function jsonError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ error: { code, message } }), {
    status,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      ...headers,
    },
  });
}

/**
 * The storefront API's error boundary: thrown Responses (e.g. from authenticate.public.appProxy)
 * pass through untouched; anything else — typically the database being briefly unavailable — becomes
 * a retryable 503 in the widget protocol's shape instead of Remix's HTML 500. Logged server-side.
 */
export async function storefrontBoundary(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (thrown) {
    if (thrown instanceof Response) throw thrown;
    console.error("[storefront] request failed:", (thrown as Error)?.message ?? thrown);
    return jsonError(
      503,
      "temporarily_unavailable",
      "We're having a technical hiccup. Please try again in a few seconds.",
      { "Retry-After": "5" },
    );
  }
}
