import { Badge } from "@/components/ui/badge";
import type { RoleEventDto, RotationDto } from "@/lib/plan/dto";
import { ROLE_EVENT_LABEL } from "@/lib/plan/labels";
import { formatDate, Section } from "./bits";

/** Rotations and the role timeline, read-only here (they are edited on the person page). */
export function TimelineSection({ rotations, events }: { rotations: RotationDto[]; events: RoleEventDto[] }) {
  return (
    <Section id="timeline" title="Rotations and role timeline" intro="How the role has changed over time. Your manager keeps this up to date.">
      <div className="grid gap-6 md:grid-cols-2">
        <div>
          <h3 className="mb-2 text-sm font-medium text-muted">Rotations</h3>
          {rotations.length ? (
            <ul className="space-y-2">
              {rotations.map((r) => (
                <li key={r.id} className="rounded-md border border-line p-2 text-sm [overflow-wrap:anywhere]">
                  <p className="font-medium">
                    {r.host} <Badge tone={r.status === "active" ? "info" : "neutral"}>{r.status === "active" ? "Active" : r.status === "done" ? "Done" : "Planned"}</Badge>
                  </p>
                  <p className="text-xs text-muted">
                    {formatDate(r.startOn)} – {r.endedOn ? formatDate(r.endedOn) : r.plannedEndOn ? `planned to ${formatDate(r.plannedEndOn)}` : "open"}
                  </p>
                  {r.learningGoal ? <p className="mt-1">{r.learningGoal}</p> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">No rotations yet. A few months with another team is one of the best ways out of a stale role — worth raising in a 1:1.</p>
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
