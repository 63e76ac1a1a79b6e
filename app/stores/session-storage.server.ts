/**
 * Shopify session storage with the offline access token (and refresh token) sealed at rest.
 *
 * Wraps the library's Prisma session storage instead of forking it: every Session passes through
 * `seal` on the way in and `unseal` on the way out. Tokens are AES-256-GCM envelopes under the same
 * key ring as WooCommerce secrets (app/stores/secrets.server.ts). Rows written before sealing
 * existed (plaintext tokens) still load, and are re-written sealed the first time they are read.
 */
import { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import { envelopeVersion } from "../utils/crypto.server";
import { openSecret, sealSecret } from "./secrets.server";

export const ACCESS_TOKEN_PURPOSE = "session.accessToken";
export const REFRESH_TOKEN_PURPOSE = "session.refreshToken";

export function isSealed(value: string | null | undefined): boolean {
  return !!value && envelopeVersion(value) !== null;
}

/** A stored token (sealed or legacy plaintext) → the usable token. */
export function openSessionToken(value: string, purpose = ACCESS_TOKEN_PURPOSE): string {
  return isSealed(value) ? openSecret(value, purpose) : value;
}

/** A usable token → its sealed form (idempotent on already sealed values). */
export function sealSessionToken(value: string, purpose = ACCESS_TOKEN_PURPOSE): string {
  return isSealed(value) ? value : sealSecret(value, purpose);
}

function mapTokens(session: Session, fn: (v: string, purpose: string) => string): Session {
  const o = session.toObject();
  const copy = new Session({
    ...o,
    ...(o.accessToken ? { accessToken: fn(o.accessToken, ACCESS_TOKEN_PURPOSE) } : {}),
    ...(o.refreshToken ? { refreshToken: fn(o.refreshToken, REFRESH_TOKEN_PURPOSE) } : {}),
  });
  return copy;
}

function needsReseal(session: Session): boolean {
  return (
    (!!session.accessToken && !isSealed(session.accessToken)) ||
    (!!session.refreshToken && !isSealed(session.refreshToken))
  );
}

export class SealedSessionStorage<S extends SessionStorage> implements SessionStorage {
  constructor(private readonly inner: S) {}

  storeSession(session: Session): Promise<boolean> {
    return this.inner.storeSession(mapTokens(session, sealSessionToken));
  }

  async loadSession(id: string): Promise<Session | undefined> {
    const stored = await this.inner.loadSession(id);
    return stored ? this.open(stored) : undefined;
  }

  deleteSession(id: string): Promise<boolean> {
    return this.inner.deleteSession(id);
  }

  deleteSessions(ids: string[]): Promise<boolean> {
    return this.inner.deleteSessions(ids);
  }

  async findSessionsByShop(shop: string): Promise<Session[]> {
    const stored = await this.inner.findSessionsByShop(shop);
    return Promise.all(stored.map((s) => this.open(s)));
  }

  /** The library polls this before first use (PrismaSessionStorage has it; others may not). */
  isReady(): Promise<boolean> {
    const inner = this.inner as unknown as { isReady?: () => Promise<boolean> };
    return inner.isReady ? inner.isReady() : Promise.resolve(true);
  }

  private async open(stored: Session): Promise<Session> {
    if (needsReseal(stored)) await this.inner.storeSession(mapTokens(stored, sealSessionToken));
    return mapTokens(stored, openSessionToken);
  }
}
