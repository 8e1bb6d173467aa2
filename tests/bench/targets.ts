/** What the bench measures, and the targets from issue 7. Edit the paths here when a page's URL changes. */
import type { SynthAccounts } from "../../db/synth/accounts";

export type AccountKey = "manager" | "director" | "admin" | "report";
export type Kind = "reference" | "page" | "api";

export type Target = {
  key: string;
  label: string;
  kind: Kind;
  /** Reference this one is compared to (ratio of requests/s). */
  reference?: "health" | "login";
  as?: AccountKey;
  /** Candidate paths, tried in order: the first that is not 404 is measured. */
  paths: (a: SynthAccounts) => string[];
  minRatio?: number; // requests/s ≥ minRatio × reference
  maxP99?: number; // ms at 20 connections
  maxSingleMs?: number; // median of sequential single requests
  /** Also time single sequential requests (always done when maxSingleMs is set). */
  single?: boolean;
};

export const TARGETS: Target[] = [
  { key: "health", label: "GET /api/health", kind: "reference", paths: () => ["/api/health"] },
  { key: "login", label: "GET /login", kind: "reference", paths: () => ["/login"] },
  // No target: a signed-in page with no data of its own (session check, viewer statement, the shell).
  // Set against /login it shows what being signed in costs, apart from what a page renders.
  { key: "shell", label: "/account (signed-in shell)", kind: "page", reference: "login", as: "manager", paths: () => ["/account"] },
  { key: "team", label: "/team (manager of 8)", kind: "page", reference: "login", as: "manager", paths: () => ["/team"], minRatio: 0.5, maxP99: 150 },
  {
    key: "subtree",
    label: "/team subtree (director)",
    kind: "page",
    reference: "login",
    as: "director",
    paths: () => ["/team?view=subtree"],
    maxP99: 300,
  },
  {
    key: "person",
    label: "/people/[id] (manager → report)",
    kind: "page",
    reference: "login",
    as: "manager",
    paths: (a) => [`/people/${a.report.personId}`],
    minRatio: 0.5,
    maxP99: 150,
  },
  {
    key: "oneOnOne",
    label: "/one-on-ones/[id] (2 years)",
    kind: "page",
    reference: "login",
    as: "manager",
    // The latest held 1:1 of the manager and the report with the longest history (two years, ~100 meetings).
    paths: (a) => [`/one-on-ones/${a.meetingId}`],
    minRatio: 0.5,
    maxP99: 150,
  },
  { key: "me", label: "/me (report)", kind: "page", reference: "login", as: "report", paths: () => ["/me"], minRatio: 0.5, maxP99: 150 },
  {
    key: "apiPeople",
    label: "GET /api/v1/people (manager)",
    kind: "api",
    reference: "health",
    as: "manager",
    paths: () => ["/api/v1/people"],
    minRatio: 0.5,
  },
  { key: "org", label: "/org (admin, whole org)", kind: "page", reference: "login", as: "admin", paths: () => ["/org"], maxSingleMs: 500 },
];

/** First-load JS of /team ≤ 1.3 × the baseline (what a hello-world page loads). */
export const MAX_TEAM_JS_RATIO = 1.3;
