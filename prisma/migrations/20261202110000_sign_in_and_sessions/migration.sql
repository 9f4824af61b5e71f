-- AlterEnum
ALTER TYPE "access_event" ADD VALUE 'PASSWORD_CHANGE_FAILED';

-- CreateTable
CREATE TABLE "anonymous_refusal" (
    "address" TEXT NOT NULL,
    "window_start" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "last_target" TEXT,
    "last_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "anonymous_refusal_pkey" PRIMARY KEY ("address","window_start","kind")
);

-- CreateIndex
CREATE INDEX "anonymous_refusal_window_start_idx" ON "anonymous_refusal"("window_start");

-- CreateIndex
CREATE INDEX "access_log_event_at_idx" ON "access_log"("event", "at");

-- Session tokens are stored only as their SHA-256 (hex), as API tokens are (lib/auth/session-token-store.ts):
-- the tokens stored before are hashed in place (their sessions stay valid), and a raw token can no
-- longer be written.
UPDATE "session" SET "token" = encode(sha256(convert_to("token", 'UTF8')), 'hex') WHERE "token" !~ '^[0-9a-f]{64}$';
ALTER TABLE "session" ADD CONSTRAINT "session_token_is_sha256" CHECK ("token" ~ '^[0-9a-f]{64}$');
