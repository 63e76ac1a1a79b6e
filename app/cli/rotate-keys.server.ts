import { getDb } from "../db.server";
import { encryptionKeys } from "../stores/secrets.server";
import { newestKey, reencrypt } from "../utils/crypto.server";

/** Re-encrypt every stored secret under the newest key. Safe to re-run. */
export async function rotateKeys() {
  const db = await getDb();
  const keys = encryptionKeys();
  const target = newestKey(keys).version;
  let rotated = 0;
  let current = 0;
  const failures: { storeId: string; field: string; error: string }[] = [];
  const stores = await db.store.findMany({
    select: { id: true, credentials: true, signingSecret: true, pendingSigningSecret: true },
  });
  for (const s of stores) {
    const data: { credentials?: string; signingSecret?: string; pendingSigningSecret?: string } = {};
    for (const [field, purpose] of [
      ["credentials", "store.credentials"],
      ["signingSecret", "store.signingSecret"],
      ["pendingSigningSecret", "store.signingSecret"],
    ] as const) {
      const value = s[field];
      if (!value) continue;
      try {
        const next = reencrypt(value, keys, purpose);
        if (next) {
          data[field] = next;
          rotated++;
        } else current++;
      } catch (e) {
        failures.push({ storeId: s.id, field, error: (e as Error).message });
      }
    }
    if (Object.keys(data).length) await db.store.update({ where: { id: s.id }, data });
  }
  return { ok: failures.length === 0, keyVersion: target, rotated, alreadyCurrent: current, failures };
}
