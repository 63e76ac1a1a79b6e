-- Self-service actions: one-time codes, merchant rules, action audit.
-- CreateTable
CREATE TABLE "OneTimeCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "storeId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "orderNumberHash" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ActionRule" (
    "storeId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "windowHours" INTEGER,
    "statuses" TEXT NOT NULL DEFAULT '[]',
    "maxTotal" TEXT,
    "askPerson" BOOLEAN NOT NULL DEFAULT false,
    "allowCountryChange" BOOLEAN NOT NULL DEFAULT false,
    "restock" BOOLEAN NOT NULL DEFAULT true,
    "refund" BOOLEAN NOT NULL DEFAULT true,
    "notifyCustomer" BOOLEAN NOT NULL DEFAULT true,
    "notifyMerchant" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("storeId", "action")
);

-- CreateTable
CREATE TABLE "OrderAction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "storeId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "orderNumber" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "verification" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "status" TEXT NOT NULL DEFAULT 'running',
    "error" TEXT,
    "adminNote" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "OneTimeCode_conversationId_orderNumberHash_idx" ON "OneTimeCode"("conversationId", "orderNumberHash");

-- CreateIndex
CREATE INDEX "OneTimeCode_expiresAt_idx" ON "OneTimeCode"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "OrderAction_idempotencyKey_key" ON "OrderAction"("idempotencyKey");

-- CreateIndex
CREATE INDEX "OrderAction_storeId_createdAt_idx" ON "OrderAction"("storeId", "createdAt");

-- CreateIndex
CREATE INDEX "OrderAction_conversationId_idx" ON "OrderAction"("conversationId");
