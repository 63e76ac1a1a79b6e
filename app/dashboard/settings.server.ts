/** Bot settings: load and save (every save bumps BotSettings.version so the widget config's ETag changes). */
import { mailConfigured } from "../chat/notify.server";
import { parseLanguages } from "../storefront/config.server";
import { currentStore, storeBrief, type DashboardCtx } from "./context.server";
import { businessHoursText, validateBotSettings } from "./settings-schema";
import type { ActionResult, BotSettingsData } from "./types";

export async function loadBotSettings(ctx: DashboardCtx): Promise<BotSettingsData> {
  const store = await currentStore(ctx);
  const s = await ctx.db.botSettings.upsert({
    where: { storeId: store.id },
    create: { storeId: store.id },
    update: {},
  });
  const langs = parseLanguages(s.languages);
  return {
    store: storeBrief(store),
    mailConfigured: mailConfigured(),
    values: {
      name: s.name,
      greeting: s.greeting,
      accentColor: s.accentColor,
      position: s.position === "left" ? "left" : "right",
      launcherLabel: s.launcherLabel,
      languages: langs.length ? langs : ["en"],
      orderTracking: s.orderTracking,
      handoffEmail: s.handoffEmail ?? "",
      businessHours: businessHoursText(s.businessHours),
      proactive: s.proactive,
      proactiveNote: s.proactiveNote ?? "",
      riskDigest: s.riskDigest,
    },
    version: s.version,
  };
}

export async function saveBotSettings(
  ctx: DashboardCtx,
  form: FormData,
): Promise<ActionResult & { status: number }> {
  const store = await currentStore(ctx);
  const v = validateBotSettings(form);
  if (!v.ok) return { ok: false, status: 400, errors: v.errors, message: "Check the highlighted fields." };
  const data = {
    name: v.values.name,
    greeting: v.values.greeting,
    accentColor: v.values.accentColor,
    position: v.values.position,
    launcherLabel: v.values.launcherLabel,
    languages: JSON.stringify(v.values.languages),
    orderTracking: v.values.orderTracking,
    handoffEmail: v.values.handoffEmail,
    businessHours: v.values.businessHours ? JSON.stringify({ text: v.values.businessHours }) : null,
    proactive: v.values.proactive,
    proactiveNote: v.values.proactiveNote,
    riskDigest: v.values.riskDigest,
  };
  await ctx.db.botSettings.upsert({
    where: { storeId: store.id },
    create: { storeId: store.id, ...data, version: 2 },
    update: { ...data, version: { increment: 1 } },
  });
  await ctx.db.activityLog.create({
    data: {
      workspaceId: ctx.workspaceId,
      storeId: store.id,
      actor: "merchant",
      action: "settings.updated",
      details: JSON.stringify({ fields: Object.keys(data) }),
    },
  });
  return { ok: true, status: 200, message: "Settings saved" };
}
