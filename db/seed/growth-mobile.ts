/** Growth plans of Omar's Mobile team, the other Acme leads, and Globex. */
import type { GrowthSpec } from "./growth";

export const GROWTH_MOBILE: GrowthSpec[] = [
  {
    person: "kira",
    purpose: [{ on: "-2m", drewMe: "Building interfaces people enjoy.", impact: "An iOS app that feels native.", worthEffort: "Polish users notice." }],
    goals: [
      { key: "kira-ios", title: "Ship a first feature in the iOS app", category: "stretch_assignment", status: "active", createdOn: "-3m", targetOn: "+1m", byManager: true,
        updates: [
          { on: "-2m", body: "Onboarding flow redesign picked; first screens in review.", progress: 20 },
          { on: "-21d", body: "Behind a flag in TestFlight.", progress: 50 },
        ] },
    ],
    learning: [{ kind: "course", title: "SwiftUI fundamentals", status: "in_progress", createdOn: "-2m", startedOn: "-2m" }],
    connections: [{ kind: "mentor", other: "nadia", purpose: "Weekly pairing while learning iOS.", on: "-3m" }],
    skills: [
      { name: "React", status: "used", on: "-14m" },
      { name: "SwiftUI", status: "want_to_build", on: "-3m" },
    ],
    wins: [{ title: "First iOS pull request merged", on: "-42d", goal: "kira-ios" }],
  },
  {
    person: "leo",
    purpose: [
      { on: "-38m", drewMe: "Phones are the computer most people have.", impact: "Fast apps on cheap devices.", worthEffort: "Performance work with measurable results." },
      { on: "-9m", drewMe: "Phones are the computer most people have.", impact: "Fast apps, and engineers who know how to keep them fast.", worthEffort: "Passing on what I know." },
    ],
    goals: [
      { title: "Kotlin Multiplatform spike", category: "new_tool", status: "dropped", createdOn: "-20m",
        updates: [{ on: "-17m", body: "Dropped: not worth it for our two apps right now.", byManager: true }] },
      { key: "leo-coldstart", title: "Halve Android cold-start time", category: "stretch_assignment", status: "done", createdOn: "-12m", targetOn: "-8m",
        updates: [{ on: "-10m", body: "Lazy DI graph: 30% faster.", progress: 70 }] },
      { title: "Mentor Kira through her first iOS release", category: "mentoring", status: "active", createdOn: "-2m", targetOn: "+2m", servesPurpose: true,
        updates: [{ on: "-1m", body: "Weekly code walkthroughs going well.", progress: 35 }] },
    ],
    learning: [
      { kind: "conference", title: "Droidcon Berlin", status: "done", createdOn: "-5m", startedOn: "-4m", completedOn: "-4m", takeaways: "Baseline profiles: we should use them." },
      { kind: "book", title: "The Staff Engineer's Path", status: "planned", createdOn: "-1m" },
    ],
    connections: [{ kind: "mentee", other: "kira", purpose: "iOS release mentoring.", on: "-2m" }],
    skills: [
      { name: "Kotlin", status: "used", on: "-38m" },
      { name: "Android performance", status: "used", on: "-20m" },
      { name: "Public speaking", status: "unused", on: "-10m" },
    ],
    wins: [{ title: "Android cold start down 48%", on: "-8m", goal: "leo-coldstart", linksPurpose: true }],
  },
  {
    person: "mei",
    purpose: [{ on: "-30m", drewMe: "Hard problems hiding in simple features.", impact: "Apps that work offline without surprises.", worthEffort: "Correctness people can rely on." }],
    goals: [
      { key: "mei-checkout", title: "Ship in-app checkout", category: "cross_functional", status: "done", createdOn: "-15m", targetOn: "-12m",
        updates: [{ on: "-13m", body: "Payments SDK integrated in both apps.", progress: 60 }] },
      { title: "Write the offline sync design doc", category: "role_evolution", status: "active", createdOn: "-4m", targetOn: "+1m", servesPurpose: true,
        updates: [
          { on: "-3m", body: "Options compared: last-writer-wins vs CRDT for notes.", progress: 40 },
          { on: "-1m", body: "Draft out for review with Nadia and Ines.", progress: 80 },
        ] },
    ],
    learning: [{ kind: "book", title: "Designing Data-Intensive Applications", status: "done", createdOn: "-5m", startedOn: "-5m", completedOn: "-3m", takeaways: "Conflict resolution chapter shaped the sync design." }],
    connections: [{ kind: "collaboration", other: "ines", purpose: "Aligning retry semantics between app and queue.", on: "-10m" }],
    skills: [
      { name: "Swift", status: "used", on: "-30m" },
      { name: "Kotlin", status: "used", on: "-30m" },
      { name: "CRDTs", status: "want_to_build", on: "-4m" },
    ],
    wins: [{ title: "Checkout launched in both apps", on: "-12m", goal: "mei-checkout", rotation: "mei-payments", linksPurpose: true }],
  },
  {
    person: "nadia",
    purpose: [
      { on: "-40m", drewMe: "Shipping to millions of pockets.", impact: "A mobile codebase that is a joy to work in.", worthEffort: "Architecture that survives team changes." },
      { on: "-13m", drewMe: "Shipping to millions of pockets.", impact: "A mobile community across the company.", worthEffort: "Growing the next staff engineers." },
    ],
    goals: [
      { key: "nadia-guild", title: "Start a mobile guild", category: "cross_functional", status: "active", createdOn: "-5m", targetOn: "+2m", servesPurpose: true,
        updates: [{ on: "-3m", body: "Charter written; first meetup scheduled.", progress: 40 }] },
    ],
    learning: [
      { kind: "conference", title: "QCon London", status: "done", createdOn: "-4m", startedOn: "-3m", completedOn: "-3m" },
      { kind: "talk", title: "Gave a talk: Offline first, for real", status: "done", createdOn: "-2m", startedOn: "-2m", completedOn: "-2m" },
    ],
    connections: [
      { kind: "mentee", other: "fatima", purpose: "Monthly chat about the staff path.", on: "-10m" },
      { kind: "mentee", other: "kira", purpose: "Weekly pairing while she learns iOS.", on: "-3m" },
    ],
    skills: [
      { name: "Mobile architecture", status: "used", on: "-40m" },
      { name: "Mentoring", status: "used", on: "-13m" },
    ],
    wins: [{ title: "Mobile guild's first meetup: 14 people", on: "-42d", goal: "nadia-guild", linksPurpose: true }],
  },
  {
    person: "pablo",
    purpose: [{ on: "-5m", drewMe: "Wanted to work on an app I actually use.", impact: "Releases that never ruin anyone's weekend.", worthEffort: "Learning from people better than me." }],
    goals: [
      { key: "pablo-release", title: "Own a release end to end", category: "stretch_assignment", status: "active", createdOn: "-4m", targetOn: "+1m", byManager: true,
        updates: [
          { on: "-2m", body: "Shadowed Leo on 4.11.", progress: 30 },
          { on: "-14d", body: "Release captain for 4.12.", progress: 60 },
        ] },
      { title: "Learn the push notification service", category: "learning", status: "proposed", createdOn: "-1m" },
    ],
    learning: [
      { kind: "course", title: "Android onboarding path", status: "done", createdOn: "-6m", startedOn: "-6m", completedOn: "-5m" },
      { kind: "learning_time", title: "Friday learning hour", status: "in_progress", createdOn: "-2m", startedOn: "-2m" },
    ],
    connections: [{ kind: "mentor", other: "leo", purpose: "Release process and Android internals.", on: "-5m" }],
    skills: [
      { name: "Android", status: "used", on: "-6m" },
      { name: "Java", status: "used", on: "-6m" },
      { name: "Kotlin", status: "want_to_build", on: "-6m" },
    ],
    wins: [{ title: "Shipped release 4.12 as release captain", on: "-14d", goal: "pablo-release" }],
  },
  {
    person: "omar",
    purpose: [{ on: "-20m", drewMe: "Teams that ship together.", impact: "A mobile team with a predictable release train.", worthEffort: "Removing friction for the team." }],
    goals: [
      { title: "A predictable mobile release train", category: "role_evolution", status: "active", createdOn: "-4m", targetOn: "+2m",
        updates: [{ on: "-2m", body: "Fortnightly trains; two releases in a row on time.", progress: 50 }] },
    ],
    learning: [{ kind: "course", title: "Coaching skills for managers", status: "done", createdOn: "-4m", startedOn: "-4m", completedOn: "-3m" }],
  },
  {
    person: "dana",
    purpose: [{ on: "-22m", drewMe: "Engineering is a team sport.", impact: "An engineering org people recommend to friends.", worthEffort: "Growing managers." }],
    goals: [
      { title: "Grow two engineering managers", category: "mentoring", status: "active", createdOn: "-6m", targetOn: "+6m",
        updates: [{ on: "-2m", body: "Maya and Omar both run their own planning now.", progress: 50 }] },
    ],
    learning: [{ kind: "conference", title: "LeadDev London", status: "done", createdOn: "-6m", startedOn: "-5m", completedOn: "-5m" }],
  },
  {
    person: "ada",
    purpose: [{ on: "-11m", drewMe: "People do their best work when they grow.", impact: "Career paths that are clear and fair.", worthEffort: "Catching rust-out before it turns into resignations." }],
    goals: [
      { title: "Pilot the rust-out radar with two teams", category: "cross_functional", status: "active", createdOn: "-2m", targetOn: "+2m", servesPurpose: true,
        updates: [{ on: "-1m", body: "Platform and Mobile onboarded; first review with Dana booked.", progress: 30 }] },
    ],
    learning: [{ kind: "course", title: "People analytics basics", status: "in_progress", createdOn: "-1m", startedOn: "-1m" }],
    skills: [{ name: "Career frameworks", status: "used", on: "-24m" }],
  },

  // ---- Globex
  {
    person: "hank",
    purpose: [{ on: "-20m", drewMe: "I like fixing things for people.", impact: "Customers who trust our support.", worthEffort: "Solving the problem behind the ticket." }],
    goals: [
      { key: "hank-playbook", title: "Write the API escalation playbook", category: "new_tool", status: "active", createdOn: "-3m", targetOn: "+1m", servesPurpose: true,
        updates: [
          { on: "-2m", body: "Top ten escalation causes listed.", progress: 30 },
          { on: "-1m", body: "Playbook draft reviewed with Gina.", progress: 55 },
          { on: "-10d", body: "Two new hires used it successfully.", progress: 70 },
        ] },
    ],
    learning: [{ kind: "course", title: "HTTP APIs for support engineers", status: "done", createdOn: "-5m", startedOn: "-5m", completedOn: "-4m" }],
    connections: [{ kind: "community", name: "Support Driven community", purpose: "Swapping escalation practices.", on: "-9m" }],
    skills: [
      { name: "API debugging", status: "used", on: "-10m" },
      { name: "SQL", status: "want_to_build", on: "-3m" },
    ],
    wins: [{ title: "Resolved the Initrode outage escalation in two hours", on: "-1m", goal: "hank-playbook", linksPurpose: true }],
  },
  {
    person: "gina",
    purpose: [{ on: "-12m", drewMe: "Customers' problems are puzzles.", impact: "A support team customers brag about.", worthEffort: "Growing support engineers into experts." }],
    goals: [
      { title: "Set up a tier-2 support rotation", category: "role_evolution", status: "active", createdOn: "-5m", targetOn: "+1m",
        updates: [{ on: "-2m", body: "Hank is the first engineer on the rotation.", progress: 45 }] },
    ],
    learning: [{ kind: "book", title: "The Effortless Experience", status: "done", createdOn: "-4m", startedOn: "-4m", completedOn: "-3m" }],
  },
];
