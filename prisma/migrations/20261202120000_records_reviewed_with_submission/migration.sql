-- Land-clearance projects, their yearly progress and achievements entered by a ward are reviewed with
-- the ward's figures: each belongs to the submission of its year and programme, is a draft until the
-- committee approves that submission (approval_event_id names the approval), and is locked while the
-- submission is sent or approved. Records of a report or of the demonstration keep no submission and
-- stay published as their source says.
-- AlterTable
ALTER TABLE "achievement" ADD COLUMN     "approval_event_id" INTEGER,
ADD COLUMN     "submission_id" INTEGER;

-- AlterTable
ALTER TABLE "land_clearance_progress" ADD COLUMN     "approval_event_id" INTEGER,
ADD COLUMN     "submission_id" INTEGER;

-- AlterTable
ALTER TABLE "land_clearance_project" ADD COLUMN     "approval_event_id" INTEGER,
ADD COLUMN     "submission_id" INTEGER;

-- CreateIndex
CREATE INDEX "achievement_submission_id_idx" ON "achievement"("submission_id");

-- CreateIndex
CREATE INDEX "land_clearance_progress_submission_id_idx" ON "land_clearance_progress"("submission_id");

-- CreateIndex
CREATE INDEX "land_clearance_project_submission_id_idx" ON "land_clearance_project"("submission_id");

-- AddForeignKey
ALTER TABLE "land_clearance_project" ADD CONSTRAINT "land_clearance_project_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "land_clearance_project" ADD CONSTRAINT "land_clearance_project_approval_event_id_fkey" FOREIGN KEY ("approval_event_id") REFERENCES "submission_event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "achievement" ADD CONSTRAINT "achievement_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "achievement" ADD CONSTRAINT "achievement_approval_event_id_fkey" FOREIGN KEY ("approval_event_id") REFERENCES "submission_event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "land_clearance_progress" ADD CONSTRAINT "land_clearance_progress_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "land_clearance_progress" ADD CONSTRAINT "land_clearance_progress_approval_event_id_fkey" FOREIGN KEY ("approval_event_id") REFERENCES "submission_event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Existing entered records join the submission of their year and programme (created as a draft when
-- missing). Nobody approved them, so they are drafts: where that submission is already sent or
-- approved they wait, locked and unpublished, until it is returned or unlocked and approved again.
-- Year: a project's start year, else its end year, else the term's last year; progress: its year;
-- an achievement: its year, else the term's last year. Programme: the record's own, else the term's
-- programme holding the land-clearance indicator (03-CTr/QU).
CREATE FUNCTION "pg_temp"."record_submission"(ward integer, term integer, yr integer, prog integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  per integer;
  sid integer;
BEGIN
  IF prog IS NULL THEN RETURN NULL; END IF;
  INSERT INTO period (term_id, kind, year) VALUES (term, 'YEAR', yr) ON CONFLICT DO NOTHING;
  SELECT id INTO per FROM period WHERE term_id = term AND kind = 'YEAR' AND year = yr;
  INSERT INTO submission (org_unit_id, period_id, programme_id, updated_at) VALUES (ward, per, prog, now()) ON CONFLICT DO NOTHING;
  SELECT id INTO sid FROM submission WHERE org_unit_id = ward AND period_id = per AND programme_id = prog;
  RETURN sid;
END;
$$;

CREATE FUNCTION "pg_temp"."land_clearance_programme"(term integer) RETURNS integer LANGUAGE sql AS $$
  SELECT i.programme_id FROM indicator i JOIN programme p ON p.id = i.programme_id
  WHERE p.term_id = term AND i.code = 'du-an-gpmb' ORDER BY p.number, p.id LIMIT 1
$$;

UPDATE "land_clearance_project" r
SET "submission_id" = pg_temp.record_submission(r.org_unit_id, r.term_id, COALESCE(r.start_year, r.end_year, t.end_year), COALESCE(r.programme_id, pg_temp.land_clearance_programme(r.term_id)))
FROM "source" s, "term" t
WHERE s.id = r.source_id AND s.kind = 'ENTRY' AND t.id = r.term_id;

UPDATE "land_clearance_progress" g
SET "submission_id" = pg_temp.record_submission(p.org_unit_id, p.term_id, g.year, COALESCE(p.programme_id, pg_temp.land_clearance_programme(p.term_id)))
FROM "land_clearance_project" p
WHERE p.id = g.project_id;

UPDATE "achievement" r
SET "submission_id" = pg_temp.record_submission(r.org_unit_id, r.term_id, COALESCE(r.year, t.end_year), COALESCE(r.programme_id, pg_temp.land_clearance_programme(r.term_id)))
FROM "source" s, "term" t
WHERE s.id = r.source_id AND s.kind = 'ENTRY' AND t.id = r.term_id;

ALTER TABLE "land_clearance_progress" ALTER COLUMN "submission_id" SET NOT NULL;

-- The lock, for every writer (the app's save path checks the same under the submission's row lock):
-- an entered record may be created, changed, moved or deleted only while the submission it leaves
-- and the one it joins are drafts or returned. A created or changed record is a draft again until
-- the next approval. The only change allowed otherwise is the approval marking the records it
-- publishes (approval_event_id alone, naming an APPROVE event of the record's submission).
CREATE FUNCTION "record_only_while_editable"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  st submission_status;
BEGIN
  IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'approval_event_id' - 'updated_at') = (to_jsonb(OLD) - 'approval_event_id' - 'updated_at') THEN
    IF NEW.approval_event_id IS NOT NULL AND NEW.approval_event_id IS DISTINCT FROM OLD.approval_event_id AND NOT EXISTS (
      SELECT 1 FROM submission_event e WHERE e.id = NEW.approval_event_id AND e.submission_id = NEW.submission_id AND e.action = 'APPROVE'
    ) THEN
      RAISE EXCEPTION '% %: approval_event_id must name an approval of its submission', TG_TABLE_NAME, NEW.id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.submission_id IS NOT NULL THEN
    SELECT status INTO st FROM submission WHERE id = OLD.submission_id;
    IF st NOT IN ('DRAFT', 'RETURNED') THEN
      RAISE EXCEPTION '% % is locked: submission % is %', TG_TABLE_NAME, OLD.id, OLD.submission_id, st USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  IF NEW.submission_id IS NOT NULL THEN
    SELECT status INTO st FROM submission WHERE id = NEW.submission_id;
    IF st NOT IN ('DRAFT', 'RETURNED') THEN
      RAISE EXCEPTION '% % is locked: submission % is %', TG_TABLE_NAME, NEW.id, NEW.submission_id, st USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
  ELSIF EXISTS (SELECT 1 FROM source s WHERE s.id = (to_jsonb(NEW) ->> 'source_id')::integer AND s.kind = 'ENTRY') THEN
    -- an entered record never escapes review by having no submission
    RAISE EXCEPTION '% %: a record entered by the ward needs its submission', TG_TABLE_NAME, NEW.id USING ERRCODE = 'check_violation';
  END IF;
  NEW.approval_event_id := NULL;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "land_clearance_project_only_while_editable"
  BEFORE INSERT OR UPDATE OR DELETE ON "land_clearance_project"
  FOR EACH ROW EXECUTE FUNCTION "record_only_while_editable"();
CREATE TRIGGER "land_clearance_progress_only_while_editable"
  BEFORE INSERT OR UPDATE OR DELETE ON "land_clearance_progress"
  FOR EACH ROW EXECUTE FUNCTION "record_only_while_editable"();
CREATE TRIGGER "achievement_only_while_editable"
  BEFORE INSERT OR UPDATE OR DELETE ON "achievement"
  FOR EACH ROW EXECUTE FUNCTION "record_only_while_editable"();
