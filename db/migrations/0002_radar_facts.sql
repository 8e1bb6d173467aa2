CREATE TABLE "radar_facts" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"role_latest" date,
	"active_goals" integer DEFAULT 0 NOT NULL,
	"active_goal_titles" text[],
	"active_rotation" text,
	"last_held_at" timestamp with time zone,
	"upcoming" timestamp with time zone[],
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"pulse_rust" double precision[],
	"pulse_latest_week" date,
	"stuck_any_at" timestamp with time zone,
	"stuck_skip_at" timestamp with time zone,
	"stuck_hr_at" timestamp with time zone,
	"last_learning_at" timestamp with time zone,
	"unused_skills" text[]
);
--> statement-breakpoint
ALTER TABLE "radar_facts" ADD CONSTRAINT "radar_facts_person_id_memberships_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "radar_facts" ADD CONSTRAINT "radar_facts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "radar_facts_org_idx" ON "radar_facts" USING btree ("org_id");
--> statement-breakpoint
-- Recomputes the radar facts of the given people from their history.
-- The same probes the radar used to run for every person on every read; now
-- they run once per write, for the people a statement touched.
CREATE FUNCTION radar_facts_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  -- db:synth defers the facts to one refresh of everyone at the end, after
  -- ANALYZE: on tables without statistics each bulk statement's refresh plans badly.
  IF current_setting('reignite.defer_radar_facts', true) = 'on' THEN
    RETURN;
  END IF;
  -- Writers touching the same person take turns (rows locked in id order, so
  -- no deadlock): the recomputation below is a new statement with a new
  -- snapshot, so it sees what the writer before us committed.
  PERFORM 1 FROM radar_facts f WHERE f.person_id IN (SELECT unnest(ids)) ORDER BY f.person_id FOR UPDATE;
  INSERT INTO radar_facts AS f (person_id, org_id, role_latest, active_goals, active_goal_titles, active_rotation,
                               last_held_at, upcoming, refreshed_at, pulse_rust, pulse_latest_week, stuck_any_at, stuck_skip_at, stuck_hr_at,
                               last_learning_at, unused_skills)
  SELECT m.id, m.org_id,
         (SELECT max(e.effective_on) FROM role_events e WHERE e.org_id = m.org_id AND e.person_id = m.id),
         g.n, g.titles,
         (SELECT r.host FROM rotations r
           WHERE r.org_id = m.org_id AND r.person_id = m.id AND r.status = 'active'
           ORDER BY r.start_on DESC, r.id LIMIT 1),
         (SELECT mt.scheduled_at FROM meetings mt
           WHERE mt.org_id = m.org_id AND mt.report_id = m.id AND mt.manager_id = m.manager_id AND mt.status = 'held'
           ORDER BY mt.scheduled_at DESC LIMIT 1),
         -- now() is when this transaction began: what is listed holds for every later instant.
         (SELECT array_agg(mt.scheduled_at ORDER BY mt.scheduled_at) FROM meetings mt
           WHERE mt.org_id = m.org_id AND mt.report_id = m.id AND mt.manager_id = m.manager_id AND mt.status = 'scheduled'
             AND mt.scheduled_at >= now()),
         now(),
         p.rust, p.latest_week,
         st.any_at, st.skip_at, st.hr_at,
         (SELECT max(greatest(li.updated_at, li.created_at,
                              coalesce(li.completed_on::timestamptz, li.created_at),
                              coalesce(li.started_on::timestamptz, li.created_at)))
            FROM learning_items li WHERE li.org_id = m.org_id AND li.person_id = m.id),
         (SELECT array_agg(k.name ORDER BY k.name) FROM skills k
           WHERE k.org_id = m.org_id AND k.person_id = m.id AND k.status = 'unused')
    -- A join, not "m.id = ANY (ids)": that compares each row with the whole
    -- array, which is quadratic for a bulk insert's thousands of people.
    FROM (SELECT DISTINCT unnest(ids) AS id) t
    JOIN memberships m ON m.id = t.id
   CROSS JOIN LATERAL (
         SELECT count(*)::int AS n, array_agg(sg.title ORDER BY sg.created_at, sg.id) AS titles FROM stretch_goals sg
          WHERE sg.org_id = m.org_id AND sg.person_id = m.id AND sg.status = 'active') g
   CROSS JOIN LATERAL (
         SELECT array_agg(x.rust ORDER BY x.week_start DESC) AS rust, max(x.week_start) AS latest_week FROM (
           SELECT pc.week_start,
                  (6 - (pc.motivation + pc.skills_used + pc.variety + pc.purpose + pc.initiative) / 5.0)::float8 AS rust
             FROM pulse_checkins pc WHERE pc.org_id = m.org_id AND pc.person_id = m.id
            ORDER BY pc.week_start DESC LIMIT 3) x) p
   CROSS JOIN LATERAL (
         SELECT min(ss.created_at) AS any_at,
                min(ss.created_at) FILTER (WHERE ss.include_skip_level) AS skip_at,
                min(ss.created_at) FILTER (WHERE ss.include_hr) AS hr_at
           FROM stuck_signals ss WHERE ss.org_id = m.org_id AND ss.person_id = m.id AND ss.status = 'open') st
  ON CONFLICT (person_id) DO UPDATE SET
         org_id = excluded.org_id, role_latest = excluded.role_latest, active_goals = excluded.active_goals,
         active_goal_titles = excluded.active_goal_titles, active_rotation = excluded.active_rotation,
         last_held_at = excluded.last_held_at, upcoming = excluded.upcoming, refreshed_at = excluded.refreshed_at, pulse_rust = excluded.pulse_rust, pulse_latest_week = excluded.pulse_latest_week,
         stuck_any_at = excluded.stuck_any_at, stuck_skip_at = excluded.stuck_skip_at, stuck_hr_at = excluded.stuck_hr_at,
         last_learning_at = excluded.last_learning_at, unused_skills = excluded.unused_skills;
END $$;
--> statement-breakpoint
-- After a statement on a history table: refresh the people in its old and new
-- rows. TG_ARGV[0] names the table's person column. Statement-level with
-- transition tables, so a bulk insert (CSV import, db:synth) refreshes each
-- person once, not once per row.
CREATE FUNCTION radar_facts_after_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM radar_new', TG_ARGV[0]) INTO ids;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM radar_old', TG_ARGV[0]) INTO ids;
  ELSE
    EXECUTE format('SELECT array_agg(DISTINCT id) FROM (SELECT %1$I AS id FROM radar_new UNION SELECT %1$I FROM radar_old) u', TG_ARGV[0]) INTO ids;
  END IF;
  PERFORM radar_facts_refresh(ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A new person gets their facts row; a new manager changes "last 1:1" and the
-- upcoming ones (they are the 1:1s with the current manager). Other membership updates
-- (title, team, deactivation) change no fact.
CREATE FUNCTION radar_facts_after_membership() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n.id) INTO ids FROM radar_new n;
  ELSE
    SELECT array_agg(n.id) INTO ids FROM radar_new n JOIN radar_old o ON o.id = n.id
     WHERE n.manager_id IS DISTINCT FROM o.manager_id;
  END IF;
  PERFORM radar_facts_refresh(ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES ('role_events', 'person_id'), ('stretch_goals', 'person_id'), ('rotations', 'person_id'),
                                 ('meetings', 'report_id'), ('pulse_checkins', 'person_id'), ('stuck_signals', 'person_id'),
                                 ('learning_items', 'person_id'), ('skills', 'person_id')) AS v(tbl, col)
  LOOP
    -- A trigger with transition tables fires on one kind of statement only: three per table.
    EXECUTE format('CREATE TRIGGER radar_facts_ins AFTER INSERT ON %I REFERENCING NEW TABLE AS radar_new FOR EACH STATEMENT EXECUTE FUNCTION radar_facts_after_change(%L)', t.tbl, t.col);
    EXECUTE format('CREATE TRIGGER radar_facts_upd AFTER UPDATE ON %I REFERENCING OLD TABLE AS radar_old NEW TABLE AS radar_new FOR EACH STATEMENT EXECUTE FUNCTION radar_facts_after_change(%L)', t.tbl, t.col);
    EXECUTE format('CREATE TRIGGER radar_facts_del AFTER DELETE ON %I REFERENCING OLD TABLE AS radar_old FOR EACH STATEMENT EXECUTE FUNCTION radar_facts_after_change(%L)', t.tbl, t.col);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE TRIGGER radar_facts_ins AFTER INSERT ON memberships REFERENCING NEW TABLE AS radar_new FOR EACH STATEMENT EXECUTE FUNCTION radar_facts_after_membership();
--> statement-breakpoint
CREATE TRIGGER radar_facts_upd AFTER UPDATE ON memberships REFERENCING OLD TABLE AS radar_old NEW TABLE AS radar_new FOR EACH STATEMENT EXECUTE FUNCTION radar_facts_after_membership();
--> statement-breakpoint
-- Everyone already here.
SELECT radar_facts_refresh(array_agg(id)) FROM memberships;
