-- The progress version (20261208040000_progress_version, 20261209010000_progress_version_figures) also
-- moves with the published land-clearance projects, their yearly progress and the named achievements
-- (issue 11): each server process keeps what a ward's pages show (overview, programme dashboard) under
-- (catalogue version, progress version), and those pages show these records once published. A draft
-- (entered with the ward's submission, not yet approved) is shown on /gpmb only, read there each time:
-- writing one does not bump, so that a ward's draft saves do not queue on the version's row. A write
-- bumps when the row is published before or after it (inserted, approved, made a draft again, deleted).
DO $$
DECLARE
  t text;
  published text;
BEGIN
  FOREACH t IN ARRAY ARRAY['land_clearance_project', 'land_clearance_progress', 'achievement'] LOOP
    -- as publishedRecordSql (lib/data/records.ts); a year's progress is always entered by the ward
    published := CASE t WHEN 'land_clearance_progress' THEN '%1$s."approval_event_id" IS NOT NULL'
                        ELSE '(%1$s."submission_id" IS NULL OR %1$s."approval_event_id" IS NOT NULL)' END;
    EXECUTE format(
      'CREATE CONSTRAINT TRIGGER %I AFTER INSERT ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
         WHEN (%s) EXECUTE FUNCTION "progress_version_bump"()',
      t || '_progress_version_insert', t, format(published, 'NEW'));
    EXECUTE format(
      'CREATE CONSTRAINT TRIGGER %I AFTER DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
         WHEN (%s) EXECUTE FUNCTION "progress_version_bump"()',
      t || '_progress_version_delete', t, format(published, 'OLD'));
    EXECUTE format(
      'CREATE CONSTRAINT TRIGGER %I AFTER UPDATE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
         WHEN (%s OR %s) EXECUTE FUNCTION "progress_version_bump"()',
      t || '_progress_version_update', t, format(published, 'OLD'), format(published, 'NEW'));
    EXECUTE format(
      'CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "progress_version_bump"()',
      t || '_progress_version_truncate', t);
  END LOOP;
END;
$$;
