import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { RoleEventDto, RotationDto } from "@/lib/plan/dto";
import { ROLE_EVENT_LABEL, ROTATION_STATUS_LABEL } from "@/lib/plan/labels";
import { formatDate, Section } from "./bits";

/** Rotations and the role timeline, read-only here (they are edited on the person page). */
export function TimelineSection({
  rotations,
  events,
  personId,
  firstName,
  self,
  manages,
}: {
  rotations: RotationDto[];
  events: RoleEventDto[];
  personId: string;
  firstName: string;
  self: boolean;
  /** The viewer records this person's role changes and rotations (their manager, on the person page). */
  manages: boolean;
}) {
  // Said to whoever reads it: the person, their manager (who keeps it, elsewhere), or a skip-level.
  const intro = self ? (
    "How your role has changed over time. Your manager keeps this up to date."
  ) : manages ? (
    <>
      How {firstName}&apos;s role has changed over time. You record role changes and rotations on{" "}
      <Link href={`/people/${personId}`} className="text-accent-text underline underline-offset-2">
        {firstName}&apos;s page
      </Link>
      .
    </>
  ) : (
    `How ${firstName}'s role has changed over time. ${firstName}'s manager keeps this up to date.`
  );
  const noRotations = self
    ? "No rotations yet. A few months with another team is one of the best ways out of a stale role — worth raising in a 1:1."
    : manages
      ? `No rotations yet. A few months with another team is one of the best ways out of a stale role — worth planning with ${firstName}.`
      : "No rotations yet.";
  return (
    <Section id="timeline" title="Rotations and role timeline" intro={intro}>
      <div className="grid gap-6 md:grid-cols-2">
        <div>
          <h3 className="mb-2 text-sm font-medium text-muted">Rotations</h3>
          {rotations.length ? (
            <ul className="space-y-2">
              {rotations.map((r) => (
                <li key={r.id} className="rounded-md border border-line p-2 text-sm [overflow-wrap:anywhere]">
                  <p className="font-medium">
                    {r.host} <Badge tone={r.status === "active" ? "info" : "neutral"}>{ROTATION_STATUS_LABEL[r.status] ?? r.status}</Badge>
                  </p>
                  <p className="text-xs text-muted">
                    {formatDate(r.startOn)} – {r.endedOn ? formatDate(r.endedOn) : r.plannedEndOn ? `planned to ${formatDate(r.plannedEndOn)}` : "open"}
                  </p>
                  {r.learningGoal ? <p className="mt-1">{r.learningGoal}</p> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">{noRotations}</p>
          )}
        </div>
        <div>
          <h3 className="mb-2 text-sm font-medium text-muted">Role timeline</h3>
          {events.length ? (
            <ol className="space-y-2 border-l border-line pl-3 text-sm">
              {events.map((e) => (
                <li key={e.id} className="[overflow-wrap:anywhere]">
                  <p className="text-xs text-muted">
                    <time dateTime={e.effectiveOn}>{formatDate(e.effectiveOn)}</time> · {ROLE_EVENT_LABEL[e.type] ?? e.type}
                  </p>
                  <p>{[e.newTitle, e.newTeam].filter(Boolean).join(", ") || e.description}</p>
                  {e.description && (e.newTitle || e.newTeam) ? <p className="text-muted">{e.description}</p> : null}
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm text-muted">No role changes recorded yet.</p>
          )}
        </div>
      </div>
    </Section>
  );
}
