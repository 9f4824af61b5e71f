-- The catalogue's version (issue 11): every server process keeps the catalogue rows it reads on every
-- request (terms, programmes with their sections and indicators, and their issuers' names) and reads
-- this one row instead, once per request; a different version and it reads them again. Triggers bump
-- it in the writing transaction, so a change is seen by the next request of every instance.
CREATE TABLE "catalogue_version" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 1,
    "txid" BIGINT,

    CONSTRAINT "catalogue_version_pkey" PRIMARY KEY ("id")
);
INSERT INTO "catalogue_version" ("id", "version") VALUES (1, 1);

-- One bump per transaction (the first changed row; the others find the row already bumped by it),
-- run at commit (deferred), so that the row's lock is held for the commit only and two transactions
-- writing catalogue tables cannot deadlock on it.
CREATE FUNCTION "catalogue_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "catalogue_version" SET "version" = "version" + 1, "txid" = txid_current()
   WHERE "id" = 1 AND "txid" IS DISTINCT FROM txid_current();
  RETURN NULL;
END;
$$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['term', 'period', 'programme', 'indicator_section', 'indicator', 'org_unit'] LOOP
    EXECUTE format(
      'CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED
         FOR EACH ROW EXECUTE FUNCTION "catalogue_version_bump"()', t || '_catalogue_version', t);
    EXECUTE format(
      'CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_version_bump"()',
      t || '_catalogue_version_truncate', t);
  END LOOP;
END;
$$;
