-- Hand-written: figures sent for review or approved are locked for every writer, not only for the
-- app's save path (imports, scripts, a future grid): entry values may change only while their
-- submission is a draft or returned. The app's save path checks the same under the submission's row lock.
CREATE FUNCTION "entry_value_only_while_editable"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sid integer;
  st submission_status;
BEGIN
  IF TG_OP = 'DELETE' THEN sid := OLD.submission_id; ELSE sid := NEW.submission_id; END IF;
  SELECT status INTO st FROM submission WHERE id = sid;
  IF st IS NOT NULL AND st NOT IN ('DRAFT', 'RETURNED') THEN
    RAISE EXCEPTION 'entry values of submission % are locked (%)', sid, st USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  -- a value moved to another submission must leave an editable one as well
  IF TG_OP = 'UPDATE' AND OLD.submission_id <> NEW.submission_id THEN
    SELECT status INTO st FROM submission WHERE id = OLD.submission_id;
    IF st NOT IN ('DRAFT', 'RETURNED') THEN
      RAISE EXCEPTION 'entry values of submission % are locked (%)', OLD.submission_id, st USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "entry_value_only_while_editable"
  BEFORE INSERT OR UPDATE OR DELETE ON "entry_value"
  FOR EACH ROW EXECUTE FUNCTION "entry_value_only_while_editable"();
