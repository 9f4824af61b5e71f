-- CreateEnum
CREATE TYPE "rule_kind" AS ENUM ('SUM_AT_MOST');

-- CreateEnum
CREATE TYPE "submission_status" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED');

-- CreateEnum
CREATE TYPE "submission_action" AS ENUM ('SUBMIT', 'RETURN', 'APPROVE', 'UNLOCK');

-- AlterTable
ALTER TABLE "achievement" ADD COLUMN     "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "indicator_rule" (
    "id" SERIAL NOT NULL,
    "programme_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "rule_kind" NOT NULL,
    "left" TEXT[],
    "right" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "indicator_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "submission" (
    "id" SERIAL NOT NULL,
    "org_unit_id" INTEGER NOT NULL,
    "period_id" INTEGER NOT NULL,
    "programme_id" INTEGER NOT NULL,
    "status" "submission_status" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "submission_event" (
    "id" SERIAL NOT NULL,
    "submission_id" INTEGER NOT NULL,
    "action" "submission_action" NOT NULL,
    "from_status" "submission_status" NOT NULL,
    "to_status" "submission_status" NOT NULL,
    "comment" TEXT,
    "actor_id" TEXT NOT NULL,
    "actor_name" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "submission_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "entry_value" (
    "id" SERIAL NOT NULL,
    "submission_id" INTEGER NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "org_unit_id" INTEGER NOT NULL,
    "value" DECIMAL(24,4),
    "qualifier" "qualifier" NOT NULL DEFAULT 'EXACT',
    "note" TEXT,
    "outlier_confirmed" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "entry_value_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deadline" (
    "id" SERIAL NOT NULL,
    "district_id" INTEGER NOT NULL,
    "period_id" INTEGER NOT NULL,
    "due_on" DATE NOT NULL,
    "set_by_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "deadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "land_clearance_progress" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "households_handed_over" INTEGER,
    "area_m2" DECIMAL(14,2),
    "compensation_dong" DECIMAL(20,0),
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "land_clearance_progress_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "indicator_rule_programme_id_code_key" ON "indicator_rule"("programme_id", "code");

-- CreateIndex
CREATE INDEX "submission_period_id_programme_id_status_idx" ON "submission"("period_id", "programme_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "submission_org_unit_id_period_id_programme_id_key" ON "submission"("org_unit_id", "period_id", "programme_id");

-- CreateIndex
CREATE INDEX "submission_event_submission_id_at_idx" ON "submission_event"("submission_id", "at");

-- CreateIndex
CREATE INDEX "entry_value_indicator_id_org_unit_id_idx" ON "entry_value"("indicator_id", "org_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "entry_value_submission_id_indicator_id_org_unit_id_key" ON "entry_value"("submission_id", "indicator_id", "org_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "deadline_district_id_period_id_key" ON "deadline"("district_id", "period_id");

-- CreateIndex
CREATE UNIQUE INDEX "land_clearance_progress_project_id_year_key" ON "land_clearance_progress"("project_id", "year");

-- AddForeignKey
ALTER TABLE "indicator_rule" ADD CONSTRAINT "indicator_rule_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission" ADD CONSTRAINT "submission_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission" ADD CONSTRAINT "submission_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission" ADD CONSTRAINT "submission_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission_event" ADD CONSTRAINT "submission_event_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entry_value" ADD CONSTRAINT "entry_value_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entry_value" ADD CONSTRAINT "entry_value_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entry_value" ADD CONSTRAINT "entry_value_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deadline" ADD CONSTRAINT "deadline_district_id_fkey" FOREIGN KEY ("district_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deadline" ADD CONSTRAINT "deadline_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "land_clearance_progress" ADD CONSTRAINT "land_clearance_progress_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "land_clearance_project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: what Prisma's schema language cannot say.
ALTER TABLE "entry_value" ADD CONSTRAINT "entry_value_value_nonnegative_check" CHECK ("value" IS NULL OR "value" >= 0);
ALTER TABLE "entry_value" ADD CONSTRAINT "entry_value_version_positive_check" CHECK ("version" >= 1);
ALTER TABLE "submission" ADD CONSTRAINT "submission_version_positive_check" CHECK ("version" >= 1);
ALTER TABLE "indicator_rule" ADD CONSTRAINT "indicator_rule_left_nonempty_check" CHECK (cardinality("left") >= 1);
ALTER TABLE "land_clearance_progress" ADD CONSTRAINT "land_clearance_progress_nonnegative_check"
  CHECK (("households_handed_over" IS NULL OR "households_handed_over" >= 0)
     AND ("area_m2" IS NULL OR "area_m2" >= 0)
     AND ("compensation_dong" IS NULL OR "compensation_dong" >= 0));

-- A submission's history and the access log are append-only, like the audit log.
CREATE FUNCTION "refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "submission_event_append_only"
  BEFORE UPDATE OR DELETE ON "submission_event"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
CREATE TRIGGER "submission_event_no_truncate"
  BEFORE TRUNCATE ON "submission_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"();
CREATE TRIGGER "access_log_append_only"
  BEFORE UPDATE OR DELETE ON "access_log"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
CREATE TRIGGER "access_log_no_truncate"
  BEFORE TRUNCATE ON "access_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"();
