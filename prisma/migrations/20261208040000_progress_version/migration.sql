-- The progress version (issue 11): what "a ward still owes a programme" answers (lib/data/deadlines.ts)
-- changes, outside the catalogue (catalogue_version), only when a submission becomes sent or not sent
-- or when a due date is written. Triggers bump this row in the writing transaction; each server process
-- keeps the districts with late wards per reader under (catalogue version, progress version) and reads
-- this row instead of every ward (3.321 at a city) on every page. A draft save does not bump it:
-- entries do not queue on this row.
CREATE TABLE "progress_version" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 1,
    "txid" BIGINT,

    CONSTRAINT "progress_version_pkey" PRIMARY KEY ("id")
);
INSERT INTO "progress_version" ("id", "version") VALUES (1, 1);

-- As catalogue_version_bump: once per transaction, at commit (deferred), so that the row is locked for
-- the commit only and two transactions cannot deadlock on it. Run as the caller (the app role may
-- update every table but the audit log and the term figures).
CREATE FUNCTION "progress_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "progress_version" SET "version" = "version" + 1, "txid" = txid_current()
   WHERE "id" = 1 AND "txid" IS DISTINCT FROM txid_current();
  RETURN NULL;
END;
$$;

-- A submission counts as sent unless DRAFT or RETURNED (owesAnyProgrammeSql): the row of a sent one
-- inserted or deleted, its sent-ness changed, or a sent one moved to another ward, year or programme.
CREATE CONSTRAINT TRIGGER "submission_progress_version_insert" AFTER INSERT ON "submission"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (NEW."status" NOT IN ('DRAFT', 'RETURNED'))
  EXECUTE FUNCTION "progress_version_bump"();
CREATE CONSTRAINT TRIGGER "submission_progress_version_delete" AFTER DELETE ON "submission"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD."status" NOT IN ('DRAFT', 'RETURNED'))
  EXECUTE FUNCTION "progress_version_bump"();
CREATE CONSTRAINT TRIGGER "submission_progress_version_update" AFTER UPDATE ON "submission"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD."status" NOT IN ('DRAFT', 'RETURNED')) IS DISTINCT FROM (NEW."status" NOT IN ('DRAFT', 'RETURNED'))
     OR (NEW."status" NOT IN ('DRAFT', 'RETURNED')
         AND (OLD."org_unit_id", OLD."period_id", OLD."programme_id")
             IS DISTINCT FROM (NEW."org_unit_id", NEW."period_id", NEW."programme_id")))
  EXECUTE FUNCTION "progress_version_bump"();
CREATE TRIGGER "submission_progress_version_truncate" AFTER TRUNCATE ON "submission"
  FOR EACH STATEMENT EXECUTE FUNCTION "progress_version_bump"();

-- Every write of a due date.
CREATE CONSTRAINT TRIGGER "deadline_progress_version" AFTER INSERT OR UPDATE OR DELETE ON "deadline"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "progress_version_bump"();
CREATE TRIGGER "deadline_progress_version_truncate" AFTER TRUNCATE ON "deadline"
  FOR EACH STATEMENT EXECUTE FUNCTION "progress_version_bump"();

-- The units' former parents and successions decide which programmes apply to a ward (appliesToRowsSql)
-- and were not covered by the catalogue's version: they are part of the catalogue from now on. Written
-- in the transactions that move or merge units (org_unit, already bumping it): one row to lock there.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['org_unit_former_parent', 'org_unit_succession'] LOOP
    EXECUTE format(
      'CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED
         FOR EACH ROW EXECUTE FUNCTION "catalogue_version_bump"()', t || '_catalogue_version', t);
    EXECUTE format(
      'CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_version_bump"()',
      t || '_catalogue_version_truncate', t);
  END LOOP;
END;
$$;
