/** Growth plans of Maya's Platform team (and Maya). Eli's is deliberately stale. */
import type { GrowthSpec } from "./growth";

export const GROWTH_PLATFORM: GrowthSpec[] = [
  {
    person: "eli",
    purpose: [
      { on: "-40m", drewMe: "I like making other engineers faster.", impact: "Builds nobody has to think about.", worthEffort: "Cutting the wait between writing code and seeing it run." },
      { on: "-20m", drewMe: "Making other engineers faster.", impact: "A build system the whole company trusts.", worthEffort: "Work where I can see the before and after." },
    ],
    goals: [
      { key: "eli-cache", title: "Ship the artifact cache for CI", category: "new_tool", status: "done", createdOn: "-34m", targetOn: "-28m", servesPurpose: true,
        updates: [
          { on: "-32m", body: "Prototype caching Go module downloads; 25% faster on the main repo.", progress: 40 },
          { on: "-29m", body: "Rolled out to all repositories. Cache hit rate 87%.", progress: 90 },
        ] },
      { title: "Lead the migration to the new build runners", category: "stretch_assignment", status: "dropped", createdOn: "-20m", targetOn: "-12m", byManager: true,
        updates: [
          { on: "-18m", body: "Inventory of pipelines done; 140 jobs to move.", progress: 30 },
          { on: "-14m", body: "Dropped: the migration moved to the Infrastructure team in the reorg.", byManager: true },
        ] },
    ],
    learning: [
      { kind: "course", title: "Kubernetes fundamentals", status: "done", createdOn: "-25m", startedOn: "-24m", completedOn: "-22m", takeaways: "Enough to debug our runners without paging Hiro." },
      { kind: "book", title: "Designing Data-Intensive Applications", status: "done", createdOn: "-16m", startedOn: "-16m", completedOn: "-14m", takeaways: "The chapter on logs changed how I think about build events." },
    ],
    connections: [{ kind: "community", name: "Berlin Go meetup", purpose: "Monthly talks; gave a lightning talk on build caching.", on: "-30m" }],
    skills: [
      { name: "Go", status: "used", on: "-40m" },
      { name: "PostgreSQL performance tuning", status: "used", on: "-30m" },
    ],
    wins: [{ title: "Artifact cache cut CI time by 40%", description: "Median pipeline from 18 to 11 minutes.", on: "-28m", goal: "eli-cache", linksPurpose: true }],
  },
  {
    person: "fatima",
    purpose: [
      { on: "-36m", drewMe: "Distributed systems puzzles.", impact: "Queues that never lose a message.", worthEffort: "Reliability work that customers never notice." },
      { on: "-6m", drewMe: "Distributed systems, and the people who build them.", impact: "A data platform every team can build on safely.", worthEffort: "Teaching what I learn, so it outlasts me." },
    ],
    goals: [
      { key: "fatima-registry", title: "Roll out the schema registry with Data Platform", description: "Part of the rotation: every producer on Platform publishes through the registry.",
        category: "cross_functional", status: "active", createdOn: "-2m", targetOn: "+2m", servesPurpose: true,
        updates: [
          { on: "-49d", body: "Mapped all 23 producers; 6 are trivial.", progress: 15 },
          { on: "-28d", body: "Registry in staging; first two producers migrated.", progress: 30 },
          { on: "-9d", body: "Production rollout for the billing events; compatibility checks on.", progress: 45 },
        ] },
      { key: "fatima-mentor", title: "Mentor two new hires through their first on-call", category: "mentoring", status: "active", createdOn: "-4m", targetOn: "+1m", servesPurpose: true,
        updates: [
          { on: "-3m", body: "Shadow schedule agreed with both.", progress: 20 },
          { on: "-42d", body: "Both shadowed a full week; wrote the on-call primer together.", progress: 50 },
          { on: "-12d", body: "One of them now on the rota as primary.", progress: 65, byManager: true },
        ] },
      { key: "fatima-queue", title: "Lead the job queue migration", category: "stretch_assignment", status: "done", createdOn: "-26m", targetOn: "-19m",
        updates: [{ on: "-22m", body: "Dual-writing to the new queue; reads switched for two services.", progress: 60 }] },
    ],
    learning: [
      { kind: "course", title: "Kafka fundamentals", status: "done", createdOn: "-3m", startedOn: "-3m", completedOn: "-2m", takeaways: "Consumer groups finally make sense." },
      { kind: "book", title: "Streaming Systems", status: "in_progress", createdOn: "-25d", startedOn: "-21d" },
    ],
    connections: [
      { kind: "mentor", other: "nadia", purpose: "Monthly chat about the staff path.", on: "-10m" },
      { kind: "collaboration", name: "Priya Raman (Data Platform lead)", purpose: "Rotation host.", on: "-2m" },
      { kind: "mentee", other: "pablo", purpose: "On-call shadowing across teams.", on: "-4m" },
    ],
    skills: [
      { name: "Go", status: "used", on: "-36m" },
      { name: "Incident command", status: "used", on: "-12m" },
      { name: "Kafka", status: "want_to_build", on: "-3m" },
    ],
    wins: [
      { title: "First schema change shipped through the registry", on: "-10d", rotation: "fatima-data", goal: "fatima-registry", linksPurpose: true },
      { title: "Mentee handled their first incident solo", on: "-20d", goal: "fatima-mentor", linksPurpose: true },
      { title: "Job queue migration with zero downtime", on: "-19m", goal: "fatima-queue", linksPurpose: true },
    ],
  },
  {
    person: "gus",
    purpose: [{ on: "-30m", drewMe: "Keeping things running at 3 a.m. felt heroic.", impact: "Systems that heal themselves.", worthEffort: "Designing, not just firefighting." }],
    goals: [
      { key: "gus-pager", title: "Cut pager noise by half", category: "new_tool", status: "done", createdOn: "-22m", targetOn: "-18m",
        updates: [{ on: "-20m", body: "Deleted 40 alerts nobody acted on.", progress: 50 }] },
      { title: "Automate certificate rotation", category: "new_tool", status: "active", createdOn: "-7m", targetOn: "-1m", byManager: true,
        updates: [{ on: "-5m", body: "Runbook written; automation not started, interrupts ate the sprint.", progress: 20 }] },
      { title: "Design the next alerting pipeline", category: "role_evolution", status: "proposed", createdOn: "-1m", servesPurpose: true },
    ],
    learning: [{ kind: "community", title: "SRE book reading group", status: "done", createdOn: "-8m", startedOn: "-8m", completedOn: "-4m", takeaways: "Error budgets would help us say no to toil." }],
    connections: [{ kind: "community", name: "SREcon community Slack", purpose: "Swap incident stories.", on: "-15m" }],
    skills: [
      { name: "Terraform", status: "used", on: "-30m" },
      { name: "Incident response", status: "used", on: "-22m" },
      { name: "Distributed systems design", status: "want_to_build", on: "-1m" },
    ],
    wins: [{ title: "Pager volume down 50%", on: "-18m", goal: "gus-pager" }],
  },
  {
    person: "hiro",
    purpose: [{ on: "-28m", drewMe: "Shipping fast without breaking things.", impact: "Deploys so boring nobody watches them.", worthEffort: "Tools other engineers thank me for." }],
    goals: [
      { key: "hiro-deploy", title: "Deploy tooling v2", category: "new_tool", status: "done", createdOn: "-14m", targetOn: "-6m", servesPurpose: true,
        updates: [
          { on: "-11m", body: "Canary stage live for five services.", progress: 50 },
          { on: "-6m", body: "All services on v2; old scripts deleted.", progress: 90 },
        ] },
      { title: "Run the Platform architecture review", category: "role_evolution", status: "active", createdOn: "-3m", targetOn: "+3m", byManager: true,
        updates: [
          { on: "-2m", body: "First two reviews facilitated; template drafted.", progress: 20 },
          { on: "-21d", body: "Review now monthly; Mobile asked to join.", progress: 35, byManager: true },
        ] },
    ],
    learning: [
      { kind: "conference", title: "KubeCon EU", status: "done", createdOn: "-6m", startedOn: "-5m", completedOn: "-5m", takeaways: "Progressive delivery patterns; shared a write-up." },
      { kind: "book", title: "A Philosophy of Software Design", status: "in_progress", createdOn: "-1m", startedOn: "-1m" },
    ],
    connections: [{ kind: "mentor", other: "dana", purpose: "Skip-level mentoring on the staff path.", on: "-6m" }],
    skills: [
      { name: "Kubernetes", status: "used", on: "-28m" },
      { name: "Python", status: "used", on: "-28m" },
      { name: "Technical writing", status: "want_to_build", on: "-3m" },
    ],
    wins: [{ title: "Deploy tooling v2 rolled out to every service", on: "-5m", goal: "hiro-deploy", linksPurpose: true }],
  },
  {
    person: "ines",
    purpose: [
      { on: "-30m", drewMe: "Apps people use every day.", impact: "A mobile app that works on a bad train connection.", worthEffort: "Fixing what frustrates users." },
      { on: "-12m", drewMe: "Understanding systems end to end.", impact: "Backends that explain themselves when they fail.", worthEffort: "Making the invisible visible." },
    ],
    goals: [
      { key: "ines-tracing", title: "Tracing for the job queue", category: "new_tool", status: "active", createdOn: "-5m", targetOn: "+1m", servesPurpose: true,
        updates: [
          { on: "-4m", body: "OpenTelemetry SDK in the workers.", progress: 25 },
          { on: "-2m", body: "Traces across enqueue and run; dashboards drafted.", progress: 40 },
          { on: "-14d", body: "Sampling tuned; cost within budget.", progress: 55 },
        ] },
    ],
    learning: [{ kind: "course", title: "OpenTelemetry in practice", status: "in_progress", createdOn: "-1m", startedOn: "-1m" }],
    connections: [{ kind: "collaboration", other: "mei", purpose: "Keep mobile sync and queue retry semantics aligned.", on: "-10m" }],
    skills: [
      { name: "TypeScript", status: "used", on: "-30m" },
      { name: "Observability", status: "want_to_build", on: "-5m" },
    ],
    wins: [{ title: "Found the retry storm in the job queue", description: "Traces showed one tenant's retries starving the rest.", on: "-3m", goal: "ines-tracing", linksPurpose: true }],
  },
  {
    person: "jonah",
    purpose: [{ on: "-40m", drewMe: "Breaking things on purpose.", impact: "Tests engineers trust.", worthEffort: "Confidence to ship on a Friday." }],
    goals: [
      { key: "jonah-harness", title: "Shared integration-test harness", category: "cross_functional", status: "done", createdOn: "-26m", targetOn: "-23m",
        updates: [{ on: "-24m", body: "Harness used by Platform and Web.", progress: 60 }] },
      { key: "jonah-flaky", title: "Cut the flaky test rate below 1%", category: "stretch_assignment", status: "active", createdOn: "-6m", targetOn: "+1m",
        updates: [
          { on: "-4m", body: "Quarantine lane live; 9% flaky to 5%.", progress: 40 },
          { on: "-1m", body: "Down to 2%; the rest are timing bugs.", progress: 70 },
        ] },
    ],
    learning: [
      { kind: "talk", title: "Testing in production (internal tech talk)", status: "done", createdOn: "-2m", startedOn: "-2m", completedOn: "-2m" },
      { kind: "learning_time", title: "Property-based testing spike", status: "in_progress", createdOn: "-21d", startedOn: "-21d" },
    ],
    connections: [{ kind: "community", name: "Ministry of Testing", purpose: "Meetups and the odd talk.", on: "-20m" }],
    skills: [
      { name: "Playwright", status: "used", on: "-30m" },
      { name: "Property-based testing", status: "want_to_build", on: "-21d" },
    ],
    wins: [
      { title: "Harness adopted by three teams", on: "-23m", goal: "jonah-harness", rotation: "jonah-devex", linksPurpose: true },
      { title: "Flaky rate down to 2%", on: "-1m", goal: "jonah-flaky" },
    ],
  },
  {
    person: "maya",
    purpose: [{ on: "-24m", drewMe: "Watching people grow.", impact: "A team people want to stay on.", worthEffort: "Careers, not just code." }],
    goals: [
      { title: "Grow a tech lead on Platform", category: "mentoring", status: "active", createdOn: "-3m", targetOn: "+3m",
        updates: [{ on: "-1m", body: "Hiro runs the architecture review; Fatima leads the registry work.", progress: 40 }] },
    ],
    learning: [{ kind: "book", title: "Resilient Management", status: "in_progress", createdOn: "-2m", startedOn: "-2m" }],
    skills: [{ name: "Coaching", status: "used", on: "-24m" }],
  },
];
