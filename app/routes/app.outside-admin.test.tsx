/**
 * /app opened straight in a browser (not inside Shopify admin): every /app loader answers the same
 * recognisable response before Shopify's auth runs, and the /app error boundary turns it into a page
 * that explains how to open the app — not a blank 410 "Unhandled Thrown Response".
 */
import { describe, expect, it } from "vitest";
import { renderToString } from "react-dom/server";
import { OutsideAdmin, OUTSIDE_ADMIN } from "../components/OutsideAdmin";
import * as layout from "./app";
import * as home from "./app._index";
import * as conversation from "./app.conversations.$id";

async function thrownBy(p: () => unknown): Promise<Response> {
  try {
    await p();
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
  throw new Error("expected a thrown Response");
}

const args = (url: string, ua = "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0") => ({
  request: new Request(url, { headers: { "user-agent": ua } }),
  params: { id: "c1" },
  context: {},
});

describe("/app outside Shopify admin", () => {
  it("the layout and page loaders answer 400 'outside admin' (also for headless browsers Shopify calls bots)", async () => {
    for (const [loader, url] of [
      [layout.loader, "https://trulybot.test/app"],
      [home.loader, "https://trulybot.test/app"],
      [conversation.loader, "https://trulybot.test/app/conversations/c1"],
    ] as const) {
      for (const ua of ["Mozilla/5.0 Chrome/131.0", "Mozilla/5.0 HeadlessChrome/131.0"]) {
        const res = await thrownBy(() => loader(args(url, ua) as never));
        expect(res.status).toBe(400);
        expect(await res.text()).toBe(OUTSIDE_ADMIN);
      }
    }
  });

  it("the page says how to open the app, with its own title", () => {
    const html = renderToString(<OutsideAdmin />);
    expect(html).toContain("Open TrulyBot from your Shopify admin");
    expect(html).toMatch(/Go to <strong>Apps<\/strong>/);
    const meta = layout.meta({ error: new Error("x") } as never) as { title: string }[];
    expect(meta[0]!.title).toBe("Open TrulyBot from your Shopify admin");
  });
});
