import { Badge } from "@/components/ui/badge";
import type { Flag, RiskLevel } from "@/lib/radar/rules";
import { FLAG_LABELS, RISK_LABELS } from "@/lib/radar/team-view";

const riskTone = { at_risk: "risk", watch: "watch", none: "good" } as const;
const riskIcon = { at_risk: "▲", watch: "●", none: "✓" } as const;

/** Risk level as text plus an icon, never colour alone. */
export function RiskBadge({ risk }: { risk: RiskLevel }) {
  return (
    <Badge tone={riskTone[risk]}>
      <span aria-hidden="true">{riskIcon[risk]}</span>
      {RISK_LABELS[risk]}
    </Badge>
  );
}

/**
 * Each flag as a chip with its sentence, for whoever may see it. Plain markup
 * without hooks: renders in server and client components alike (the /team
 * cards pass flags without the self-addressed sentence).
 */
export function FlagList({ flags, self = false }: { flags: (Pick<Flag, "code" | "severity" | "reason"> & { selfReason?: string })[]; self?: boolean }) {
  if (!flags.length) return null;
  return (
    <ul className="flex flex-col gap-2.5 sm:gap-1.5" aria-label="Flags">
      {flags.map((f) => (
        <li key={f.code} className="text-sm">
          {/* The icon says the severity to sighted users; "(warning)" is its text for everyone else. */}
          <span className={`badge mr-2 align-baseline badge-${f.severity === "warning" ? "risk" : "watch"}`}>
            <span aria-hidden="true">{f.severity === "warning" ? "▲" : "●"}</span>
            {FLAG_LABELS[f.code]}
            <span className="sr-only">{`(${f.severity})`}</span>
          </span>
          {self ? (f.selfReason ?? f.reason) : f.reason}
        </li>
      ))}
    </ul>
  );
}
