-- Trust layer: a re-connect's pending secret, conversation retention, webhook body replay
-- protection, and the WooCommerce connect token kept only as a hash.
ALTER TABLE "Store" ADD COLUMN "pendingSigningSecret" TEXT;
ALTER TABLE "BotSettings" ADD COLUMN "retentionDays" INTEGER;

-- CreateTable
CREATE TABLE "WebhookPayload" (
    "bodyHash" TEXT NOT NULL PRIMARY KEY,
    "topic" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "WebhookPayload_receivedAt_idx" ON "WebhookPayload"("receivedAt");

-- RedefineTable: drop WooConnectAttempt.pluginToken (the encrypted copy of the plugin's token)
CREATE TABLE "new_WooConnectAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "storeUrl" TEXT NOT NULL,
    "returnUrl" TEXT NOT NULL,
    "pluginTokenHash" TEXT NOT NULL,
    "userIdToken" TEXT NOT NULL,
    "storeId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'started',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "completedAt" DATETIME
);
INSERT INTO "new_WooConnectAttempt" ("id", "storeUrl", "returnUrl", "pluginTokenHash", "userIdToken", "storeId", "status", "createdAt", "expiresAt", "completedAt")
SELECT "id", "storeUrl", "returnUrl", "pluginTokenHash", "userIdToken", "storeId", "status", "createdAt", "expiresAt", "completedAt" FROM "WooConnectAttempt";
DROP TABLE "WooConnectAttempt";
ALTER TABLE "new_WooConnectAttempt" RENAME TO "WooConnectAttempt";
CREATE UNIQUE INDEX "WooConnectAttempt_userIdToken_key" ON "WooConnectAttempt"("userIdToken");
