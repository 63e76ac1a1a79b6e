-- Background jobs (in-process runner), WooCommerce webhook secrets, order events and the latest
-- status per order learned from them.
CREATE TABLE "Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "queue" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 3,
    "runAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedBy" TEXT,
    "lockedAt" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

CREATE TABLE "WooWebhookSecret" (
    "storeId" TEXT NOT NULL PRIMARY KEY,
    "secret" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

CREATE TABLE "OrderEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "storeId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "bodyHash" TEXT,
    "orderId" TEXT,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" DATETIME
);

CREATE TABLE "OrderSnapshot" (
    "storeId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderNumber" TEXT,
    "status" TEXT NOT NULL,
    "platformStatus" TEXT,
    "shipmentStatus" TEXT,
    "customerId" TEXT,
    "sourceUpdatedAt" DATETIME,
    "lastEventAt" DATETIME NOT NULL,
    "lastTopic" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("storeId", "orderId")
);

CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");

CREATE INDEX "Job_queue_status_idx" ON "Job"("queue", "status");

CREATE INDEX "OrderEvent_storeId_receivedAt_idx" ON "OrderEvent"("storeId", "receivedAt");

CREATE UNIQUE INDEX "OrderEvent_storeId_deliveryId_key" ON "OrderEvent"("storeId", "deliveryId");

CREATE UNIQUE INDEX "OrderEvent_storeId_bodyHash_key" ON "OrderEvent"("storeId", "bodyHash");

CREATE INDEX "OrderSnapshot_storeId_lastEventAt_idx" ON "OrderSnapshot"("storeId", "lastEventAt");

CREATE INDEX "OrderSnapshot_storeId_customerId_idx" ON "OrderSnapshot"("storeId", "customerId");
