-- Term figures stored (issue 11): a comparison of a city of wards on a programme needs every ward's
-- term figure of every indicator; where a ward has yearly figures only, each is computed from its years
-- by the indicator's rule, which at 3.321 wards meant 560.000 yearly values read and aggregated for one
-- page (/so-sanh/phuong: 2,7 s). The figure is now kept in "term_figure", one row per unit × indicator ×
-- term that holds any value: the source's own term value ("reported") or the years by the rule
-- ("computed"), as lib/domain/term-figure.ts defines them, with the years, sources, demo flag and note
-- the pages show.
--
-- It cannot go stale: triggers on "result" recompute the figures of the rows a statement wrote, in that
-- statement's transaction, whoever writes (the approval that publishes a ward's figures, the seed, an
-- import, a script, a psql session); so do a change of an indicator's rule and of a source's kind. The
-- app never writes it.

-- CreateTable
CREATE TABLE "term_figure" (
    "indicator_id" INTEGER NOT NULL,
    "term_id" INTEGER NOT NULL,
    "org_unit_id" INTEGER NOT NULL,
    "parent_id" INTEGER,
    "basis" TEXT NOT NULL,
    "value" DECIMAL(24,4) NOT NULL,
    "qualifier" "qualifier" NOT NULL,
    "years" INTEGER[],
    "source_ids" INTEGER[],
    "demo" BOOLEAN NOT NULL,
    "note" TEXT,

    CONSTRAINT "term_figure_pkey" PRIMARY KEY ("indicator_id","term_id","org_unit_id")
);

-- CreateIndex
CREATE INDEX "term_figure_org_unit_id_term_id_idx" ON "term_figure"("org_unit_id", "term_id");

-- CreateIndex
CREATE INDEX "term_figure_children_idx" ON "term_figure"("parent_id", "indicator_id", "term_id", "org_unit_id", "value", "qualifier", "demo", "basis");

-- AddForeignKey
ALTER TABLE "term_figure" ADD CONSTRAINT "term_figure_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "term_figure" ADD CONSTRAINT "term_figure_term_id_fkey" FOREIGN KEY ("term_id") REFERENCES "term"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "term_figure" ADD CONSTRAINT "term_figure_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "term_figure" ADD CONSTRAINT "term_figure_basis" CHECK ("basis" IN ('reported', 'computed'));

-- The figures of the given unit × indicator × term keys (parallel arrays, repeats allowed), recomputed
-- from "result": the TERM period's value when there is one, else the YEAR values by the rule — SUM,
-- AVERAGE (rounded half away from zero to 4 decimals) "more than" when any year is; LATEST with the
-- latest year's qualifier; MAX "more than" when a year at the maximum is; YEARS_ACHIEVED the years
-- ≥ 1, exact. Keys without any value lose their row. Each key's values are found through the
-- (indicator, period, unit) index, so a trigger's cost follows the rows written, not the table.
CREATE FUNCTION "term_figure_refresh"(p_units int[], p_indicators int[], p_terms int[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "term_figure" tf
  USING (SELECT DISTINCT u, i, t FROM unnest(p_units, p_indicators, p_terms) AS k(u, i, t)) k
  WHERE tf.org_unit_id = k.u AND tf.indicator_id = k.i AND tf.term_id = k.t;

  -- one aggregate per key (a key has at most one TERM row): no join of the values with themselves,
  -- whose plan would depend on estimates of the keys' number
  INSERT INTO "term_figure" (indicator_id, term_id, org_unit_id, parent_id, basis, value, qualifier, years, source_ids, demo, note)
  SELECT i, t, u, min(parent_id),
    CASE WHEN bool_or(term) THEN 'reported' ELSE 'computed' END,
    CASE
      WHEN bool_or(term) THEN min(value) FILTER (WHERE term)
      ELSE CASE min(aggregation)
        WHEN 'SUM' THEN sum(value)
        WHEN 'AVERAGE' THEN round(sum(value) / count(*), 4)
        WHEN 'LATEST' THEN (max(ARRAY[year, value, more]))[2]
        WHEN 'MAX' THEN max(value)
        WHEN 'YEARS_ACHIEVED' THEN count(*) FILTER (WHERE value >= 1)
      END
    END,
    CASE
      WHEN bool_or(term) THEN min(qualifier::text) FILTER (WHERE term)
      WHEN min(aggregation) = 'YEARS_ACHIEVED' THEN 'EXACT'
      WHEN CASE min(aggregation)
        WHEN 'LATEST' THEN (max(ARRAY[year, value, more]))[3] = 1
        WHEN 'MAX' THEN (max(ARRAY[value, more]))[2] = 1
        ELSE max(more) = 1
      END THEN 'MORE_THAN'
      ELSE 'EXACT'
    END::"qualifier",
    CASE WHEN bool_or(term) THEN ARRAY[]::int[] ELSE array_agg(year ORDER BY year) END,
    CASE WHEN bool_or(term) THEN array_agg(source_id) FILTER (WHERE term) ELSE array_agg(source_id ORDER BY year) END,
    CASE WHEN bool_or(term) THEN bool_or(demo) FILTER (WHERE term) ELSE bool_and(demo) END,
    min(note) FILTER (WHERE term)
  FROM (
    SELECT k.u, k.i, k.t, o.parent_id, ind.aggregation::text AS aggregation, p.kind = 'TERM' AS term, p.year, r.value,
      r.qualifier, (r.qualifier = 'MORE_THAN')::int AS more, r.note, r.source_id, s.kind::text = 'DEMO' AS demo
    FROM (SELECT DISTINCT u, i, t FROM unnest(p_units, p_indicators, p_terms) AS k(u, i, t)) k
    JOIN indicator ind ON ind.id = k.i
    JOIN org_unit o ON o.id = k.u
    JOIN period p ON p.term_id = k.t
    JOIN result r ON r.indicator_id = k.i AND r.period_id = p.id AND r.org_unit_id = k.u
    JOIN source s ON s.id = r.source_id
  ) v
  GROUP BY u, i, t;
END
$$;

-- After each statement writing "result": the keys of the rows it inserted, changed (before and after:
-- a row may move to another unit, indicator or period) or deleted.
CREATE FUNCTION "term_figure_after_result"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  units int[];
  indicators int[];
  terms int[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(k.org_unit_id), array_agg(k.indicator_id), array_agg(k.term_id) INTO units, indicators, terms
    FROM (SELECT DISTINCT n.org_unit_id, n.indicator_id, p.term_id FROM new_rows n JOIN period p ON p.id = n.period_id) k;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(k.org_unit_id), array_agg(k.indicator_id), array_agg(k.term_id) INTO units, indicators, terms
    FROM (SELECT DISTINCT o.org_unit_id, o.indicator_id, p.term_id FROM old_rows o JOIN period p ON p.id = o.period_id) k;
  ELSE
    SELECT array_agg(k.org_unit_id), array_agg(k.indicator_id), array_agg(k.term_id) INTO units, indicators, terms
    FROM (
      SELECT n.org_unit_id, n.indicator_id, p.term_id FROM new_rows n JOIN period p ON p.id = n.period_id
      UNION
      SELECT o.org_unit_id, o.indicator_id, p.term_id FROM old_rows o JOIN period p ON p.id = o.period_id
    ) k;
  END IF;
  IF units IS NOT NULL THEN
    PERFORM "term_figure_refresh"(units, indicators, terms);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "result_term_figure_insert" AFTER INSERT ON "result"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "term_figure_after_result"();
CREATE TRIGGER "result_term_figure_update" AFTER UPDATE ON "result"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "term_figure_after_result"();
CREATE TRIGGER "result_term_figure_delete" AFTER DELETE ON "result"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "term_figure_after_result"();

CREATE FUNCTION "term_figure_after_result_truncate"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "term_figure";
  RETURN NULL;
END
$$;
CREATE TRIGGER "result_term_figure_truncate" AFTER TRUNCATE ON "result"
  FOR EACH STATEMENT EXECUTE FUNCTION "term_figure_after_result_truncate"();

-- An indicator's rule, or a source's kind (demo or not), changed: the figures standing on them.
-- (The catalogue refuses a change of rule once an indicator has figures; a script or a test may not.)
CREATE FUNCTION "term_figure_after_rule_or_source"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  units int[];
  indicators int[];
  terms int[];
BEGIN
  SELECT array_agg(k.org_unit_id), array_agg(k.indicator_id), array_agg(k.term_id) INTO units, indicators, terms
  FROM (
    SELECT DISTINCT r.org_unit_id, r.indicator_id, p.term_id
    FROM result r JOIN period p ON p.id = r.period_id
    WHERE CASE TG_TABLE_NAME WHEN 'indicator' THEN r.indicator_id = NEW.id ELSE r.source_id = NEW.id END
  ) k;
  IF units IS NOT NULL THEN
    PERFORM "term_figure_refresh"(units, indicators, terms);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "indicator_term_figure" AFTER UPDATE OF "aggregation" ON "indicator"
  FOR EACH ROW WHEN (OLD."aggregation" IS DISTINCT FROM NEW."aggregation")
  EXECUTE FUNCTION "term_figure_after_rule_or_source"();
CREATE TRIGGER "source_term_figure" AFTER UPDATE OF "kind" ON "source"
  FOR EACH ROW WHEN (OLD."kind" IS DISTINCT FROM NEW."kind")
  EXECUTE FUNCTION "term_figure_after_rule_or_source"();

-- A unit moved to another parent: its figures follow it.
CREATE FUNCTION "term_figure_after_move"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "term_figure" SET parent_id = NEW.parent_id WHERE org_unit_id = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER "org_unit_term_figure" AFTER UPDATE OF "parent_id" ON "org_unit"
  FOR EACH ROW WHEN (OLD."parent_id" IS DISTINCT FROM NEW."parent_id")
  EXECUTE FUNCTION "term_figure_after_move"();

-- The figures of the results already stored.
SELECT "term_figure_refresh"(array_agg(k.org_unit_id), array_agg(k.indicator_id), array_agg(k.term_id))
FROM (SELECT DISTINCT r.org_unit_id, r.indicator_id, p.term_id FROM result r JOIN period p ON p.id = r.period_id) k;
