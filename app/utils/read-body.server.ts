/**
 * The raw body of a signed request (a webhook, a mail provider's post), read no further than a
 * limit: the signature is computed over these exact bytes, so they are read whole before anything
 * is parsed. Shared by the WooCommerce webhook intake and the inbound e-mail route.
 */

/** The body's bytes, or null when it is larger than `limit` (declared or read: reading stops there). */
export async function readBodyWithin(request: Request, limit: number): Promise<Buffer | null> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) return null;
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
