/**
 * Minimal fetch over node:https that trusts a given CA (the emulator's self-signed test cert).
 * Node's global fetch cannot take a CA without an undici dispatcher. Test-only.
 */
import { request } from "node:https";
import type { FetchLike } from "../../../app/platforms/woocommerce/client";

export function httpsFetchTrusting(ca: string | Buffer): FetchLike {
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const u = new URL(input);
      const headers: Record<string, string> = {};
      const h = init?.headers;
      if (h && typeof h === "object" && !(h instanceof Headers) && !Array.isArray(h))
        Object.assign(headers, h as Record<string, string>);
      const req = request(
        {
          protocol: u.protocol,
          hostname: u.hostname,
          port: u.port,
          path: u.pathname + u.search,
          method: init?.method ?? "GET",
          headers,
          ca,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const out = new Headers();
            for (const [k, v] of Object.entries(res.headers))
              if (v !== undefined) out.set(k, Array.isArray(v) ? v.join(", ") : String(v));
            resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers: out }));
          });
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      init?.signal?.addEventListener("abort", () => req.destroy(new DOMException("aborted", "AbortError")));
      req.end();
    });
}
