-- AlterTable
ALTER TABLE "org_unit" ADD COLUMN     "allow_self_approval" BOOLEAN;
