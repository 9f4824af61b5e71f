-- CreateEnum
CREATE TYPE "org_level" AS ENUM ('CITY', 'DISTRICT', 'WARD', 'RESIDENTIAL_GROUP');

-- CreateEnum
CREATE TYPE "period_kind" AS ENUM ('YEAR', 'TERM');

-- CreateEnum
CREATE TYPE "value_type" AS ENUM ('COUNT', 'PERCENT', 'MONEY', 'DECIMAL', 'BOOLEAN');

-- CreateEnum
CREATE TYPE "aggregation" AS ENUM ('SUM', 'AVERAGE', 'LATEST', 'MAX', 'YEARS_ACHIEVED');

-- CreateEnum
CREATE TYPE "direction" AS ENUM ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER', 'NEUTRAL');

-- CreateEnum
CREATE TYPE "comparison" AS ENUM ('GTE', 'GT', 'LTE', 'LT', 'EQ');

-- CreateEnum
CREATE TYPE "source_kind" AS ENUM ('REPORT', 'ENTRY', 'DEMO');

-- CreateEnum
CREATE TYPE "qualifier" AS ENUM ('EXACT', 'MORE_THAN');

-- CreateEnum
CREATE TYPE "project_status" AS ENUM ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "achievement_kind" AS ENUM ('E_GOVERNMENT', 'CIVILISED_MARKET', 'GREEN_CLEAN_BEAUTIFUL', 'CIVILISED_STREET', 'OTHER');

-- CreateEnum
CREATE TYPE "achievement_status" AS ENUM ('ACHIEVED', 'REGISTERED');

-- CreateEnum
CREATE TYPE "audit_action" AS ENUM ('CREATE', 'UPDATE', 'DELETE');

-- CreateTable
CREATE TABLE "org_unit" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "short_name" TEXT NOT NULL,
    "level" "org_level" NOT NULL,
    "parent_id" INTEGER,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "population" INTEGER,
    "households" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "org_unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "org_unit_succession" (
    "predecessor_id" INTEGER NOT NULL,
    "successor_id" INTEGER NOT NULL,
    "effective_on" DATE NOT NULL,
    "note" TEXT,

    CONSTRAINT "org_unit_succession_pkey" PRIMARY KEY ("predecessor_id","successor_id")
);

-- CreateTable
CREATE TABLE "term" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "start_year" INTEGER NOT NULL,
    "end_year" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "term_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "period" (
    "id" SERIAL NOT NULL,
    "term_id" INTEGER NOT NULL,
    "kind" "period_kind" NOT NULL,
    "year" INTEGER,

    CONSTRAINT "period_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "programme" (
    "id" SERIAL NOT NULL,
    "term_id" INTEGER NOT NULL,
    "issuer_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator_section" (
    "id" SERIAL NOT NULL,
    "programme_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "indicator_section_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator" (
    "id" SERIAL NOT NULL,
    "programme_id" INTEGER NOT NULL,
    "section_id" INTEGER NOT NULL,
    "parent_id" INTEGER,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "value_type" "value_type" NOT NULL,
    "aggregation" "aggregation" NOT NULL,
    "direction" "direction" NOT NULL,
    "collection_level" "org_level" NOT NULL DEFAULT 'WARD',
    "ward_from_groups" BOOLEAN NOT NULL DEFAULT false,
    "categories" JSONB NOT NULL DEFAULT '{}',
    "headline" BOOLEAN NOT NULL DEFAULT false,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "description" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "target" (
    "id" SERIAL NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "period_id" INTEGER NOT NULL,
    "org_unit_id" INTEGER,
    "comparison" "comparison" NOT NULL,
    "value" DECIMAL(24,4) NOT NULL,
    "source_id" INTEGER NOT NULL,
    "note" TEXT,

    CONSTRAINT "target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "source" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "source_kind" NOT NULL,
    "title" TEXT NOT NULL,
    "issued_on" DATE,
    "publisher" TEXT,
    "note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "result" (
    "id" SERIAL NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "org_unit_id" INTEGER NOT NULL,
    "period_id" INTEGER NOT NULL,
    "value" DECIMAL(24,4) NOT NULL,
    "qualifier" "qualifier" NOT NULL DEFAULT 'EXACT',
    "note" TEXT,
    "source_id" INTEGER NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "result_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "land_clearance_project" (
    "id" SERIAL NOT NULL,
    "org_unit_id" INTEGER NOT NULL,
    "term_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "start_year" INTEGER,
    "end_year" INTEGER,
    "status" "project_status" NOT NULL DEFAULT 'UNKNOWN',
    "households_affected" INTEGER,
    "area_m2" DECIMAL(14,2),
    "compensation_dong" DECIMAL(20,0),
    "forced_enforcements" INTEGER,
    "note" TEXT,
    "source_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "land_clearance_project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "achievement" (
    "id" SERIAL NOT NULL,
    "org_unit_id" INTEGER NOT NULL,
    "subject_org_unit_id" INTEGER,
    "term_id" INTEGER NOT NULL,
    "kind" "achievement_kind" NOT NULL,
    "status" "achievement_status" NOT NULL DEFAULT 'ACHIEVED',
    "year" INTEGER,
    "title" TEXT NOT NULL,
    "recognition_level" "org_level",
    "note" TEXT,
    "source_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "achievement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" "audit_action" NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "field" TEXT,
    "old_value" TEXT,
    "new_value" TEXT,
    "context" JSONB,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "org_unit_slug_key" ON "org_unit"("slug");

-- CreateIndex
CREATE INDEX "org_unit_parent_id_sort_order_idx" ON "org_unit"("parent_id", "sort_order");

-- CreateIndex
CREATE INDEX "org_unit_level_idx" ON "org_unit"("level");

-- CreateIndex
CREATE INDEX "org_unit_succession_successor_id_idx" ON "org_unit_succession"("successor_id");

-- CreateIndex
CREATE UNIQUE INDEX "term_slug_key" ON "term"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "period_term_id_kind_year_key" ON "period"("term_id", "kind", "year");

-- CreateIndex
CREATE INDEX "programme_term_id_number_idx" ON "programme"("term_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "programme_issuer_id_term_id_code_key" ON "programme"("issuer_id", "term_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "programme_issuer_id_term_id_slug_key" ON "programme"("issuer_id", "term_id", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "indicator_section_programme_id_code_key" ON "indicator_section"("programme_id", "code");

-- CreateIndex
CREATE INDEX "indicator_section_id_sort_order_idx" ON "indicator"("section_id", "sort_order");

-- CreateIndex
CREATE INDEX "indicator_parent_id_idx" ON "indicator"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "indicator_programme_id_code_key" ON "indicator"("programme_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "target_indicator_id_period_id_org_unit_id_key" ON "target"("indicator_id", "period_id", "org_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "source_key_key" ON "source"("key");

-- CreateIndex
CREATE INDEX "result_org_unit_id_period_id_idx" ON "result"("org_unit_id", "period_id");

-- CreateIndex
CREATE INDEX "result_source_id_idx" ON "result"("source_id");

-- CreateIndex
CREATE UNIQUE INDEX "result_indicator_id_period_id_org_unit_id_key" ON "result"("indicator_id", "period_id", "org_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "land_clearance_project_org_unit_id_term_id_name_key" ON "land_clearance_project"("org_unit_id", "term_id", "name");

-- CreateIndex
CREATE INDEX "achievement_term_id_year_idx" ON "achievement"("term_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "achievement_org_unit_id_term_id_kind_title_year_key" ON "achievement"("org_unit_id", "term_id", "kind", "title", "year");

-- CreateIndex
CREATE INDEX "audit_log_entity_entity_id_at_idx" ON "audit_log"("entity", "entity_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- AddForeignKey
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "org_unit_succession" ADD CONSTRAINT "org_unit_succession_predecessor_id_fkey" FOREIGN KEY ("predecessor_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "org_unit_succession" ADD CONSTRAINT "org_unit_succession_successor_id_fkey" FOREIGN KEY ("successor_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "period" ADD CONSTRAINT "period_term_id_fkey" FOREIGN KEY ("term_id") REFERENCES "term"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programme" ADD CONSTRAINT "programme_term_id_fkey" FOREIGN KEY ("term_id") REFERENCES "term"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programme" ADD CONSTRAINT "programme_issuer_id_fkey" FOREIGN KEY ("issuer_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_section" ADD CONSTRAINT "indicator_section_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_section_id_fkey" FOREIGN KEY ("section_id") REFERENCES "indicator_section"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result" ADD CONSTRAINT "result_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result" ADD CONSTRAINT "result_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result" ADD CONSTRAINT "result_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result" ADD CONSTRAINT "result_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "land_clearance_project" ADD CONSTRAINT "land_clearance_project_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "land_clearance_project" ADD CONSTRAINT "land_clearance_project_term_id_fkey" FOREIGN KEY ("term_id") REFERENCES "term"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "land_clearance_project" ADD CONSTRAINT "land_clearance_project_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "achievement" ADD CONSTRAINT "achievement_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "achievement" ADD CONSTRAINT "achievement_subject_org_unit_id_fkey" FOREIGN KEY ("subject_org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "achievement" ADD CONSTRAINT "achievement_term_id_fkey" FOREIGN KEY ("term_id") REFERENCES "term"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "achievement" ADD CONSTRAINT "achievement_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Invariants Prisma's schema language cannot state ------------------------------------------

-- A YEAR period has a year; the TERM period has none, and there is one TERM period per term.
ALTER TABLE "period" ADD CONSTRAINT "period_kind_year_check"
  CHECK (("kind" = 'YEAR' AND "year" IS NOT NULL) OR ("kind" = 'TERM' AND "year" IS NULL));
CREATE UNIQUE INDEX "period_one_term_period" ON "period" ("term_id") WHERE "kind" = 'TERM';

ALTER TABLE "term" ADD CONSTRAINT "term_years_check" CHECK ("start_year" <= "end_year");
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_validity_check"
  CHECK ("valid_to" IS NULL OR "valid_to" >= "valid_from");
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_not_own_parent_check" CHECK ("parent_id" <> "id");

-- Every figure the programmes track is a count, a rate, an amount or a yes/no: never negative.
ALTER TABLE "result" ADD CONSTRAINT "result_value_nonnegative_check" CHECK ("value" >= 0);
ALTER TABLE "result" ADD CONSTRAINT "result_version_positive_check" CHECK ("version" >= 1);

-- One target per indicator, period and "every unit" (NULL org unit), which the unique index above
-- cannot enforce because NULLs are distinct.
CREATE UNIQUE INDEX "target_one_default_per_period" ON "target" ("indicator_id", "period_id")
  WHERE "org_unit_id" IS NULL;

-- The audit log is append-only: history cannot be rewritten, not even by the application.
CREATE FUNCTION "audit_log_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "audit_log_append_only"
  BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_refuse_change"();
CREATE TRIGGER "audit_log_no_truncate"
  BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_refuse_change"();
