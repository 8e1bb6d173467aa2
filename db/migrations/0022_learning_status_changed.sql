-- The radar's latest learning was when a learning item under way or done was
-- recorded or last changed, any change: fixing a typo in the takeaways of a
-- course finished two years ago, or a PATCH that sent nothing but the version,
-- took the "learning gap" flag away as if the person had just learnt something.
-- Now it is when the item was recorded or its status last changed (started,
-- finished, set back): learning_items.status_changed_at, kept by a trigger so
-- that every writer (the app, the demo data, db:synth, a fix by hand in SQL)
-- keeps it the same way. A write that sets it itself keeps what it set.
-- Existing rows take the time the old rule read, so no fact changes today.
-- Only the learning subquery of radar_facts_refresh changes; the rest is 0019's.
ALTER TABLE "learning_items" ADD COLUMN "status_changed_at" timestamp with time zone;--> statement-breakpoint
UPDATE "learning_items" SET "status_changed_at" = greatest("updated_at", "created_at");--> statement-breakpoint
CREATE OR REPLACE FUNCTION learning_items_status_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- Recorded now, or when a loader says it was (the demo data and db:synth write created_at and updated_at).
    NEW.status_changed_at := coalesce(NEW.status_changed_at, greatest(NEW.created_at, NEW.updated_at));
  ELSIF NEW.status IS DISTINCT FROM OLD.status AND NEW.status_changed_at IS NOT DISTINCT FROM OLD.status_changed_at THEN
    NEW.status_changed_at := now();
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER learning_items_status_changed BEFORE INSERT OR UPDATE ON "learning_items"
  FOR EACH ROW EXECUTE FUNCTION learning_items_status_changed();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION radar_facts_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
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
         -- now() is when this transaction began: what is listed holds for every later instant. From 12 hours
         -- before it (OVERDUE_AFTER_MS), as the 1:1 pages count "next".
         (SELECT array_agg(mt.scheduled_at ORDER BY mt.scheduled_at) FROM meetings mt
           WHERE mt.org_id = m.org_id AND mt.report_id = m.id AND mt.manager_id = m.manager_id AND mt.status = 'scheduled'
             AND mt.scheduled_at >= now() - interval '12 hours'),
         now(),
         p.rust, p.latest_week,
         st.any_at, st.skip_at, st.hr_at,
         -- Learning under way or done, as of when it was recorded or last started or finished.
         (SELECT max(coalesce(li.status_changed_at, greatest(li.updated_at, li.created_at)))
            FROM learning_items li WHERE li.org_id = m.org_id AND li.person_id = m.id AND li.status <> 'planned'),
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
