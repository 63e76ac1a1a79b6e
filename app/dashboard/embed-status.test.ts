import { describe, expect, it } from "vitest";
import {
  embedDeepLink,
  embedEnabledFromSettingsData,
  settingsDataFromResponse,
  stripJsonComments,
} from "./embed-status";

const HEADER = `/*
 * ------------------------------------------------------------
 * IMPORTANT: The contents of this file are auto-generated.
 * ------------------------------------------------------------
 */
`;

const settings = (blocks: Record<string, unknown>) =>
  HEADER + JSON.stringify({ current: { colors: "x", blocks } }, null, 2);
const EMBED = "shopify://apps/trulybot-commerce/blocks/trulybot-embed/0b1f3e4c-1111-4a2b-9c3d-123456789abc";

describe("embedEnabledFromSettingsData", () => {
  it("is on when the TrulyBot embed block is present and not disabled (with Shopify's comment header)", () => {
    expect(
      embedEnabledFromSettingsData(settings({ "1234": { type: EMBED, disabled: false, settings: {} } })),
    ).toBe(true);
    expect(embedEnabledFromSettingsData(settings({ "1234": { type: EMBED, settings: {} } }))).toBe(true);
  });

  it("is off when the block is disabled, missing, or belongs to another app", () => {
    expect(embedEnabledFromSettingsData(settings({ "1234": { type: EMBED, disabled: true } }))).toBe(false);
    expect(embedEnabledFromSettingsData(settings({}))).toBe(false);
    expect(
      embedEnabledFromSettingsData(
        settings({ a: { type: "shopify://apps/other/blocks/chat/abc", disabled: false } }),
      ),
    ).toBe(false);
    expect(embedEnabledFromSettingsData(HEADER + JSON.stringify({ current: {} }))).toBe(false);
  });

  it("finds the block among others and when `current` names a preset", () => {
    const text = JSON.stringify({
      current: "Default",
      presets: {
        Default: {
          blocks: {
            x: { type: "shopify://apps/reviews/blocks/stars/1", disabled: false },
            y: { type: EMBED, disabled: false },
          },
        },
      },
    });
    expect(embedEnabledFromSettingsData(text)).toBe(true);
  });

  it("keeps string contents with comment-like text intact", () => {
    const text = JSON.stringify({
      current: { blocks: { a: { type: EMBED, settings: { note: "see http://x.test/* not a comment */" } } } },
    });
    expect(stripJsonComments(text)).toBe(text);
    expect(embedEnabledFromSettingsData(text)).toBe(true);
  });

  it("is unknown (null) for unreadable content so the last known value is kept", () => {
    expect(embedEnabledFromSettingsData(null)).toBeNull();
    expect(embedEnabledFromSettingsData("")).toBeNull();
    expect(embedEnabledFromSettingsData("{not json")).toBeNull();
  });
});

describe("settingsDataFromResponse", () => {
  it("reads the content of the main theme's settings_data.json from the Admin GraphQL answer", () => {
    const body = {
      data: {
        themes: {
          nodes: [
            {
              id: "gid://shopify/OnlineStoreTheme/1",
              name: "Dawn",
              files: { nodes: [{ body: { content: "{}" } }] },
            },
          ],
        },
      },
    };
    expect(settingsDataFromResponse(body)).toBe("{}");
    expect(settingsDataFromResponse({ data: { themes: { nodes: [] } } })).toBeNull();
    expect(settingsDataFromResponse({ errors: [{ message: "Access denied for themes field." }] })).toBeNull();
  });
});

describe("embedDeepLink", () => {
  it("opens the theme editor's app embeds with TrulyBot's embed selected", () => {
    expect(embedDeepLink("demo.myshopify.com", "abc123")).toBe(
      "https://demo.myshopify.com/admin/themes/current/editor?context=apps&activateAppId=abc123/trulybot-embed",
    );
  });
});
