-- Store questions the bot could not answer (intent faq, no FAQ entry matched), for the FAQ page.
CREATE TABLE "UnansweredQuestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "storeId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "UnansweredQuestion_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "UnansweredQuestion_storeId_createdAt_idx" ON "UnansweredQuestion"("storeId", "createdAt");
