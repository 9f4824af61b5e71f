-- The children of a unit by level: how many a unit has and their broadest level are read from this
-- index alone (index-only scans), and the /so-sanh picker finds the units that have children by
-- walking it one parent at a time (its first entry for a parent is the broadest level) instead of
-- grouping every org unit in each request: 11 ms → 2 ms at 3.321 wards (the bench's city).
CREATE INDEX "org_unit_parent_id_level_idx" ON "org_unit"("parent_id", "level");
