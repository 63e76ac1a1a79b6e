-- Live handoff: when the shopper's widget last polled (to know whether they are still there), and
-- when they were last e-mailed about a reply from the store (at most one such e-mail per absence).
ALTER TABLE "Conversation" ADD COLUMN "shopperSeenAt" TIMESTAMP(3);
ALTER TABLE "Conversation" ADD COLUMN "shopperMailedAt" TIMESTAMP(3);
