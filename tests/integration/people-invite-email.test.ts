import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invitations } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { inviteAndEmail } from "@/lib/people/invitation-email";
import { findInvitation } from "@/lib/people/invitations";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { viewerFor } from "../helpers/viewers";
import { startSmtpSink } from "../mail/smtp-sink";

let db: Db;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  db = await setupTestDb({ demo: true });
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
  await teardownTestDb();
});

function setMailEnv(vars: { SMTP_URL?: string; SMTP_FROM?: string; APP_URL?: string }) {
  for (const k of ["SMTP_URL", "SMTP_FROM", "APP_URL"] as const) {
    if (vars[k] === undefined) delete process.env[k];
    else process.env[k] = vars[k];
  }
  resetEnvForTests();
}
afterEach(() => setMailEnv({}));

const person = (email: string, name: string) => ({ email, name, title: "Engineer", team: "Web", role: "member" as const, managerId: null });
const decoded = (data: string) => data.replace(/=\r?\n/g, "").replace(/=3D/g, "=");

describe("invitation emails", () => {
  it("emails the invitation through SMTP_URL: right recipient, sender, inviter, organization and link", async () => {
    setMailEnv({ SMTP_URL: `smtp://127.0.0.1:${sink.port}`, SMTP_FROM: "Reignite <invites@acme.example>" });
    const ada = await viewerFor(db, "ada@acme.example");
    const before = sink.messages.length;
    const res = await inviteAndEmail(db, ada, person("rosa@acme.example", "Rosa Park"), "http://localhost:3901");
    expect(res.emailStatus).toBe("sent");
    expect(res.link).toMatch(/^http:\/\/localhost:3901\/invite\/[A-Za-z0-9_-]{40,}$/);
    expect(sink.messages.length).toBe(before + 1);
    const msg = sink.messages.at(-1)!;
    expect(msg.to).toEqual(["rosa@acme.example"]);
    expect(msg.from).toBe("invites@acme.example");
    const body = decoded(msg.data);
    expect(body).toMatch(/^Subject: Ada Admin invited you to Acme Robotics on Reignite$/m);
    expect(body).toContain(res.link);
    expect(body).toContain(`href="${res.link}"`);
    expect(body).toMatch(/expires on \d{1,2} \w+ \d{4}/);
    // The emailed link is the live invitation.
    const token = res.link.split("/").pop()!;
    expect(await findInvitation(db, token)).toMatchObject({ email: "rosa@acme.example", orgName: "Acme Robotics" });
  });

  it("uses APP_URL for the link when set", async () => {
    setMailEnv({ SMTP_URL: `smtp://127.0.0.1:${sink.port}`, APP_URL: "https://reignite.acme.example/" });
    const ada = await viewerFor(db, "ada@acme.example");
    const res = await inviteAndEmail(db, ada, person("sam@acme.example", "Sam Lee"), "http://internal:3000");
    expect(res.link).toMatch(/^https:\/\/reignite\.acme\.example\/invite\//);
    expect(decoded(sink.messages.at(-1)!.data)).toContain(res.link);
    expect(sink.messages.at(-1)!.to).toEqual(["sam@acme.example"]);
  });

  it("sends nothing without SMTP_URL and still returns the link", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const before = sink.messages.length;
    const res = await inviteAndEmail(db, ada, person("tom@acme.example", "Tom Ng"), "http://localhost:3901");
    expect(res.emailStatus).toBe("not_configured");
    expect(res.link).toContain("/invite/");
    await new Promise((r) => setTimeout(r, 100));
    expect(sink.messages.length).toBe(before);
  });

  it("a failed send keeps the invitation and reports the failure", async () => {
    const closed = await startSmtpSink();
    const port = closed.port;
    await closed.close(); // nothing listens there any more: connection refused
    setMailEnv({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    const ada = await viewerFor(db, "ada@acme.example");
    const res = await inviteAndEmail(db, ada, person("uma@acme.example", "Uma Rao"), "http://localhost:3901");
    expect(res.emailStatus).toBe("failed");
    const [row] = await db.select({ id: invitations.id }).from(invitations).where(and(eq(invitations.id, res.id), eq(invitations.orgId, ada.orgId)));
    expect(row?.id).toBe(res.id);
    expect(await findInvitation(db, res.link.split("/").pop()!)).toMatchObject({ email: "uma@acme.example" });
  });

  it("only an admin can invite: a manager gets 404 and nothing is sent", async () => {
    setMailEnv({ SMTP_URL: `smtp://127.0.0.1:${sink.port}` });
    const maya = await viewerFor(db, "maya@acme.example");
    const before = sink.messages.length;
    await expect(inviteAndEmail(db, maya, person("vic@acme.example", "Vic Doe"), "http://localhost:3901")).rejects.toMatchObject({ status: 404 });
    expect(sink.messages.length).toBe(before);
  });
});
