-- Store versions for cache invalidation across app instances (docs/decisions/0020-storefront-caches.md).
-- Triggers bump a store's version on every write to its row (except the bookkeeping columns
-- lastSeenAt, embedEnabled and updatedAt), its settings, its FAQ and its Shopify sessions.
CREATE TABLE "StoreVersion" (
    "storeId" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 0
);

INSERT INTO "StoreVersion" ("storeId", "version") SELECT "id", 1 FROM "Store";

CREATE TRIGGER "StoreVersion_store_insert" AFTER INSERT ON "Store" BEGIN
  INSERT INTO "StoreVersion" ("storeId", "version") VALUES (NEW."id", 1)
    ON CONFLICT ("storeId") DO UPDATE SET "version" = "version" + 1;
END;

CREATE TRIGGER "StoreVersion_store_update" AFTER UPDATE OF "workspaceId", "platform", "domain", "url", "name", "status", "credentials", "signingSecret", "pendingSigningSecret", "scopes", "currency", "timezone", "locale", "supportEmail", "policies", "widgetEnabled" ON "Store" BEGIN
  INSERT INTO "StoreVersion" ("storeId", "version") VALUES (NEW."id", 1)
    ON CONFLICT ("storeId") DO UPDATE SET "version" = "version" + 1;
END;

CREATE TRIGGER "StoreVersion_store_delete" AFTER DELETE ON "Store" BEGIN
  UPDATE "StoreVersion" SET "version" = "version" + 1 WHERE "storeId" = OLD."id";
END;

CREATE TRIGGER "StoreVersion_settings_insert" AFTER INSERT ON "BotSettings" BEGIN
  INSERT INTO "StoreVersion" ("storeId", "version") VALUES (NEW."storeId", 1)
    ON CONFLICT ("storeId") DO UPDATE SET "version" = "version" + 1;
END;

CREATE TRIGGER "StoreVersion_settings_update" AFTER UPDATE ON "BotSettings" BEGIN
  INSERT INTO "StoreVersion" ("storeId", "version") VALUES (NEW."storeId", 1)
    ON CONFLICT ("storeId") DO UPDATE SET "version" = "version" + 1;
END;

CREATE TRIGGER "StoreVersion_settings_delete" AFTER DELETE ON "BotSettings" BEGIN
  UPDATE "StoreVersion" SET "version" = "version" + 1 WHERE "storeId" = OLD."storeId";
END;

CREATE TRIGGER "StoreVersion_faq_insert" AFTER INSERT ON "FaqEntry" BEGIN
  INSERT INTO "StoreVersion" ("storeId", "version") VALUES (NEW."storeId", 1)
    ON CONFLICT ("storeId") DO UPDATE SET "version" = "version" + 1;
END;

CREATE TRIGGER "StoreVersion_faq_update" AFTER UPDATE ON "FaqEntry" BEGIN
  INSERT INTO "StoreVersion" ("storeId", "version") VALUES (NEW."storeId", 1)
    ON CONFLICT ("storeId") DO UPDATE SET "version" = "version" + 1;
END;

CREATE TRIGGER "StoreVersion_faq_delete" AFTER DELETE ON "FaqEntry" BEGIN
  UPDATE "StoreVersion" SET "version" = "version" + 1 WHERE "storeId" = OLD."storeId";
END;

CREATE TRIGGER "StoreVersion_session_insert" AFTER INSERT ON "Session" BEGIN
  UPDATE "StoreVersion" SET "version" = "version" + 1
    WHERE "storeId" IN (SELECT "id" FROM "Store" WHERE "platform" = 'shopify' AND "domain" = NEW."shop");
END;

CREATE TRIGGER "StoreVersion_session_update" AFTER UPDATE ON "Session" BEGIN
  UPDATE "StoreVersion" SET "version" = "version" + 1
    WHERE "storeId" IN (SELECT "id" FROM "Store" WHERE "platform" = 'shopify' AND "domain" IN (NEW."shop", OLD."shop"));
END;

CREATE TRIGGER "StoreVersion_session_delete" AFTER DELETE ON "Session" BEGIN
  UPDATE "StoreVersion" SET "version" = "version" + 1
    WHERE "storeId" IN (SELECT "id" FROM "Store" WHERE "platform" = 'shopify' AND "domain" = OLD."shop");
END;
