/**
 * The shape of the synthetic organization, computed in plain code (10,000
 * numbers and strings, milliseconds) and handed to SQL as arrays: who reports
 * to whom, titles, teams, names. Everything that grows with history (meetings,
 * notes, pulses …) is generated set-based in SQL (see steps.ts).
 *
 * The tree is split top-down: a person heading a subtree of n people divides
 * the n − 1 below them into 5–10 groups of random weight; groups of up to
 * LEAF_MAX people become a manager with a team of individual contributors.
 * For 10,000 people this gives 7 levels and about one manager per 7 people.
 */
import { mulberry32 } from "../seed/time";

export type SynthPerson = {
  idx: number; // 1-based, root = 1; parents always have a smaller idx
  managerIdx: number | null;
  depth: number; // root = 1
  reports: number; // direct reports
  subtree: number; // people below (not counting self)
  first: string;
  last: string;
  email: string;
  title: string;
  team: string;
  department: string;
  admin: boolean;
};

export const LEAF_MAX = 12; // a subtree of ≤ 12 people is one manager and their ICs
const TEAM = 10; // a typical team: a manager and 9 reports
const MAX_DEPTH = 7; // levels, CEO included

const DEPARTMENTS = [
  { name: "Engineering", ic: ["Software Engineer", "Senior Software Engineer", "Staff Engineer", "Site Reliability Engineer", "QA Engineer"], teams: ["Platform", "Payments", "Mobile", "Web", "Infrastructure", "Search", "Identity", "Checkout", "Growth", "Developer Tools"] },
  { name: "Product", ic: ["Product Manager", "Senior Product Manager", "Product Analyst"], teams: ["Core", "Growth", "Marketplace", "Insights"] },
  { name: "Design", ic: ["Product Designer", "Senior Product Designer", "UX Researcher", "Content Designer"], teams: ["Experience", "Brand", "Research"] },
  { name: "Data", ic: ["Data Engineer", "Data Scientist", "Analytics Engineer", "ML Engineer"], teams: ["Data Platform", "Analytics", "Machine Learning"] },
  { name: "Sales", ic: ["Account Executive", "Sales Development Rep", "Solutions Engineer", "Account Manager"], teams: ["EMEA", "Americas", "APAC", "Enterprise", "Mid-market"] },
  { name: "Customer Success", ic: ["Support Specialist", "Customer Success Manager", "Support Engineer"], teams: ["Support", "Onboarding", "Renewals"] },
  { name: "Operations", ic: ["Operations Analyst", "Finance Analyst", "Legal Counsel", "IT Specialist"], teams: ["Finance", "Legal", "IT", "Facilities"] },
  { name: "People", ic: ["People Partner", "Recruiter", "People Operations Specialist"], teams: ["People Ops", "Talent", "Learning"] },
] as const;

const FIRST = ["Aaliyah", "Ben", "Chloe", "Dmitri", "Elena", "Farid", "Grace", "Hugo", "Isabel", "Jamal", "Keiko", "Liam", "Maria", "Noah", "Olga", "Priya", "Quentin", "Rosa", "Samir", "Tara", "Umar", "Vera", "Wei", "Ximena", "Yusuf", "Zoe", "Amara", "Bruno", "Camille", "Diego", "Esther", "Felix", "Gita", "Hana", "Ivan", "Jonas", "Kofi", "Lena", "Mateo", "Nina", "Oscar", "Paula", "Rafael", "Sofia", "Tomas", "Uma", "Viktor", "Wanda", "Yara", "Zain"];
const LAST = ["Abara", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito", "Jensen", "Kowalski", "Larsen", "Moreau", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Silva", "Tanaka", "Umarov", "Varga", "Weber", "Xu", "Yilmaz", "Zimmer", "Adeyemi", "Brandt", "Chen", "Dias", "Evans", "Ferreira", "Gomez", "Hoffmann", "Iqbal", "Jovanovic", "Kim", "Lopez", "Mensah", "Novak", "Olsen", "Park", "Reyes", "Schmidt", "Torres", "Ueda", "Vogel", "Walsh", "Yamada", "Zhou"];

export const SYNTH_EMAIL_DOMAIN = "synth.example";

export function buildTree(people: number, seed: number): SynthPerson[] {
  if (!Number.isInteger(people) || people < 20) throw new Error("--people must be an integer ≥ 20");
  const rand = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

  type Node = { parent: number | null; depth: number; size: number; dept: number; team: string };
  const nodes: Node[] = [];
  // Breadth-first, so a manager always has a smaller index than their reports.
  const queue: number[] = [];
  const add = (n: Node) => {
    nodes.push(n);
    return nodes.length - 1;
  };
  queue.push(add({ parent: null, depth: 1, size: people, dept: -1, team: "Executive" }));

  const teamCounter = new Map<string, number>();
  const teamName = (dept: number) => {
    const d = DEPARTMENTS[dept]!;
    const base = d.teams[int(0, d.teams.length - 1)]!;
    const n = (teamCounter.get(base) ?? 0) + 1;
    teamCounter.set(base, n);
    return n === 1 ? base : `${base} ${n}`;
  };

  while (queue.length) {
    const i = queue.shift()!;
    const node = nodes[i]!;
    const below = node.size - 1;
    if (below === 0) continue;
    if (below <= LEAF_MAX - 1 || node.depth >= MAX_DEPTH - 1) {
      for (let k = 0; k < below; k++) add({ parent: i, depth: node.depth + 1, size: 1, dept: node.dept, team: node.team });
      continue;
    }
    // Split `below` into groups; the root's groups are the departments.
    // Near the leaves, split into teams of about TEAM people; higher up, into 5–10 groups.
    const nearLeaves = below <= TEAM * 10;
    const groups =
      node.parent === null
        ? DEPARTMENTS.length
        : nearLeaves
          ? Math.max(2, Math.round(below / TEAM))
          : Math.min(int(5, 10), Math.floor(below / TEAM));
    const weights = Array.from({ length: groups }, (_, g) =>
      node.parent === null ? [3.2, 0.5, 0.4, 0.6, 1.2, 0.8, 0.5, 0.35][g]! : nearLeaves ? 0.75 + rand() / 2 : 0.5 + rand(),
    );
    const total = weights.reduce((a, b) => a + b, 0);
    let left = below;
    for (let g = 0; g < groups; g++) {
      const size = g === groups - 1 ? left : Math.max(1, Math.min(left - (groups - g - 1), Math.round((below * weights[g]!) / total)));
      left -= size;
      const dept = node.parent === null ? g : node.dept;
      const team = size <= LEAF_MAX ? teamName(dept) : node.parent === null ? DEPARTMENTS[g]!.name : node.team;
      queue.push(add({ parent: i, depth: node.depth + 1, size, dept, team }));
    }
  }

  const reports = new Array<number>(nodes.length).fill(0);
  for (const n of nodes) if (n.parent !== null) reports[n.parent]! += 1;

  const people_: SynthPerson[] = nodes.map((n, i) => {
    const first = FIRST[int(0, FIRST.length - 1)]!;
    const last = LAST[int(0, LAST.length - 1)]!;
    const dept = n.dept >= 0 ? DEPARTMENTS[n.dept]! : null;
    const hasReports = reports[i]! > 0;
    const managesManagers = hasReports && n.size - 1 > reports[i]!;
    let title: string;
    if (!dept) title = "Chief Executive Officer";
    else if (n.depth === 2) title = `VP of ${dept.name}`;
    else if (managesManagers) title = n.depth === 3 ? `Director of ${dept.name}` : `Senior Manager, ${dept.name}`;
    else if (hasReports) title = `${dept.name} Manager`;
    else title = dept.ic[int(0, dept.ic.length - 1)]!;
    return {
      idx: i + 1,
      managerIdx: n.parent === null ? null : n.parent + 1,
      depth: n.depth,
      reports: reports[i]!,
      subtree: n.size - 1,
      first,
      last,
      email: `${first}.${last}.${i + 1}@${SYNTH_EMAIL_DOMAIN}`.toLowerCase(),
      title,
      team: n.team,
      department: dept?.name ?? "Executive",
      admin: false,
    };
  });

  // Admins: the head of People and the first People Operations IC (who, like
  // the demo's Ada, is an admin outside almost everyone's reporting chain).
  const vpPeople = people_.find((p) => p.depth === 2 && p.department === "People");
  if (vpPeople) vpPeople.admin = true;
  const peopleOps = people_.find((p) => p.department === "People" && p.reports === 0);
  if (peopleOps) peopleOps.admin = true;
  return people_;
}

/** The accounts the benchmark signs in as, chosen from the tree. */
export function benchPicks(tree: SynthPerson[]) {
  const isLeafManager = (p: SynthPerson) => p.reports > 0 && p.subtree === p.reports;
  const manager = tree.find((p) => isLeafManager(p) && p.reports === 8 && p.department === "Engineering") ?? tree.find((p) => p.reports === 8);
  const director = [...tree]
    .filter((p) => p.depth >= 2 && p.subtree > p.reports)
    .sort((a, b) => Math.abs(a.subtree - 400) - Math.abs(b.subtree - 400) || a.idx - b.idx)[0];
  const admin = tree.find((p) => p.admin && p.reports === 0) ?? tree.find((p) => p.admin);
  if (!manager || !director || !admin) throw new Error("organization too small to pick bench accounts");
  const report = tree.find((p) => p.managerIdx === manager.idx);
  if (!report) throw new Error("manager without reports");
  return { manager, director, admin, report };
}
