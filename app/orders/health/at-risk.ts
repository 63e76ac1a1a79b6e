/** What the "Orders at risk" page shows (loaded by at-risk.server.ts). */
import type { ListScope } from "../../dashboard/types";
import type { NextStep, RiskReason } from "./rules";

export interface AtRiskRow {
  storeName: string;
  platform: "shopify" | "woocommerce";
  orderNumber: string;
  reason: RiskReason;
  next: NextStep;
  carrier: string | null;
  /** when the order became at risk (ISO) */
  since: string;
  /** whole hours since then, at load time */
  ageHours: number;
}

export interface AtRiskData {
  scope: ListScope;
  rows: AtRiskRow[];
  /** false while no store in scope has completed its order mirror sync (nothing can be flagged yet) */
  mirrored: boolean;
  /** the current store's mirror sync (null: never started) */
  sync: { status: string; synced: number; finishedAt: string | null } | null;
}
