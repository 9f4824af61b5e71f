-- AlterTable
ALTER TABLE "audit_log" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prev_hash" TEXT;

-- CreateTable
CREATE TABLE "audit_chain_head" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "last_id" BIGINT NOT NULL,
    "last_hash" TEXT NOT NULL,

    CONSTRAINT "audit_chain_head_pkey" PRIMARY KEY ("id")
);

-- The audit log becomes a hash chain: each row carries the hash of the row before it (prev_hash) and
-- the sha256 of that and its own content (hash). Any change to a stored row, a deleted row or a row
-- slipped in with the triggers off breaks the chain at that row; `npm run audit:verify` recomputes it
-- (scripts/lib/audit-verify.mjs holds the same format, computed outside the database).
--
-- Format v1, hashed as UTF-8: 'ctk-audit-v1' LF prev_hash, then for each of id, at
-- (YYYY-MM-DD"T"HH24:MI:SS.MS), actor, action, entity, entity_id, field, old_value, new_value,
-- context (jsonb text): '|-' when NULL, else '|' <byte length> ':' <text>.
CREATE FUNCTION "audit_log_field"(v TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL THEN '|-' ELSE '|' || octet_length(v) || ':' || v END
$$;

CREATE FUNCTION "audit_log_hash"(r "audit_log") RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(
    'ctk-audit-v1' || E'\n' || r.prev_hash
      || "audit_log_field"(r.id::text)
      || "audit_log_field"(to_char(r.at, 'YYYY-MM-DD"T"HH24:MI:SS.MS'))
      || "audit_log_field"(r.actor)
      || "audit_log_field"(r.action::text)
      || "audit_log_field"(r.entity)
      || "audit_log_field"(r.entity_id)
      || "audit_log_field"(r.field)
      || "audit_log_field"(r.old_value)
      || "audit_log_field"(r.new_value)
      || "audit_log_field"(r.context::text),
    'UTF8')), 'hex')
$$;

-- One row: the chain's last id and hash. Locking it FOR UPDATE serialises the inserts of concurrent
-- transactions until each commits, so every row chains onto a committed (or its own) predecessor.
ALTER TABLE "audit_chain_head" ADD CONSTRAINT "audit_chain_head_single_row" CHECK ("id" = 1);

-- Existing rows, in id order.
ALTER TABLE "audit_log" DISABLE TRIGGER "audit_log_append_only";
DO $$
DECLARE
  r "audit_log";
  prev TEXT := repeat('0', 64);
  last BIGINT := 0;
BEGIN
  FOR r IN SELECT * FROM "audit_log" ORDER BY "id" LOOP
    r.prev_hash := prev;
    prev := "audit_log_hash"(r);
    UPDATE "audit_log" SET "prev_hash" = r.prev_hash, "hash" = prev WHERE "id" = r.id;
    last := r.id;
  END LOOP;
  INSERT INTO "audit_chain_head" ("id", "last_id", "last_hash") VALUES (1, last, prev);
END $$;
ALTER TABLE "audit_log" ENABLE TRIGGER "audit_log_append_only";

-- Every insert: the next id of the chain (not the sequence's: ids drawn before the lock would not be
-- in chain order), the previous hash and its own. SECURITY DEFINER: it runs as the migrations' owner,
-- so the app's role needs no write right on audit_chain_head (it gets none).
CREATE FUNCTION "audit_log_chain"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  head "audit_chain_head";
BEGIN
  SELECT * INTO head FROM "audit_chain_head" WHERE "id" = 1 FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'audit_chain_head is missing: the audit chain cannot continue' USING ERRCODE = 'data_exception';
  END IF;
  NEW.id := head.last_id + 1;
  NEW.prev_hash := head.last_hash;
  NEW.hash := "audit_log_hash"(NEW);
  UPDATE "audit_chain_head" SET "last_id" = NEW.id, "last_hash" = NEW.hash WHERE "id" = 1;
  RETURN NEW;
END $$;

CREATE TRIGGER "audit_log_chain"
  BEFORE INSERT ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_chain"();
