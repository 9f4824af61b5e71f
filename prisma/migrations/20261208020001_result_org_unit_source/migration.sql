-- A unit's figures with their source in the index: the home page counts, per ward of its page, the
-- figures and those from a report (source kind REPORT), which read every figure's row from the table
-- before (48 wards × ~300 figures, 4.800 pages at 3.321 wards); now an index-only scan (~150 pages).
-- It replaces the index on (org_unit_id, period_id), of which it is a prefix: the same reads use it.
DROP INDEX "result_org_unit_id_period_id_idx";
CREATE INDEX "result_org_unit_id_period_id_source_id_idx" ON "result"("org_unit_id", "period_id", "source_id");
