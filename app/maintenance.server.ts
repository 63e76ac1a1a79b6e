import { scheduleDailyPurge } from "./security/retention.server";
import { scheduleHealthSweeps } from "./orders/health/sweep.server";

/** Called by server.mjs once it serves traffic: the daily retention purge and the hourly order-health
 * sweep (returns a stop function). */
export function startMaintenance(): () => void {
  const stops = [scheduleDailyPurge(), scheduleHealthSweeps()];
  return () => stops.forEach((stop) => stop());
}
