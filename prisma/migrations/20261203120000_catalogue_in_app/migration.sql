-- AlterTable
ALTER TABLE "indicator" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "indicator_section" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "programme" ADD COLUMN     "issued_on" DATE,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "target" ADD COLUMN     "qualifier" "qualifier" NOT NULL DEFAULT 'EXACT',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "term" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "programme_unit" (
    "programme_id" INTEGER NOT NULL,
    "org_unit_id" INTEGER NOT NULL,

    CONSTRAINT "programme_unit_pkey" PRIMARY KEY ("programme_id","org_unit_id")
);

-- CreateIndex
CREATE INDEX "programme_unit_org_unit_id_idx" ON "programme_unit"("org_unit_id");

-- AddForeignKey
ALTER TABLE "programme_unit" ADD CONSTRAINT "programme_unit_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programme_unit" ADD CONSTRAINT "programme_unit_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A term runs forward, at most ten years (a typo such as 2205 is refused by the database too).
ALTER TABLE "term" ADD CONSTRAINT "term_years" CHECK ("start_year" <= "end_year" AND "end_year" - "start_year" <= 10);
