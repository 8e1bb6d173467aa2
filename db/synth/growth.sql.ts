/** Synth steps for growth plans: purpose, stretch goals and updates, learning, skills, wins, connections. */
import type { SynthContext } from "./context";
import { pick, r, rint, uid } from "./sql-helpers";

const GOALS = [
  "Lead the design of the next {topic} iteration",
  "Pair with the Data team on {topic}",
  "Mentor a new hire through their first quarter",
  "Pilot a new tool for {topic}",
  "Present {topic} at the company all-hands",
  "Own the {topic} roadmap for a quarter",
  "Run a cross-team workshop on {topic}",
  "Write the RFC for {topic}",
];
const CATEGORIES = ["stretch_assignment", "cross_functional", "mentoring", "new_tool", "role_evolution", "learning"];
const UPDATES = [
  "First draft shared for feedback.",
  "Blocked on review; nudged the owners.",
  "Good session this week, two open questions left.",
  "Halfway there; scope trimmed to fit the quarter.",
  "Presented the results; next step agreed.",
];
const LEARNING = ["Designing Data-Intensive Applications", "Staff Engineer path", "Negotiation course", "Intro to SQL performance", "Public speaking workshop", "Product discovery course", "Kubernetes fundamentals", "Writing for engineers", "Local meetup on {topic}", "Conference: {topic} summit"];
const LEARNING_KINDS = ["course", "book", "talk", "conference", "community", "learning_time"];
const SKILLS = ["Go", "TypeScript", "PostgreSQL", "Kubernetes", "Public speaking", "Technical writing", "Data modelling", "Mentoring", "Negotiation", "User research", "Figma", "Python", "Forecasting", "Incident command", "Accessibility", "Rust", "SQL", "Product strategy", "Interviewing", "Spanish", "Statistics", "Terraform", "React", "Java", "Facilitation", "Copywriting", "Security reviews", "Budgeting", "Machine learning"]; // 29 (prime): distinct picks below
const WINS = ["Shipped {topic} on time", "Got great customer feedback on {topic}", "Cut the {topic} costs by a third", "Unblocked the team on {topic}", "Onboarded two new people", "Led the {topic} incident review"];

const title = (pool: string[], key: string, salt: string) =>
  `replace(${pick(pool, key, salt)}, '{topic}', ${pick(["billing", "search", "onboarding", "pipelines", "pricing", "mobile", "reporting", "checkout"], key, salt + "t")})`;

export function purposeSql(c: SynthContext): string {
  return `INSERT INTO purpose_statements (id, org_id, person_id, drew_me, impact, worth_effort, author_id, created_at)
    SELECT ${uid("'pur-' || idx")}, ${c.orgId}, id,
           'The chance to build things people use every day.', 'Make ' || team || ' something others rely on.',
           'Helping colleagues grow and seeing customers succeed.', id, (hire_date + 30)::timestamptz
      FROM sp WHERE ${r("idx", "pur")} < 0.6`;
}

/** 0–3 goals per person (a quarter have none); about half of people have an active one. */
export function goalsSql(c: SynthContext): string {
  const k = "sp.idx || '-' || g";
  return `INSERT INTO stretch_goals (id, org_id, person_id, title, description, category, status, target_on, progress, serves_purpose, created_by, created_at, updated_at)
    SELECT ${uid(`'goal-' || ${k}`)}, ${c.orgId}, sp.id, ${title(GOALS, k, "gt")}, '',
           (${pick(CATEGORIES, k, "gc")})::goal_category, st.status::goal_status,
           (${c.today} + ${rint(k, "gtarget", -200, 120)}), CASE st.status WHEN 'done' THEN 100 WHEN 'active' THEN ${rint(k, "gp", 0, 90)} ELSE 0 END,
           ${r(k, "gsp")} < 0.5, sp.manager_id, ts, ts
      FROM sp CROSS JOIN LATERAL generate_series(1, CASE WHEN ${r("sp.idx", "ng0")} < 0.25 THEN 0 ELSE ${rint("sp.idx", "ng", 1, 3)} END) g
      CROSS JOIN LATERAL (SELECT CASE WHEN ${r(k, "gs")} < 0.45 THEN 'active' WHEN ${r(k, "gs")} < 0.75 THEN 'done'
                                      WHEN ${r(k, "gs")} < 0.85 THEN 'proposed' ELSE 'dropped' END AS status,
                                 greatest(sp.hire_date::timestamptz, ${c.now} - make_interval(days => ${rint(k, "gcr", 10, 700)})) AS ts) st`;
}

export function goalUpdatesSql(c: SynthContext): string {
  const k = "sg.id || '-' || u";
  return `INSERT INTO stretch_goal_updates (id, org_id, goal_id, author_id, body, progress, created_at)
    SELECT ${uid(`'gu-' || ${k}`)}, ${c.orgId}, sg.id, sg.person_id, ${pick(UPDATES, k, "ub")}, least(100, u * 20),
           least(${c.now}, sg.created_at + make_interval(days => u * ${rint("sg.id", "ugap", 7, 30)}))
      FROM stretch_goals sg CROSS JOIN LATERAL generate_series(1, floor(${r("sg.id", "nu")} * 5)::int) u
     WHERE sg.org_id = ${c.orgId} AND sg.status <> 'proposed'`;
}

export function learningSql(c: SynthContext): string {
  const k = "sp.idx || '-' || l";
  return `INSERT INTO learning_items (id, org_id, person_id, kind, title, status, started_on, completed_on, takeaways, created_by, created_at, updated_at)
    SELECT ${uid(`'learn-' || ${k}`)}, ${c.orgId}, sp.id, (${pick(LEARNING_KINDS, k, "lk")})::learning_kind, ${title(LEARNING, k, "lt")},
           x.status::learning_status, CASE WHEN x.status <> 'planned' THEN x.d END, CASE WHEN x.status = 'done' THEN x.d + 30 END,
           CASE WHEN x.status = 'done' THEN 'Worth it; sharing notes with the team.' ELSE '' END, sp.id, x.d::timestamptz, (x.d + 30)::timestamptz
      FROM sp CROSS JOIN LATERAL generate_series(1, floor(${r("sp.idx", "nl")} * 5)::int) l
      CROSS JOIN LATERAL (SELECT greatest(sp.hire_date, ${c.today} - (7 + floor(power(${r(k, "ld")}, 2) * 713)::int)) AS d,
                                 CASE WHEN ${r(k, "ls")} < 0.6 THEN 'done' WHEN ${r(k, "ls")} < 0.8 THEN 'in_progress' ELSE 'planned' END AS status) x`;
}

/** Three distinct skills each: 70% used, 8% unused, the rest want-to-build. */
export function skillsSql(c: SynthContext): string {
  const k = "sp.idx || '-' || j";
  return `INSERT INTO skills (id, org_id, person_id, name, status, created_by, created_at, updated_at)
    SELECT ${uid(`'skill-' || ${k}`)}, ${c.orgId}, sp.id,
           (${`ARRAY[${SKILLS.map((s) => `'${s}'`).join(",")}]`})[1 + ((floor(${r("sp.idx", "sk")} * ${SKILLS.length})::int + j * 7) % ${SKILLS.length})],
           (CASE WHEN ${r(k, "ss")} < 0.70 THEN 'used' WHEN ${r(k, "ss")} < 0.78 THEN 'unused' ELSE 'want_to_build' END)::skill_status,
           sp.id, sp.hire_date::timestamptz, sp.hire_date::timestamptz
      FROM sp CROSS JOIN generate_series(0, 2) j`;
}

export function winsSql(c: SynthContext): string {
  const k = "sp.idx || '-' || w";
  return `INSERT INTO wins (id, org_id, person_id, title, description, occurred_on, links_purpose, author_id, created_at)
    SELECT ${uid(`'win-' || ${k}`)}, ${c.orgId}, sp.id, ${title(WINS, k, "wt")}, '', x.d, ${r(k, "wl")} < 0.3, sp.id, x.d::timestamptz
      FROM sp CROSS JOIN LATERAL generate_series(1, floor(${r("sp.idx", "nw")} * 6)::int) w
      CROSS JOIN LATERAL (SELECT greatest(sp.hire_date, ${c.today} - ${rint(k, "wd", 1, 720)}) AS d) x`;
}

export function connectionsSql(c: SynthContext, people: number): string {
  return `INSERT INTO connections (id, org_id, person_id, kind, other_person_id, name, purpose, created_by, created_at, updated_at)
    SELECT ${uid("'conn-' || sp.idx")}, ${c.orgId}, sp.id, 'mentor', o.id, '', 'Monthly chat about career growth.', sp.id,
           sp.role_since::timestamptz, sp.role_since::timestamptz
      FROM sp JOIN sp o ON o.idx = 1 + (sp.idx + ${rint("sp.idx", "co", 1, people - 2)}) % ${people}
     WHERE ${r("sp.idx", "conn")} < 0.3 AND o.idx <> sp.idx`;
}
