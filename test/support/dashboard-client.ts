/**
 * The standalone dashboard as a signed-in merchant sees it, for route tests with real Requests: a fresh test
 * database with one WooCommerce workspace ("Woo Outfitters"), a dashboard session for admin@woo.test, and
 * requests that carry its cookie and (on POST) its CSRF field.
 */
import { setDb, type Db } from "../../app/db.server";
import { createDashboardSession } from "../../app/dashboard/session.server";
import { createTestDb } from "../helpers/db";
import { seedWorkspace } from "./dashboard";

export const DASHBOARD_BASE = "https://trulybot.test";

export interface DashboardClient {
  db: Db;
  storeId: string;
  /** the session cookie as a browser sends it back ("name=value") */
  cookie: string;
  csrf: string;
  /** GET `path`, with the session cookie unless `withCookie` is false */
  get(path: string, withCookie?: boolean): Request;
  /** a form POST to `path`; `csrf: null` leaves the field out, `cookie: false` the cookie */
  post(
    path: string,
    fields: Record<string, string | string[]>,
    opts?: { csrf?: string | null; cookie?: boolean },
  ): Request;
  close(): Promise<void>;
}

export async function startDashboardClient(): Promise<DashboardClient> {
  const { db, cleanup } = await createTestDb();
  setDb(db);
  const { store } = await seedWorkspace(db, { platform: "woocommerce", name: "Woo Outfitters" });
  const s = await createDashboardSession(store.id, "admin@woo.test");
  const cookie = s.cookie.split(";")[0]!;
  const csrf = s.session.csrfToken;
  return {
    db,
    storeId: store.id,
    cookie,
    csrf,
    get: (path, withCookie = true) =>
      new Request(DASHBOARD_BASE + path, { headers: withCookie ? { cookie } : {} }),
    post(path, fields, opts = {}) {
      const body = new URLSearchParams();
      const token = opts.csrf === undefined ? csrf : opts.csrf;
      if (token !== null) body.append("csrf", token);
      for (const [k, v] of Object.entries(fields))
        for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
      return new Request(DASHBOARD_BASE + path, {
        method: "POST",
        body,
        headers: opts.cookie === false ? {} : { cookie },
      });
    },
    close: cleanup,
  };
}

/** A loader's or action's arguments as Remix passes them. */
export const routeArgs = (request: Request, params: Record<string, string> = {}) => ({
  request,
  params,
  context: {},
});

/** The Response a loader or action throws (a redirect, a 401); fails when it returns instead. */
export async function thrownResponse(p: Promise<unknown>): Promise<Response> {
  try {
    await p;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
  throw new Error("expected a thrown Response");
}
