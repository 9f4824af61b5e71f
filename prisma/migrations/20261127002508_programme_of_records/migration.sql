-- AlterTable
ALTER TABLE "achievement" ADD COLUMN     "programme_id" INTEGER;

-- AlterTable
ALTER TABLE "land_clearance_project" ADD COLUMN     "programme_id" INTEGER;

-- CreateIndex
CREATE INDEX "achievement_programme_id_idx" ON "achievement"("programme_id");

-- CreateIndex
CREATE INDEX "land_clearance_project_programme_id_idx" ON "land_clearance_project"("programme_id");

-- AddForeignKey
ALTER TABLE "land_clearance_project" ADD CONSTRAINT "land_clearance_project_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "achievement" ADD CONSTRAINT "achievement_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
