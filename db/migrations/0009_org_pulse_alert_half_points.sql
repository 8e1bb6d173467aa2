ALTER TABLE "organizations" ALTER COLUMN "pulse_alert_score" SET DATA TYPE real;--> statement-breakpoint
ALTER TABLE "organizations" ALTER COLUMN "pulse_alert_score" SET DEFAULT 4;