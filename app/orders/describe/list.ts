/** "Show my orders": one line per order. */
import type { NormalizedOrder } from "../types";
import { Ctx, type DescribeContext } from "./context";
import { statusLabelKey } from "./status";

export function describeOrderList(
  orders: NormalizedOrder[],
  ctx: DescribeContext,
): { text: string; lines: string[] } {
  const x = new Ctx(ctx);
  const lines = orders
    .filter((o) => !o.test)
    .sort((a, b) => b.placedAt.localeCompare(a.placedAt))
    .map((o) =>
      x.t("list_line", { number: o.number, date: x.d(o.placedAt), status: x.t(statusLabelKey(o, x)) }),
    );
  return { text: lines.join("\n"), lines };
}
