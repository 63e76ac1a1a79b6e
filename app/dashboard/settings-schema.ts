/**
 * Bot settings form validation (pure: the server action and tests use it). Messages are shown
 * inline next to the fields.
 */
import { z } from "zod";
import { LANGUAGES, type Language } from "../protocol";

export const LANGUAGE_LABELS: Record<Language, string> = {
  en: "English",
  es: "Spanish",
  fr: "French",
  de: "German",
  pt: "Portuguese",
  it: "Italian",
  nl: "Dutch",
};

const trimmed = (label: string, max: number) =>
  z
    .string({ required_error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);

export const botSettingsSchema = z.object({
  name: trimmed("Bot name", 40),
  greeting: trimmed("Greeting", 300),
  accentColor: z
    .string()
    .trim()
    .regex(/^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, "Use a hex colour such as #1a73e8")
    .transform((v) => {
      let h = v.replace(/^#/, "").toLowerCase();
      if (h.length === 3) h = h.replace(/./g, (c) => c + c);
      return `#${h}`;
    }),
  position: z.enum(["left", "right"], { errorMap: () => ({ message: "Choose left or right" }) }),
  launcherLabel: trimmed("Launcher label", 40),
  languages: z
    .array(
      z.enum(LANGUAGES as unknown as [Language, ...Language[]], {
        errorMap: () => ({ message: "Unknown language" }),
      }),
    )
    .min(1, "Choose at least one language"),
  orderTracking: z.boolean(),
  handoffEmail: z
    .string()
    .trim()
    .max(254, "Email is too long")
    .refine(
      (v) => v === "" || z.string().email().safeParse(v).success,
      "Enter a valid email address, or leave it empty",
    )
    .transform((v) => (v === "" ? null : v.toLowerCase())),
  businessHours: z
    .string()
    .trim()
    .max(200, "Business hours must be at most 200 characters")
    .transform((v) => (v === "" ? null : v)),
  proactive: z.boolean(),
  riskDigest: z.boolean(),
  proactiveNote: z
    .string()
    .trim()
    .max(140, "The note must be at most 140 characters")
    .transform((v) => (v === "" ? null : v)),
});

export type BotSettingsInput = z.input<typeof botSettingsSchema>;
export type BotSettingsValues = z.output<typeof botSettingsSchema>;
export type FieldErrors = Partial<Record<string, string>>;

const str = (f: FormData, k: string) => {
  const v = f.get(k);
  return typeof v === "string" ? v : "";
};

/** Form fields → schema input. Languages may come as repeated `languages` fields or one comma list. */
export function settingsInputFromForm(form: FormData): BotSettingsInput {
  const langs = form
    .getAll("languages")
    .flatMap((v) => (typeof v === "string" ? v.split(",") : []))
    .map((s) => s.trim())
    .filter(Boolean);
  const ot = str(form, "orderTracking");
  return {
    name: str(form, "name"),
    greeting: str(form, "greeting"),
    accentColor: str(form, "accentColor"),
    position: str(form, "position") as "left" | "right",
    launcherLabel: str(form, "launcherLabel"),
    languages: [...new Set(langs)] as Language[],
    orderTracking: ot === "on" || ot === "true" || ot === "1",
    handoffEmail: str(form, "handoffEmail"),
    businessHours: str(form, "businessHours"),
    proactive: ["on", "true", "1"].includes(str(form, "proactive")),
    riskDigest: ["on", "true", "1"].includes(str(form, "riskDigest")),
    proactiveNote: str(form, "proactiveNote"),
  };
}

export function validateBotSettings(
  form: FormData,
): { ok: true; values: BotSettingsValues } | { ok: false; errors: FieldErrors; input: BotSettingsInput } {
  const input = settingsInputFromForm(form);
  const r = botSettingsSchema.safeParse(input);
  if (r.success) return { ok: true, values: r.data };
  const errors: FieldErrors = {};
  for (const issue of r.error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return { ok: false, errors, input };
}

/** BotSettings.businessHours is JSON {text}; the engine reads `.text`. */
export function businessHoursText(json: string | null | undefined): string {
  if (!json) return "";
  try {
    const v = JSON.parse(json) as { text?: unknown };
    return typeof v?.text === "string" ? v.text : "";
  } catch {
    return "";
  }
}
