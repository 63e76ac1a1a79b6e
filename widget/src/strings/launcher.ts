import type { Language } from "../../../app/protocol";

/** Launcher-only labels, plain strings (no ICU) because they ship in the launcher bundle (kept apart from
 * the panel's messages so that the launcher imports nothing else). */
export const LAUNCHER_LABEL: Record<Language, string> = {
  en: "Chat with us",
  es: "Chatea con nosotros",
  fr: "Discuter avec nous",
  de: "Mit uns chatten",
  pt: "Fale connosco",
  it: "Chatta con noi",
  nl: "Chat met ons",
};
