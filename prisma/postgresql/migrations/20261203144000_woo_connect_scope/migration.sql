-- The key permission a WooCommerce connect attempt asked for (read, or read_write for self-service).
ALTER TABLE "WooConnectAttempt" ADD COLUMN "scope" TEXT NOT NULL DEFAULT 'read';
