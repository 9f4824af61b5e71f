-- The progress version (20261208040000_progress_version) also moves with the figures (issue 11): every
-- write of a result (and so of the term figures, which the same statement recomputes), a source or a
-- target. Each server process keeps what a comparison shows under (catalogue version, progress
-- version), so that the same ranking is not recomputed for every reader until a figure changes. Draft
-- entries (entry_value) do not bump it: results are written by approvals, imports, the seed, scripts.

-- A result statement may write thousands of rows (an import, the seed): queue the deferred bump for
-- its first row only, not one event per row. The first row marks the transaction with a setting local
-- to it; a savepoint rolled back takes both the mark and the queued event with it (guc.c reverts a
-- subtransaction's settings), so the next write queues again. The WHEN tests the mark before calling
-- the function (AND stops at false), so that the rows after the first cost one setting lookup.
CREATE FUNCTION "progress_version_queue_once"() RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('ctk.progress_version_queued', true) = 'on' THEN
    RETURN false;
  END IF;
  PERFORM set_config('ctk.progress_version_queued', 'on', true);
  RETURN true;
END;
$$;

CREATE CONSTRAINT TRIGGER "result_progress_version" AFTER INSERT OR UPDATE OR DELETE ON "result"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (current_setting('ctk.progress_version_queued', true) IS DISTINCT FROM 'on' AND "progress_version_queue_once"())
  EXECUTE FUNCTION "progress_version_bump"();

DO $$
DECLARE t text;
BEGIN
  -- few rows per transaction: an event per row, as the due dates
  FOREACH t IN ARRAY ARRAY['source', 'target'] LOOP
    EXECUTE format(
      'CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED
         FOR EACH ROW EXECUTE FUNCTION "progress_version_bump"()', t || '_progress_version', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['result', 'source', 'target'] LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "progress_version_bump"()',
      t || '_progress_version_truncate', t);
  END LOOP;
END;
$$;
