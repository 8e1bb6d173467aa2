ALTER TABLE "connections" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "learning_items" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "skills" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "stretch_goals" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "wins" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_updated_by_memberships_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."memberships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_items" ADD CONSTRAINT "learning_items_updated_by_memberships_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."memberships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skills" ADD CONSTRAINT "skills_updated_by_memberships_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."memberships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stretch_goals" ADD CONSTRAINT "stretch_goals_updated_by_memberships_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."memberships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wins" ADD CONSTRAINT "wins_updated_by_memberships_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."memberships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- A row never edited since it was made was last saved by whoever made it; an edited one stays unknown (null).
UPDATE "connections" SET "updated_by" = "created_by" WHERE "version" = 1;--> statement-breakpoint
UPDATE "learning_items" SET "updated_by" = "created_by" WHERE "version" = 1;--> statement-breakpoint
UPDATE "skills" SET "updated_by" = "created_by" WHERE "version" = 1;--> statement-breakpoint
UPDATE "stretch_goals" SET "updated_by" = "created_by" WHERE "version" = 1;--> statement-breakpoint
UPDATE "wins" SET "updated_by" = "author_id" WHERE "version" = 1;
