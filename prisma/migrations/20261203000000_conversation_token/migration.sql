-- A conversation belongs to the browser that started it (hash of its conversationToken);
-- takenOverAt marks a live handoff in progress.
ALTER TABLE "Conversation" ADD COLUMN "tokenHash" TEXT;
ALTER TABLE "Conversation" ADD COLUMN "takenOverAt" DATETIME;
