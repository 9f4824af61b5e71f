-- CreateEnum
CREATE TYPE "mail_kind" AS ENUM ('SUBMISSION_SENT', 'SUBMISSION_RETURNED', 'SUBMISSION_APPROVED', 'SUBMISSION_UNLOCKED', 'DEADLINE_REMINDER');

-- CreateTable
CREATE TABLE "mail_notice" (
    "id" SERIAL NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "kind" "mail_kind" NOT NULL,
    "to_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),
    "skipped_at" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "gave_up_at" TIMESTAMP(3),

    CONSTRAINT "mail_notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mail_opt_out" (
    "user_id" TEXT NOT NULL,
    "kind" "mail_kind" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mail_opt_out_pkey" PRIMARY KEY ("user_id","kind")
);

-- CreateIndex
CREATE UNIQUE INDEX "mail_notice_dedupe_key_key" ON "mail_notice"("dedupe_key");

-- CreateIndex
CREATE INDEX "mail_notice_gave_up_at_idx" ON "mail_notice"("gave_up_at");

-- AddForeignKey
ALTER TABLE "mail_notice" ADD CONSTRAINT "mail_notice_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mail_opt_out" ADD CONSTRAINT "mail_opt_out_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
