ALTER TABLE "action_items" ADD COLUMN "carried_through" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "carried_through" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
-- Items carried before this column existed: the 1:1 they were first raised in is known (carried_from_meeting_id);
-- any 1:1 they passed through after it is not.
UPDATE "action_items" SET "carried_through" = ARRAY["carried_from_meeting_id"] WHERE "carried_from_meeting_id" IS NOT NULL AND "carried_from_meeting_id" <> "meeting_id";--> statement-breakpoint
UPDATE "agenda_items" SET "carried_through" = ARRAY["carried_from_meeting_id"] WHERE "carried_from_meeting_id" IS NOT NULL AND "carried_from_meeting_id" <> "meeting_id";
