/** Self-service for a production turn: the database, the store's adapter, the code mailer from SMTP_URL. */
import type { Db } from "../db.server";
import { loadEnv } from "../env.server";
import type { PlatformAdapter } from "../platforms/types";
import { createSmtpCodeMailer } from "../verification/mailer.server";
import type { CodeMailer } from "../verification/otp.server";
import { createSelfService } from "./service.server";
import type { SelfService } from "./service";

let envMailer: CodeMailer | null | undefined;
function mailerFromEnv(): CodeMailer | null {
  if (envMailer !== undefined) return envMailer;
  const { SMTP_URL, SMTP_FROM } = loadEnv();
  envMailer = SMTP_URL ? createSmtpCodeMailer(SMTP_URL, SMTP_FROM) : null;
  return envMailer;
}

export function selfServiceFor(db: Db, adapter: PlatformAdapter, clock?: () => Date): SelfService {
  return createSelfService({ db, adapter, mailer: mailerFromEnv(), ...(clock ? { now: clock } : {}) });
}
