ALTER TABLE "meetings" ADD COLUMN "schedule_version" integer;--> statement-breakpoint
-- When a meeting was last rescheduled, held or cancelled was not recorded before this column: count its latest
-- change as one (a page loaded before it is refused, as it was), unless that change was a check-in save, which
-- made the current version itself, so any transition came before it.
UPDATE "meetings" SET "schedule_version" = CASE WHEN "check_in_version" = "version" THEN "version" - 1 ELSE "version" END WHERE "version" > 1;
