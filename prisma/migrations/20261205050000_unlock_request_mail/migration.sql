-- E-mail for unlock requests: a request → those who may unlock the ward; a refusal → the official who asked.
ALTER TYPE "mail_kind" ADD VALUE 'UNLOCK_REQUESTED';
ALTER TYPE "mail_kind" ADD VALUE 'UNLOCK_REFUSED';

-- CreateTable: the refusal read by the official who asked (its inbox item is gone).
CREATE TABLE "unlock_refusal_seen" (
    "request_id" INTEGER NOT NULL,
    "seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unlock_refusal_seen_pkey" PRIMARY KEY ("request_id")
);

-- AddForeignKey
ALTER TABLE "unlock_refusal_seen" ADD CONSTRAINT "unlock_refusal_seen_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "unlock_request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
