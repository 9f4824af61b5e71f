-- Comparisons at city and national scale (issue 11): the figures of thousands of wards on a programme
-- are read per indicator and period from this covering index alone (an index-only scan), not from
-- result rows scattered over the whole table (one heap page per row at 3.321 wards: 93.000 page reads
-- for /so-sanh/phuong). Every column as a key (not INCLUDE) because Prisma's schema can express that.
CREATE INDEX "result_figure_idx" ON "result"("indicator_id", "period_id", "org_unit_id", "value", "qualifier", "source_id");

-- The comparison statements are estimated as expensive (CTEs over thousands of wards), which makes
-- PostgreSQL compile them with LLVM (JIT) on every run: 200–300 ms of compilation for a statement that
-- runs in less. The app's queries are short; JIT only slows them. Set for this database (new
-- sessions); left alone where the role may not alter the database or the server has no such setting.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'jit left as it is: %', SQLERRM;
END
$$;
