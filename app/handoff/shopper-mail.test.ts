import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../protocol";
import { SHOPPER_MAIL_TEXT, shopperReplyMail } from "./shopper-mail";

const mail = (language: string, canReply = true) =>
  shopperReplyMail({
    language,
    storeName: "Demo Woo Garden",
    chatUrl: "https://garden.test/?trulybot=open",
    reply: "Hola, soy Sam.\nTu pedido sale hoy.",
    canReply,
  });

describe("the e-mail to a shopper who left, in the conversation's language", () => {
  it("has every language's text, each different from English", () => {
    for (const lang of LANGUAGES) {
      const t = SHOPPER_MAIL_TEXT[lang];
      expect(Object.values(t).every((v) => v.trim().length > 0)).toBe(true);
      if (lang !== "en")
        for (const k of ["subject", "intro", "replyOrContinue", "continue", "why"] as const)
          expect(t[k], `${lang}.${k}`).not.toBe(SHOPPER_MAIL_TEXT.en[k]);
    }
  });

  it("writes Spanish for a Spanish conversation: no English line, the reply as written, the link", () => {
    const m = mail("es");
    expect(m.subject).toBe("Demo Woo Garden ha respondido a tu chat");
    expect(m.text).toContain("  Hola, soy Sam.\n  Tu pedido sale hoy.");
    expect(m.text).toContain(
      "Responde a este correo o continúa la conversación: https://garden.test/?trulybot=open",
    );
    for (const en of Object.values(SHOPPER_MAIL_TEXT.en))
      expect(m.text).not.toContain(en.split("{")[0].trim() || "§");
  });

  it("says answering the e-mail works only when it does; unknown languages are English", () => {
    expect(mail("de", false).text).toContain("Gespräch fortsetzen: https://garden.test/?trulybot=open");
    expect(mail("de", false).text).not.toMatch(/Antworte einfach/);
    expect(mail("xx").subject).toBe("Demo Woo Garden replied to your chat");
  });
});
