-- CreateEnum
CREATE TYPE "unlock_request_status" AS ENUM ('OPEN', 'GRANTED', 'REFUSED');

-- CreateTable
CREATE TABLE "unlock_request" (
    "id" SERIAL NOT NULL,
    "submission_id" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "requested_by_id" TEXT NOT NULL,
    "requested_by_name" TEXT NOT NULL,
    "requested_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "unlock_request_status" NOT NULL DEFAULT 'OPEN',
    "decided_by_id" TEXT,
    "decided_by_name" TEXT,
    "decided_at" TIMESTAMP(3),
    "decision_comment" TEXT,
    "unlock_event_id" INTEGER,

    CONSTRAINT "unlock_request_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "unlock_request_submission_id_requested_at_idx" ON "unlock_request"("submission_id", "requested_at");

-- CreateIndex
CREATE INDEX "unlock_request_status_idx" ON "unlock_request"("status");

-- AddForeignKey
ALTER TABLE "unlock_request" ADD CONSTRAINT "unlock_request_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unlock_request" ADD CONSTRAINT "unlock_request_unlock_event_id_fkey" FOREIGN KEY ("unlock_event_id") REFERENCES "submission_event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- At most one open request per submission (a second is refused, not queued).
CREATE UNIQUE INDEX "unlock_request_one_open" ON "unlock_request"("submission_id") WHERE "status" = 'OPEN';

-- A request gives its reason; a decided one names who and when; a refusal says why; a grant names its unlock.
ALTER TABLE "unlock_request" ADD CONSTRAINT "unlock_request_reason_check" CHECK (length(btrim("reason")) > 0);
ALTER TABLE "unlock_request" ADD CONSTRAINT "unlock_request_decision_check" CHECK (
  ("status" = 'OPEN') = ("decided_at" IS NULL)
  AND ("status" = 'OPEN') = ("decided_by_id" IS NULL)
  AND ("status" <> 'REFUSED' OR length(btrim(coalesce("decision_comment", ''))) > 0)
  AND (("status" = 'GRANTED') = ("unlock_event_id" IS NOT NULL))
);

-- Part of the review's record: nothing is deleted, and the only change is deciding an open request.
CREATE FUNCTION unlock_request_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = 'OPEN'
     AND (NEW.id, NEW.submission_id, NEW.reason, NEW.requested_by_id, NEW.requested_by_name, NEW.requested_at)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.submission_id, OLD.reason, OLD.requested_by_id, OLD.requested_by_name, OLD.requested_at)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'unlock_request is append-only (only deciding an open request is allowed)';
END $$;

CREATE TRIGGER unlock_request_guard BEFORE UPDATE OR DELETE ON "unlock_request"
  FOR EACH ROW EXECUTE FUNCTION unlock_request_guard();
CREATE TRIGGER unlock_request_no_truncate BEFORE TRUNCATE ON "unlock_request"
  FOR EACH STATEMENT EXECUTE FUNCTION unlock_request_guard();
