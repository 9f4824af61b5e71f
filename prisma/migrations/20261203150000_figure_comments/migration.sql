-- CreateTable
CREATE TABLE "figure_comment" (
    "id" SERIAL NOT NULL,
    "submission_id" INTEGER NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "org_unit_id" INTEGER NOT NULL,
    "question_id" INTEGER,
    "body" TEXT NOT NULL,
    "value" TEXT,
    "author_id" TEXT NOT NULL,
    "author_name" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMP(3),
    "closed_by_event_id" INTEGER,

    CONSTRAINT "figure_comment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "figure_comment_submission_id_closed_at_idx" ON "figure_comment"("submission_id", "closed_at");

-- CreateIndex
CREATE INDEX "figure_comment_question_id_idx" ON "figure_comment"("question_id");

-- AddForeignKey
ALTER TABLE "figure_comment" ADD CONSTRAINT "figure_comment_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "figure_comment" ADD CONSTRAINT "figure_comment_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "figure_comment" ADD CONSTRAINT "figure_comment_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "figure_comment" ADD CONSTRAINT "figure_comment_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "figure_comment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "figure_comment" ADD CONSTRAINT "figure_comment_closed_by_event_id_fkey" FOREIGN KEY ("closed_by_event_id") REFERENCES "submission_event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A comment says something; only a question is closed, by an approval (both fields together).
ALTER TABLE "figure_comment" ADD CONSTRAINT "figure_comment_body_check" CHECK (length(btrim("body")) > 0);
ALTER TABLE "figure_comment" ADD CONSTRAINT "figure_comment_closed_check" CHECK (
  ("closed_at" IS NULL) = ("closed_by_event_id" IS NULL) AND ("question_id" IS NULL OR "closed_at" IS NULL)
);

-- The thread is part of the review's record: nothing is deleted, and the only change is closing an
-- open question.
CREATE FUNCTION figure_comment_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'figure_comment is append-only (only closing a question is allowed)';
  END IF;
  IF OLD.closed_at IS NULL AND NEW.closed_at IS NOT NULL
     AND (NEW.id, NEW.submission_id, NEW.indicator_id, NEW.org_unit_id, NEW.question_id, NEW.body, NEW.value,
          NEW.author_id, NEW.author_name, NEW.at)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.submission_id, OLD.indicator_id, OLD.org_unit_id, OLD.question_id, OLD.body, OLD.value,
          OLD.author_id, OLD.author_name, OLD.at)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'figure_comment is append-only (only closing a question is allowed)';
END $$;

CREATE TRIGGER figure_comment_guard BEFORE UPDATE OR DELETE ON "figure_comment"
  FOR EACH ROW EXECUTE FUNCTION figure_comment_guard();
CREATE TRIGGER figure_comment_no_truncate BEFORE TRUNCATE ON "figure_comment"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_comment_guard();
