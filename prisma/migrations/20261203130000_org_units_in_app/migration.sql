-- AlterTable
ALTER TABLE "org_unit" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "org_unit_succession" ADD COLUMN     "share" DECIMAL(5,4) NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "org_unit_former_name" (
    "id" SERIAL NOT NULL,
    "org_unit_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "short_name" TEXT NOT NULL,
    "valid_to" DATE NOT NULL,
    "changed_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "org_unit_former_name_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "org_unit_year_figure" (
    "id" SERIAL NOT NULL,
    "org_unit_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "population" INTEGER,
    "households" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "org_unit_year_figure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "org_unit_former_name_org_unit_id_valid_to_idx" ON "org_unit_former_name"("org_unit_id", "valid_to");

-- CreateIndex
CREATE UNIQUE INDEX "org_unit_year_figure_org_unit_id_year_key" ON "org_unit_year_figure"("org_unit_id", "year");

-- AddForeignKey
ALTER TABLE "org_unit_former_name" ADD CONSTRAINT "org_unit_former_name_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "org_unit_year_figure" ADD CONSTRAINT "org_unit_year_figure_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Checks the app also makes, held by the database too.
ALTER TABLE "org_unit_succession" ADD CONSTRAINT "org_unit_succession_share_check" CHECK ("share" > 0 AND "share" <= 1);
ALTER TABLE "org_unit_succession" ADD CONSTRAINT "org_unit_succession_not_self" CHECK ("predecessor_id" <> "successor_id");
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_valid_range" CHECK ("valid_to" IS NULL OR "valid_to" >= "valid_from");
ALTER TABLE "org_unit_year_figure" ADD CONSTRAINT "org_unit_year_figure_counts_check"
  CHECK (("population" IS NULL OR "population" >= 0) AND ("households" IS NULL OR "households" >= 0));
