/**
 * Is the TrulyBot app embed switched on in the shop's live theme?
 *
 * Shopify stores app-embed state in the main theme's `config/settings_data.json`: every app embed
 * the merchant ever toggled is a block under `current.blocks` whose `type` is
 * `shopify://apps/<app-handle>/blocks/trulybot-embed/<uuid>`; switched-off embeds carry
 * `"disabled": true`. The file may start with a `/* … *\/` comment, and `current` may be the name
 * of a preset instead of an object. Pure: tests and the Home loader use it.
 */

/** Admin GraphQL: the live (MAIN) theme's settings_data.json. Needs the read_themes scope. */
export const EMBED_STATUS_QUERY = `#graphql
  query TrulyBotEmbedStatus {
    themes(first: 1, roles: [MAIN]) {
      nodes {
        id
        name
        files(filenames: ["config/settings_data.json"], first: 1) {
          nodes {
            body {
              ... on OnlineStoreThemeFileBodyText {
                content
              }
            }
          }
        }
      }
    }
  }`;

export const EMBED_BLOCK_HANDLE = "trulybot-embed";

/** Strip leading/trailing block and line comments Shopify writes around settings_data.json. */
export function stripJsonComments(text: string): string {
  let out = "";
  let i = 0;
  let inString = false;
  while (i < text.length) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === "\\") {
        out += text[i + 1] ?? "";
        i += 2;
        continue;
      }
      if (c === '"') inString = false;
      i++;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
      i++;
      continue;
    }
    if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end === -1 ? text.length : end + 2;
      continue;
    }
    if (c === "/" && text[i + 1] === "/") {
      const end = text.indexOf("\n", i + 2);
      i = end === -1 ? text.length : end;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

type Blocks = Record<string, { type?: unknown; disabled?: unknown } | null | undefined>;

function blocksOf(settings: unknown): Blocks | null {
  if (!settings || typeof settings !== "object") return null;
  const s = settings as { current?: unknown; presets?: Record<string, unknown> };
  let current = s.current;
  if (typeof current === "string") current = s.presets?.[current];
  if (!current || typeof current !== "object") return null;
  const blocks = (current as { blocks?: unknown }).blocks;
  return blocks && typeof blocks === "object" ? (blocks as Blocks) : null;
}

/**
 * true when an enabled TrulyBot embed block is present, false when it is absent or disabled,
 * null when the content cannot be read (so the caller keeps its last known value).
 */
export function embedEnabledFromSettingsData(content: string | null | undefined): boolean | null {
  if (typeof content !== "string" || !content.trim()) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(stripJsonComments(content));
  } catch {
    return null;
  }
  const blocks = blocksOf(parsed);
  if (!blocks) return false;
  return Object.values(blocks).some((b) => {
    if (!b || typeof b.type !== "string") return false;
    if (!b.type.includes(`/blocks/${EMBED_BLOCK_HANDLE}/`)) return false;
    return b.disabled !== true && b.disabled !== "true";
  });
}

/** Pull settings_data.json's text out of the EMBED_STATUS_QUERY response body (`{data: …}` or `data`). */
export function settingsDataFromResponse(json: unknown): string | null {
  const root = (json as { data?: unknown })?.data ?? json;
  const themes = (root as { themes?: { nodes?: unknown[] } })?.themes?.nodes;
  if (!Array.isArray(themes) || themes.length === 0) return null;
  const files = (themes[0] as { files?: { nodes?: unknown[] } })?.files?.nodes;
  if (!Array.isArray(files) || files.length === 0) return null;
  const content = (files[0] as { body?: { content?: unknown } })?.body?.content;
  return typeof content === "string" ? content : null;
}

/** Theme-editor deep link that opens the App embeds panel with TrulyBot's embed ready to switch on. */
export function embedDeepLink(shop: string, apiKey: string): string {
  return `https://${shop}/admin/themes/current/editor?context=apps&activateAppId=${encodeURIComponent(apiKey)}/${EMBED_BLOCK_HANDLE}`;
}
