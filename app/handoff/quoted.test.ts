import { describe, expect, it } from "vitest";
import { stripQuotedReply } from "./quoted";

describe("stripQuotedReply", () => {
  const cases: [string, string, string][] = [
    [
      "Gmail, attribution wrapped over two lines",
      "Thanks, that helps.\n\nOn Thu, Dec 3, 2026 at 10:00 AM Demo Outfitters <\nno-reply@trulybot.local> wrote:\n> old",
      "Thanks, that helps.",
    ],
    [
      "Outlook header block",
      "Please send it again.\r\n\r\nFrom: Demo Outfitters <no-reply@trulybot.local>\r\nSent: Thursday\r\nSubject: x",
      "Please send it again.",
    ],
    ["Original Message separator", "Yes\n-----Original Message-----\nFrom: shop", "Yes"],
    ["German", "Danke!\n\nAm 03.12.2026 um 10:00 schrieb Garden <a@b.c>:\n> Hallo", "Danke!"],
    ["Spanish", "Gracias\n\nEl jue, 3 dic 2026 a las 10:00, Tienda escribió:\n> Hola", "Gracias"],
    ["French", "Merci\n\nLe jeu. 3 déc. 2026 à 10:00, Boutique a écrit :\n> Bonjour", "Merci"],
    ["signature", "Leave it with the neighbour.\n-- \nAna\n+1 555 0100", "Leave it with the neighbour."],
    ["sent from my phone", "ok\n\nSent from my iPhone\n", "ok"],
    ["German phone line", "passt\n\nVon meinem iPhone gesendet", "passt"],
    [
      "a > inside a line and several paragraphs stay",
      "Size M > size S for me.\n\nSecond paragraph.\n\n\n\nThird.",
      "Size M > size S for me.\n\nSecond paragraph.\n\nThird.",
    ],
    ["only a quote", "> everything quoted\n> more", ""],
    [
      "a sentence that starts with On is kept",
      "On second thought, keep it.\nThanks",
      "On second thought, keep it.\nThanks",
    ],
  ];
  for (const [name, input, want] of cases) it(name, () => expect(stripQuotedReply(input)).toBe(want));
});
