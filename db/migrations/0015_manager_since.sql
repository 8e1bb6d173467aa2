ALTER TABLE "memberships" ADD COLUMN "manager_since" timestamp with time zone;--> statement-breakpoint
-- When the reporting line began, kept by the database so every path that changes a manager (the admin's form, the
-- CSV import, the API, a script) records it alike. The radar gives a new line time for a first 1:1.
CREATE OR REPLACE FUNCTION memberships_manager_since() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.manager_id IS DISTINCT FROM OLD.manager_id THEN
    NEW.manager_since := now();
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER memberships_manager_since BEFORE UPDATE OF manager_id ON memberships
  FOR EACH ROW EXECUTE FUNCTION memberships_manager_since();
