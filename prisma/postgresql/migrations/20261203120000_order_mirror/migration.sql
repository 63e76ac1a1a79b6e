-- The local order mirror, its sync state, and the proactive/mirror settings.
-- AlterTable
ALTER TABLE "BotSettings" ADD COLUMN     "mirrorDays" INTEGER NOT NULL DEFAULT 60,
ADD COLUMN     "proactiveNote" TEXT;

-- CreateTable
CREATE TABLE "OrderMirror" (
    "storeId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderNumber" TEXT NOT NULL,
    "placedAt" TIMESTAMP(3) NOT NULL,
    "customerId" TEXT,
    "status" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "syncedAt" TIMESTAMP(3) NOT NULL,
    "riskReason" TEXT,
    "riskSince" TIMESTAMP(3),
    "riskDetail" TEXT,

    CONSTRAINT "OrderMirror_pkey" PRIMARY KEY ("storeId","orderId")
);

-- CreateTable
CREATE TABLE "OrderMirrorSync" (
    "storeId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "cursor" TEXT,
    "synced" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "OrderMirrorSync_pkey" PRIMARY KEY ("storeId")
);

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
