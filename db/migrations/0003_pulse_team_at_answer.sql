ALTER TABLE "pulse_checkins" ADD COLUMN "team" text;--> statement-breakpoint
-- Answers given before teams were recorded: the respondent's team today is the
-- best record there is. (The radar_facts trigger refreshes the respondents once;
-- their facts do not depend on the team, so nothing changes.)
UPDATE "pulse_checkins" pc SET "team" = m."team" FROM "memberships" m WHERE m."id" = pc."person_id" AND m."org_id" = pc."org_id";--> statement-breakpoint
CREATE INDEX "pulse_org_week_idx" ON "pulse_checkins" USING btree ("org_id","week_start");
