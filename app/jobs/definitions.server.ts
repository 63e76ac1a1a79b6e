/** Every job the app runs (one place, so each app instance works the same queues). */
import { applyOrderEvent, type OrderEventJobData } from "./order-events/apply.server";
import { ORDER_EVENT_JOB } from "./order-events/types";
import type { JobDefinition } from "./types";
import { mirrorSyncJob } from "../platforms/mirror/sync.server";
import { healthSweepJob, riskDigestJob } from "../orders/health/sweep.server";

export function appJobs(): JobDefinition<never>[] {
  const orderEvent: JobDefinition<OrderEventJobData> = {
    name: ORDER_EVENT_JOB,
    handler: (data) => applyOrderEvent(data),
    retryLimit: 5,
    retryDelaySeconds: 2,
  };
  return [orderEvent, mirrorSyncJob, healthSweepJob, riskDigestJob] as JobDefinition<never>[];
}
