-- The local order mirror, its sync state, and the proactive/mirror settings.
-- CreateTable
CREATE TABLE "OrderMirror" (
    "storeId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderNumber" TEXT NOT NULL,
    "placedAt" DATETIME NOT NULL,
    "customerId" TEXT,
    "status" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "syncedAt" DATETIME NOT NULL,
    "riskReason" TEXT,
    "riskSince" DATETIME,
    "riskDetail" TEXT,

    PRIMARY KEY ("storeId", "orderId")
);

-- CreateTable
CREATE TABLE "OrderMirrorSync" (
    "storeId" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL,
    "cursor" TEXT,
    "synced" INTEGER NOT NULL DEFAULT 0,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "error" TEXT
);

-- AlterTable
ALTER TABLE "BotSettings" ADD COLUMN "proactiveNote" TEXT;
ALTER TABLE "BotSettings" ADD COLUMN "mirrorDays" INTEGER NOT NULL DEFAULT 60;

-- CreateIndex
CREATE INDEX "OrderMirror_storeId_customerId_idx" ON "OrderMirror"("storeId", "customerId");

-- CreateIndex
CREATE INDEX "OrderMirror_storeId_placedAt_idx" ON "OrderMirror"("storeId", "placedAt");

-- CreateIndex
CREATE INDEX "OrderMirror_storeId_riskReason_idx" ON "OrderMirror"("storeId", "riskReason");

-- CreateIndex
CREATE UNIQUE INDEX "OrderMirror_storeId_orderNumber_key" ON "OrderMirror"("storeId", "orderNumber");

-- AlterTable
ALTER TABLE "BotSettings" ADD COLUMN "riskDigest" BOOLEAN NOT NULL DEFAULT false;
