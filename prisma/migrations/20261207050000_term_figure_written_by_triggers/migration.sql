-- Stored term figures (20261206020000_term_figure) are written by their triggers only. Until now the
-- app's database role could INSERT, UPDATE or DELETE "term_figure" like any table, so a bug or an
-- injected statement could make a stored figure disagree with "result" without anyone noticing.
--
-- 1. The functions that write "term_figure" run as their owner (the role of the migrations), with a
--    search_path fixed to this schema then pg_temp: a temporary table of the caller named like one
--    of ours is never the one read or written. The app's role loses INSERT/UPDATE/DELETE/TRUNCATE on
--    "term_figure" (scripts/lib/app-role.mjs revokes them on every start) and may not call the refresh.
-- 2. A guard refuses any write of "term_figure" that does not come from a trigger (ours on "result",
--    "indicator", "source", "org_unit", or a foreign key's cascade) or from "term_figure_refresh"
--    itself: it holds for every role, also the superuser of the embedded database (PGlite), which is
--    the one the app uses there, so a bug writing the table directly fails loudly everywhere.
--    Recompute a key by hand as the owner with SELECT "term_figure_refresh"(units, indicators, terms).
-- The audit chain's trigger (20261202130000) gets the same search_path.

DO $$
DECLARE
  fixed text := format('%I, pg_temp', current_schema());
BEGIN
  EXECUTE format('ALTER FUNCTION "term_figure_refresh"(int[], int[], int[]) SECURITY DEFINER SET search_path = %s', fixed);
  EXECUTE format('ALTER FUNCTION "term_figure_after_result"() SECURITY DEFINER SET search_path = %s', fixed);
  EXECUTE format('ALTER FUNCTION "term_figure_after_result_truncate"() SECURITY DEFINER SET search_path = %s', fixed);
  EXECUTE format('ALTER FUNCTION "term_figure_after_rule_or_source"() SECURITY DEFINER SET search_path = %s', fixed);
  EXECUTE format('ALTER FUNCTION "term_figure_after_move"() SECURITY DEFINER SET search_path = %s', fixed);
  EXECUTE format('ALTER FUNCTION "audit_log_chain"() SET search_path = %s', fixed);
END
$$;

-- the refresh marks its own writes for the guard (a function's SET lasts for the call only)
ALTER FUNCTION "term_figure_refresh"(int[], int[], int[]) SET ctk.term_figure_refresh = 'on';

REVOKE EXECUTE ON FUNCTION "term_figure_refresh"(int[], int[], int[]) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION "term_figure_after_result"() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION "term_figure_after_result_truncate"() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION "term_figure_after_rule_or_source"() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION "term_figure_after_move"() FROM PUBLIC;

-- pg_trigger_depth() is 1 inside this guard for a statement sent by a client, 2 or more when the
-- statement comes from a trigger (ours, or the cascade of a foreign key).
CREATE FUNCTION "term_figure_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 AND current_setting('ctk.term_figure_refresh', true) IS DISTINCT FROM 'on' THEN
    RAISE EXCEPTION 'term_figure is written only by the triggers on result (% refused)', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "term_figure_guard" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "term_figure"
  FOR EACH STATEMENT EXECUTE FUNCTION "term_figure_guard"();
