import { adminPageTitle } from "@/lib/shell/admin-page-title";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requirePageViewer } from "@/lib/auth/viewer";
import { decideAccess } from "@/lib/policy/rules";
import { listInvitations } from "@/lib/people/invitations";
import { mailConfigured } from "@/lib/mail/send";
import { AppError } from "@/lib/errors";
import { getDirectoryEntry } from "@/lib/people/directory";
import { memberOptions, peopleWithInactiveManager } from "@/lib/people/structure";
import { formatDate } from "@/lib/radar/format";
import Link from "next/link";
import { z } from "zod";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { InviteForm } from "./_components/invite-form";
import { ImportForm } from "./_components/import-form";
import { RevokeInvitation } from "./_components/revoke-invitation";

export const generateMetadata = adminPageTitle("Manage people");

// A person page's "Invite" link names who by id only (someone a CSV import created has no sign-in): their email and
// name are read here, after the policy lets this viewer see them, never carried in the URL (browser history, logs,
// Referer). Anything else in the query is ignored.
const invitePrefill = z.object({ invite: z.uuid().optional().catch(undefined) });

export default async function AdminPeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer();
  const rel = { sameOrg: true, self: false, manager: false, skipLevel: false, admin: viewer.role === "admin" };
  if (decideAccess("orgAdmin", "write", rel) !== "allow") notFound();
  const { invite } = invitePrefill.parse(await searchParams);
  const db = await getDb();
  const [managers, invites, orphaned, invitee] = await Promise.all([
    memberOptions(db, viewer.orgId),
    listInvitations(db, viewer),
    peopleWithInactiveManager(db, viewer),
    // directory: read decides; an id of another organization or a made-up one prefills nothing.
    invite
      ? getDirectoryEntry(db, viewer, invite).catch((e) => {
          if (e instanceof AppError && e.status === 404) return null;
          throw e;
        })
      : null,
  ]);
  const prefill = invitee ? { email: invitee.email, name: invitee.name } : undefined;
  return (
    <>
      <PageHeader
        title="Manage people"
        description="Invite people, import them from your HR system, and find someone in People to change their manager, title, team or to deactivate them."
      />
      {orphaned.total ? (
        <Card className="mb-6 border-ember-300">
          <h2 id="inactive-managers" className="text-lg font-semibold">
            {orphaned.total === 1 ? "1 person reports to someone deactivated" : `${orphaned.total} people report to someone deactivated`}
          </h2>
          <p className="mb-2 text-sm text-muted">Until they have a new manager, nobody holds their 1:1s, and their “I feel stuck” goes to HR. Open each to change their manager.</p>
          <ul className="divide-y divide-line text-sm" aria-labelledby="inactive-managers">
            {orphaned.people.map((p) => (
              <li key={p.id} className="py-1.5">
                <Link href={`/people/${p.id}`} className="font-medium underline">
                  {p.name}
                </Link>{" "}
                <span className="text-muted">· reported to {p.managerName}</span>
              </li>
            ))}
          </ul>
          {orphaned.total > orphaned.people.length ? <p className="mt-2 text-sm text-muted">and {orphaned.total - orphaned.people.length} more; they are listed again as these get new managers.</p> : null}
        </Card>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card className="min-w-0">
          <h2 id="invite" className="mb-3 scroll-mt-4 text-lg font-semibold">Invite by email</h2>
          <InviteForm managers={managers} emailEnabled={mailConfigured()} initial={prefill} pendingIds={invites.map((i) => i.id)} />
          {/* Always there, so focus has a place to land when the last one is revoked. */}
          <div className="mt-4">
            <h3 id="pending-invitations" tabIndex={-1} className="text-sm font-semibold">
              Pending invitations
            </h3>
            {invites.length ? (
              <ul className="mt-1 divide-y divide-line text-sm [overflow-wrap:anywhere]" aria-labelledby="pending-invitations">
                {invites.map((i) => (
                  <li key={i.id} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-1.5">
                    <span>
                      {i.name} ({i.email}){i.role === "admin" ? <> <Badge tone="info">Admin</Badge></> : null} · expires {formatDate(i.expiresAt)}
                    </span>
                    <RevokeInvitation id={i.id} who={`${i.name} (${i.email})`} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-sm text-muted">None. Links that were used, revoked or are past their 7 days are not listed.</p>
            )}
          </div>
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
