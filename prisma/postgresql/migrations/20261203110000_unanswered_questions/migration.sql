-- Store questions the bot could not answer (intent faq, no FAQ entry matched), for the FAQ page.
CREATE TABLE "UnansweredQuestion" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnansweredQuestion_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "UnansweredQuestion_storeId_createdAt_idx" ON "UnansweredQuestion"("storeId", "createdAt");

ALTER TABLE "UnansweredQuestion" ADD CONSTRAINT "UnansweredQuestion_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;
