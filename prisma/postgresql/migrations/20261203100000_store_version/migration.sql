-- Store versions for cache invalidation across app instances (docs/decisions/0020-storefront-caches.md).
-- Triggers bump a store's version on every write to its row (except the bookkeeping columns
-- lastSeenAt, embedEnabled and updatedAt), its settings, its FAQ and its Shopify sessions.
CREATE TABLE "StoreVersion" (
    "storeId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StoreVersion_pkey" PRIMARY KEY ("storeId")
);

INSERT INTO "StoreVersion" ("storeId", "version") SELECT "id", 1 FROM "Store";

CREATE FUNCTION "trulybot_bump_store_version"() RETURNS trigger LANGUAGE plpgsql AS '
DECLARE
  sid TEXT;
BEGIN
  IF TG_TABLE_NAME = ''Session'' THEN
    UPDATE "StoreVersion" SET "version" = "version" + 1 WHERE "storeId" IN (
      SELECT "id" FROM "Store" WHERE "platform" = ''shopify'' AND "domain" IN (
        CASE WHEN TG_OP = ''DELETE'' THEN OLD."shop" ELSE NEW."shop" END,
        CASE WHEN TG_OP = ''INSERT'' THEN NEW."shop" ELSE OLD."shop" END));
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = ''Store'' THEN
    sid := CASE WHEN TG_OP = ''DELETE'' THEN OLD."id" ELSE NEW."id" END;
  ELSE
    sid := CASE WHEN TG_OP = ''DELETE'' THEN OLD."storeId" ELSE NEW."storeId" END;
  END IF;
  INSERT INTO "StoreVersion" ("storeId", "version") VALUES (sid, 1)
    ON CONFLICT ("storeId") DO UPDATE SET "version" = "StoreVersion"."version" + 1;
  RETURN NULL;
END';

CREATE TRIGGER "StoreVersion_store_insert_delete" AFTER INSERT OR DELETE ON "Store"
  FOR EACH ROW EXECUTE FUNCTION "trulybot_bump_store_version"();

CREATE TRIGGER "StoreVersion_store_update" AFTER UPDATE OF "workspaceId", "platform", "domain", "url", "name", "status", "credentials", "signingSecret", "pendingSigningSecret", "scopes", "currency", "timezone", "locale", "supportEmail", "policies", "widgetEnabled" ON "Store"
  FOR EACH ROW EXECUTE FUNCTION "trulybot_bump_store_version"();

CREATE TRIGGER "StoreVersion_settings" AFTER INSERT OR UPDATE OR DELETE ON "BotSettings"
  FOR EACH ROW EXECUTE FUNCTION "trulybot_bump_store_version"();

CREATE TRIGGER "StoreVersion_faq" AFTER INSERT OR UPDATE OR DELETE ON "FaqEntry"
  FOR EACH ROW EXECUTE FUNCTION "trulybot_bump_store_version"();

CREATE TRIGGER "StoreVersion_session" AFTER INSERT OR UPDATE OR DELETE ON "Session"
  FOR EACH ROW EXECUTE FUNCTION "trulybot_bump_store_version"();
