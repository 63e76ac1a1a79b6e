/**
 * The dashboard pages Bot settings and FAQ render (server-side, as on first load) inside both shells
 * without React or Polaris warnings, and show the data a merchant needs.
 * Fixtures in test/support/dashboard-pages.ts.
 */
import { describe, expect, it } from "vitest";
import { collectConsoleProblems } from "../../../test/support/render-page";
import { botSettings, render, store, text } from "../../../test/support/dashboard-pages";
import type { FaqData } from "../../dashboard/types";
import { BotSettingsPage, FaqPage } from "./index";

collectConsoleProblems();

describe("dashboard pages", () => {
  it("Bot settings: fields, inline errors and the live preview in the chosen colour", async () => {
    const data = botSettings(
      { greeting: "Hi there", accentColor: "#0a7d32", position: "left", languages: ["en", "es"] },
      { mailConfigured: false, version: 3 },
    );
    const html = await render(
      <BotSettingsPage
        data={data}
        result={{
          ok: false,
          errors: { greeting: "Greeting is required" },
          message: "Check the highlighted fields.",
        }}
      />,
    );
    expect(html).toContain('name="csrf" value="csrf-token-123"');
    expect(html).toContain('name="accentColor"');
    expect(html).toMatch(/<select[^>]*name="position"/);
    expect(html).toContain('name="languages" value="es"');
    expect(text(html)).toContain("Greeting is required");
    // which store these settings are for
    expect(text(html)).toContain("Woo Outfitters (WooCommerce): how the chat looks");
    // no SMTP_URL on the server: Settings says handoff e-mails are off
    expect(text(html)).toContain("Handoff e-mails are off");
    expect(html).toContain('data-accent="#0a7d32"');
    expect(html).toContain('data-position="left"');
    expect(text(html)).toContain("Hi there");
  });

  it("Bot settings preview darkens a too-light accent for readable contrast", async () => {
    const data = botSettings({ accentColor: "#ffeb3b", orderTracking: false });
    const html = await render(<BotSettingsPage data={data} />, "embedded", "/app/settings");
    expect(html).not.toContain('name="csrf"');
    expect(text(html)).toContain("near-black");
  });

  it("Bot settings preview asks for a valid colour instead of pretending to adjust one", async () => {
    const data = botSettings({ accentColor: "nope" });
    const t = text(await render(<BotSettingsPage data={data} />));
    expect(t).toContain("Enter a hex colour such as #1a73e8 to preview it.");
    expect(t).not.toContain("colour adjusted");
  });

  it("FAQ: entries with translations and the add form", async () => {
    const data: FaqData = {
      store,
      languages: ["en", "es"],
      entries: [
        {
          id: "f1",
          question: "Do you ship to Canada?",
          answer: "Yes.",
          enabled: true,
          translations: { es: { question: "¿Envían a Canadá?", answer: "Sí." } },
          updatedAt: "2026-11-20T00:00:00Z",
        },
      ],
      unanswered: [],
    };
    const html = await render(<FaqPage data={data} />);
    const t = text(html);
    expect(t).toContain("Do you ship to Canada?");
    expect(t).toContain("ES");
    expect(t).toContain("Add an entry");
    expect(t).toContain("Test a question");
    expect(t).toContain("Woo Outfitters (WooCommerce): answers the bot gives");
  });

  it("FAQ: the questions the bot could not answer, each with a button to add an entry", async () => {
    const data: FaqData = {
      store,
      languages: ["en"],
      entries: [],
      unanswered: [
        { id: "u2", text: "Do you sell gift cards?", language: "en", createdAt: "2026-11-22T09:00:00Z" },
        { id: "u1", text: "¿Aceptan PayPal?", language: "es", createdAt: "2026-11-21T09:00:00Z" },
      ],
    };
    const t = text(await render(<FaqPage data={data} />));
    expect(t).toContain("Questions the bot could not answer");
    expect(t.indexOf("Do you sell gift cards?")).toBeLessThan(t.indexOf("¿Aceptan PayPal?"));
    expect(t).toContain("ES · 2026-11-21");
    expect(t).toContain("Add an FAQ entry");
    const none = text(await render(<FaqPage data={{ ...data, unanswered: [] }} />));
    expect(none).toContain("None yet.");
  });
});
