-- Trust layer: a re-connect's pending secret, conversation retention, webhook body replay
-- protection, and the WooCommerce connect token kept only as a hash.
ALTER TABLE "Store" ADD COLUMN "pendingSigningSecret" TEXT;
ALTER TABLE "BotSettings" ADD COLUMN "retentionDays" INTEGER;

-- CreateTable
CREATE TABLE "WebhookPayload" (
    "bodyHash" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookPayload_pkey" PRIMARY KEY ("bodyHash")
);

-- CreateIndex
CREATE INDEX "WebhookPayload_receivedAt_idx" ON "WebhookPayload"("receivedAt");

-- AlterTable: the plugin's token is kept only as a hash
ALTER TABLE "WooConnectAttempt" DROP COLUMN "pluginToken";
