-- Stored term figures (20261206020000_term_figure): writers of results of the same term take turns
-- to recompute them, so that concurrent approvals neither miss each other's values nor collide.
CREATE OR REPLACE FUNCTION "term_figure_refresh"(p_units int[], p_indicators int[], p_terms int[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  -- one writer of a term's figures at a time, until it commits: two approvals at once (two years of a
  -- ward) would otherwise each miss the other's uncommitted values, or both insert the same key; once
  -- the lock is had, the statements below see what the other committed (READ COMMITTED). One lock per
  -- term, taken in the terms' order within a statement.
  PERFORM pg_advisory_xact_lock(hashtext('term_figure'), t)
  FROM (SELECT DISTINCT t FROM unnest(p_terms) AS t ORDER BY t) terms;

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
