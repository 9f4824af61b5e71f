-- The units a programme applies to (programme_unit) are part of the catalogue kept in each server
-- process (lib/data/catalogue-cache.ts): a change to them bumps the catalogue's version like the others.
CREATE CONSTRAINT TRIGGER "programme_unit_catalogue_version" AFTER INSERT OR UPDATE OR DELETE ON "programme_unit"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "catalogue_version_bump"();
CREATE TRIGGER "programme_unit_catalogue_version_truncate" AFTER TRUNCATE ON "programme_unit"
  FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_version_bump"();
