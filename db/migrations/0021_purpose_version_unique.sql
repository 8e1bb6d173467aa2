-- Purpose statements are versioned per person (the latest is current, the editor sends the version it started from).
-- Rows inserted without a version (the demo data) all read "version 1": number each person's statements by when they
-- were written, only where a version repeats, so an editor open on a page elsewhere is not told it is stale.
UPDATE "purpose_statements" p
   SET "version" = n.rn
  FROM (SELECT "id", row_number() OVER (PARTITION BY "person_id" ORDER BY "created_at", "version", "id") AS rn
          FROM "purpose_statements"
         WHERE "person_id" IN (SELECT "person_id" FROM "purpose_statements" GROUP BY "person_id", "version" HAVING count(*) > 1)) n
 WHERE p."id" = n."id";--> statement-breakpoint
CREATE UNIQUE INDEX "purpose_person_version_uq" ON "purpose_statements" USING btree ("person_id","version");
