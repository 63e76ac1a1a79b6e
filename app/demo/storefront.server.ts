/**
 * Demo storefront pages (/demo/storefront/shopify|woocommerce): plain server-rendered HTML like a
 * theme page, with the real widget loaded exactly as the theme app embed / the plugin load it.
 * `?widget=0` renders the same page without the widget (the Lighthouse baseline in `npm run bench`).
 */
import fs from "node:fs";
import path from "node:path";
import { requireDemoMode } from "./demo.server";

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const STORES = {
  shopify: {
    name: "Demo Outfitters",
    tagline: "Outdoor clothing and gear — ships from Columbus, OH",
    lang: "en",
    proxyBase: "/demo/proxy/shopify",
    accent: "#1a73e8",
    customer: { id: "7700000000001", label: "Alice Johnson (demo account)" },
    products: [
      ["Trailhead Rain Shell", "$189.00"],
      ["Ridgeline 2P Tent", "$329.00"],
      ["Summit Daypack 24L", "$89.00"],
      ["Insulated Bottle 1L", "$34.00"],
    ],
    hint: "Try: “where is my order #1002?” then marcus.reed@example.net — or #1004 with alice.johnson@example.com",
  },
  woocommerce: {
    name: "Demo Woo Garden",
    tagline: "Garden tools, seeds and bulbs — shipped from Berlin",
    lang: "en",
    proxyBase: "/demo/proxy/woocommerce",
    accent: "#2e7d32",
    customer: { id: "5", label: "Lena Schmidt (customer 5)" },
    products: [
      ["Hori-Hori Garden Knife", "€34.90"],
      ["Raised Bed Kit 120×60", "€149.00"],
      ["Tulip Bulb Mix (30)", "€12.95"],
      ["Hedge Shears Pro", "€39.90"],
    ],
    hint: "Try: “Wo ist meine Bestellung 2002?” then tobias.wagner@example.net — or 2004 with felix.bauer@example.net",
  },
} as const;

export type DemoPlatform = keyof typeof STORES;

function customerFromCookie(request: Request, platform: DemoPlatform) {
  const m = new RegExp(`(?:^|;\\s*)demo_customer_${platform}=(\\d+)`).exec(
    request.headers.get("cookie") ?? "",
  );
  return m ? m[1] : null;
}

export function demoStorefrontPage(request: Request, platform: DemoPlatform): Response {
  requireDemoMode();
  const s = STORES[platform];
  const url = new URL(request.url);
  const withWidget = url.searchParams.get("widget") !== "0";
  // ?proactive=1: the embed's "proactive notes" switch on (the launcher asks for an at-risk note)
  const proactive = url.searchParams.get("proactive") === "1";
  const signedIn = customerFromCookie(request, platform) === s.customer.id;
  const products = s.products
    .map(
      ([n, p], i) =>
        `<li class="card"><div class="ph" style="background:hsl(${(i * 67 + (platform === "shopify" ? 200 : 110)) % 360} 35% 82%)" role="img" aria-label="${esc(n)}"></div><h3>${esc(n)}</h3><p>${esc(p)}</p></li>`,
    )
    .join("");
  const widget = withWidget
    ? `<script src="/demo/widget/trulybot-launcher.js" defer data-proxy-base="${s.proxyBase}" data-panel-src="/demo/widget/trulybot-panel.js" data-locale="${s.lang}" data-accent="${s.accent}" data-position="right"${proactive ? ' data-proactive="true"' : ""}></script>`
    : "";
  const html = `<!doctype html>
<html lang="${s.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(s.name)} — demo storefront</title>
<link rel="icon" href="data:,">
<meta name="description" content="${esc(s.tagline)}">
<style>
  :root{color-scheme:light dark;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
  body{margin:0;background:Canvas;color:CanvasText;line-height:1.5}
  header{padding:1rem 1.5rem;border-bottom:1px solid #8884;display:flex;gap:1rem;align-items:center;justify-content:space-between;flex-wrap:wrap}
  header h1{font-size:1.25rem;margin:0}
  main{max-width:960px;margin:0 auto;padding:1.5rem}
  .hint{background:#8881;border-radius:8px;padding:.75rem 1rem}
  ul.grid{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:1rem}
  .card{border:1px solid #8884;border-radius:10px;padding:.75rem}
  .card h3{font-size:1rem;margin:.5rem 0 0}.card p{margin:.25rem 0 0}
  .ph{aspect-ratio:4/3;border-radius:6px}
  form{display:inline}
  button.link{font:inherit;background:none;border:1px solid #8886;border-radius:6px;padding:.3rem .6rem;cursor:pointer;color:inherit}
</style>
</head>
<body>
<header>
  <h1>${esc(s.name)}</h1>
  <form method="post" action="/demo/storefront/${platform}">
    <input type="hidden" name="customer" value="${signedIn ? "" : s.customer.id}">
    <button class="link" type="submit">${signedIn ? `Signed in as ${esc(s.customer.label)} — sign out` : `Sign in as ${esc(s.customer.label)}`}</button>
  </form>
</header>
<main>
  <p>${esc(s.tagline)}</p>
  <p class="hint">${esc(s.hint)}</p>
  <h2>Bestsellers</h2>
  <ul class="grid">${products}</ul>
  <p><a href="/demo">← all demo pages</a></p>
</main>
${widget}
</body>
</html>`;
  return new Response(html, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export async function demoStorefrontLogin(request: Request, platform: DemoPlatform): Promise<Response> {
  requireDemoMode();
  const form = await request.formData();
  const id = String(form.get("customer") ?? "");
  const value = /^\d{1,20}$/.test(id) ? id : "";
  return new Response(null, {
    status: 303,
    headers: {
      Location: `/demo/storefront/${platform}`,
      "Set-Cookie": `demo_customer_${platform}=${value}; Path=/; SameSite=Lax; HttpOnly${value ? "" : "; Max-Age=0"}`,
    },
  });
}

const WIDGET_DIR = path.join(process.cwd(), "extensions", "trulybot-chat", "assets");

export function demoWidgetFile(file: string): Response {
  requireDemoMode();
  if (!/^trulybot-(launcher|panel)\.js$/.test(file)) return new Response("Not Found", { status: 404 });
  const p = path.join(WIDGET_DIR, file);
  if (!fs.existsSync(p)) return new Response("widget not built: run npm run build:widget", { status: 404 });
  return new Response(fs.readFileSync(p), {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
