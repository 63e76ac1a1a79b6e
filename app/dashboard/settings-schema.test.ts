import { describe, expect, it } from "vitest";
import { businessHoursText, validateBotSettings } from "./settings-schema";

function form(over: Record<string, string | string[]> = {}): FormData {
  const base: Record<string, string | string[]> = {
    name: "Ava",
    greeting: "Hi there!",
    accentColor: "#FF6600",
    position: "left",
    launcherLabel: "Chat",
    languages: ["en", "es"],
    orderTracking: "true",
    handoffEmail: "",
    businessHours: "Mon–Fri 9–5",
    ...over,
  };
  const f = new FormData();
  for (const [k, v] of Object.entries(base)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
  return f;
}

describe("validateBotSettings", () => {
  it("accepts a valid form and normalizes colour, email and empty fields", () => {
    const r = validateBotSettings(form({ accentColor: "F60", handoffEmail: " Help@Shop.test " }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.values).toMatchObject({
      accentColor: "#ff6600",
      position: "left",
      languages: ["en", "es"],
      orderTracking: true,
      handoffEmail: "help@shop.test",
    });
    const empty = validateBotSettings(form({ businessHours: "  ", orderTracking: "false" }));
    expect(empty.ok && empty.values.businessHours).toBeNull();
    expect(empty.ok && empty.values.orderTracking).toBe(false);
  });

  it("returns one message per invalid field", () => {
    const r = validateBotSettings(
      form({
        name: " ",
        accentColor: "blue",
        position: "top",
        languages: [],
        handoffEmail: "nope",
        greeting: "x".repeat(301),
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.name).toBe("Bot name is required");
    expect(r.errors.accentColor).toMatch(/hex colour/);
    expect(r.errors.position).toBe("Choose left or right");
    expect(r.errors.languages).toBe("Choose at least one language");
    expect(r.errors.handoffEmail).toMatch(/valid email/);
    expect(r.errors.greeting).toMatch(/at most 300/);
    expect(r.errors.launcherLabel).toBeUndefined();
  });

  it("rejects languages the bot does not speak", () => {
    const r = validateBotSettings(form({ languages: ["en", "ja"] }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.languages).toBe("Unknown language");
  });
});

describe("businessHoursText", () => {
  it("reads the engine's JSON {text} shape", () => {
    expect(businessHoursText(JSON.stringify({ text: "9-5" }))).toBe("9-5");
    expect(businessHoursText("not json")).toBe("");
    expect(businessHoursText(null)).toBe("");
  });
});
