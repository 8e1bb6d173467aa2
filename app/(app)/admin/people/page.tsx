import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requirePageViewer } from "@/lib/auth/viewer";
import { decideAccess } from "@/lib/policy/rules";
import { listInvitations } from "@/lib/people/invitations";
import { mailConfigured } from "@/lib/mail/send";
import { memberOptions } from "@/lib/people/structure";
import { formatDate } from "@/lib/radar/format";
import { Card, PageHeader } from "@/components/ui/card";
import { InviteForm } from "./_components/invite-form";
import { ImportForm } from "./_components/import-form";

export const metadata: Metadata = { title: "Manage people" };

export default async function AdminPeoplePage() {
  const viewer = await requirePageViewer();
  const rel = { sameOrg: true, self: false, manager: false, skipLevel: false, admin: viewer.role === "admin" };
  if (decideAccess("orgAdmin", "write", rel) !== "allow") notFound();
  const db = await getDb();
  const [managers, invites] = await Promise.all([memberOptions(db, viewer.orgId), listInvitations(db, viewer)]);
  return (
    <>
      <PageHeader
        title="Manage people"
        description="Invite people, import them from your HR system, and find someone in People to change their manager, title, team or to deactivate them."
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card className="min-w-0">
          <h2 className="mb-3 text-lg font-semibold">Invite by email</h2>
          <InviteForm managers={managers} emailEnabled={mailConfigured()} />
          {invites.length ? (
            <div className="mt-4">
              <h3 className="text-sm font-semibold">Pending invitations</h3>
              <ul className="mt-1 space-y-1 text-sm [overflow-wrap:anywhere]">
                {invites.map((i) => (
                  <li key={i.id}>
                    {i.name} ({i.email}) · expires {formatDate(i.expiresAt)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </Card>
        <Card className="min-w-0">
          <h2 className="mb-3 text-lg font-semibold">Import a CSV</h2>
          <p className="mb-3 text-sm text-muted">
            Nothing is written unless every row is valid. People are matched by email, so importing the same file again changes nothing.
          </p>
          <ImportForm />
        </Card>
      </div>
    </>
  );
}
