-- Units moved to another parent, and slugs that changed: both kept with the last day they held, so a
-- unit's history reads where it sat, and an address with a former slug answers a permanent redirect.

-- CreateTable
CREATE TABLE "org_unit_former_parent" (
    "id" SERIAL NOT NULL,
    "org_unit_id" INTEGER NOT NULL,
    "parent_id" INTEGER,
    "valid_to" DATE NOT NULL,
    "changed_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "org_unit_former_parent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "org_unit_former_slug" (
    "slug" TEXT NOT NULL,
    "org_unit_id" INTEGER NOT NULL,
    "valid_to" DATE NOT NULL,
    "changed_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "org_unit_former_slug_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
CREATE INDEX "org_unit_former_parent_org_unit_id_valid_to_idx" ON "org_unit_former_parent"("org_unit_id", "valid_to");

-- CreateIndex
CREATE INDEX "org_unit_former_slug_org_unit_id_idx" ON "org_unit_former_slug"("org_unit_id");

-- AddForeignKey
ALTER TABLE "org_unit_former_parent" ADD CONSTRAINT "org_unit_former_parent_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "org_unit_former_parent" ADD CONSTRAINT "org_unit_former_parent_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "org_unit_former_slug" ADD CONSTRAINT "org_unit_former_slug_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A former slug is never a current one (an address must lead to one unit): held by the database too,
-- on both tables.
CREATE FUNCTION org_unit_slug_not_former() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM org_unit_former_slug WHERE slug = NEW.slug) THEN
    RAISE EXCEPTION 'Mã % từng là mã của một đơn vị khác.', NEW.slug;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER org_unit_slug_not_former
BEFORE INSERT OR UPDATE OF slug ON org_unit
FOR EACH ROW EXECUTE FUNCTION org_unit_slug_not_former();

CREATE FUNCTION org_unit_former_slug_not_current() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM org_unit WHERE slug = NEW.slug) THEN
    RAISE EXCEPTION 'Mã % đang là mã của một đơn vị.', NEW.slug;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER org_unit_former_slug_not_current
BEFORE INSERT OR UPDATE OF slug ON org_unit_former_slug
FOR EACH ROW EXECUTE FUNCTION org_unit_former_slug_not_current();
