ALTER TABLE "meetings" ADD COLUMN "check_in_updated_by" uuid;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "check_in_version" integer;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_check_in_updated_by_memberships_id_fk" FOREIGN KEY ("check_in_updated_by") REFERENCES "public"."memberships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Check-ins saved before this column existed count as saved at the current version: a stale save over one is still a conflict.
UPDATE "meetings" SET "check_in_version" = "version" WHERE "energy" IS NOT NULL OR "meaningful" <> '' OR "going_through_motions" <> '' OR "learn_next" <> '';
