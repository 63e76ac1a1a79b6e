/**
 * Plain-language order answers in the bot's voice:
 * lead with the answer, dates in the store's timezone, money in the order currency,
 * carriers by name, one next step, never "delivered" when the platform only knows "shipped".
 * The pieces live in ./describe/ (one module per concern); this module is their public face.
 */
export type { DescribeContext, OrderDescription } from "./describe/context";
export { describeOrder } from "./describe/answer";
export { toWidgetOrder } from "./describe/widget-order";
export { describeOrderList } from "./describe/list";
export { orderStatusLabel } from "./describe/status";
export { parseHoldUntil, processingDays } from "./describe/dates";
