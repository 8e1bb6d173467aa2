-- A card's next 1:1 is the one the 1:1 pages call next: the first scheduled 1:1
-- that is not overdue, with 12 hours of grace (lib/meetings/carry-over.ts,
-- OVERDUE_AFTER_MS). /team counted from the very minute, so at 10:30 a 1:1 of
-- 10:00 not yet marked held read "Next 1:1: 14 Dec" on the card and "Next 1:1:
-- today 10:00" on the person's page. radar_facts.upcoming now lists the
-- scheduled 1:1s from 12 hours before the refresh; the radar reads those from
-- 12 hours before its own now. Only that subquery changes; the rest is 0013's
-- function as it was.
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
         -- Learning under way or done, as of when it was recorded or last changed.
         (SELECT max(greatest(li.updated_at, li.created_at))
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
--> statement-breakpoint
-- Everyone already here.
SELECT radar_facts_refresh(array_agg(id)) FROM memberships;
