-- CreateEnum
CREATE TYPE "report_paragraph_kind" AS ENUM ('GENERAL_ASSESSMENT', 'HIGHLIGHTS', 'SHORTCOMINGS', 'LESSONS', 'DIRECTIONS');

-- CreateTable
CREATE TABLE "report_paragraph" (
    "id" SERIAL NOT NULL,
    "org_unit_id" INTEGER NOT NULL,
    "period_id" INTEGER NOT NULL,
    "kind" "report_paragraph_kind" NOT NULL,
    "text" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "report_paragraph_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "report_paragraph_org_unit_id_period_id_kind_key" ON "report_paragraph"("org_unit_id", "period_id", "kind");

-- AddForeignKey
ALTER TABLE "report_paragraph" ADD CONSTRAINT "report_paragraph_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_paragraph" ADD CONSTRAINT "report_paragraph_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A paragraph is prose, not a file: bounded, like the form's limit (lib/validation/party-report.ts).
ALTER TABLE "report_paragraph" ADD CONSTRAINT "report_paragraph_text_length" CHECK (char_length("text") <= 20000);
ALTER TABLE "report_paragraph" ADD CONSTRAINT "report_paragraph_version_positive" CHECK ("version" >= 1);
