import type { PrepBrief } from "@/lib/meetings/prep";
import { prepBriefData } from "@/lib/meetings/prep-view";
import { PrepBriefView } from "./prep-brief-view";

/** "Since the last 1:1", computed from the person's data; the employee sees their own version (own flag wording). */
export function PrepBriefCard({ brief, forSelf, names, viewerId }: { brief: PrepBrief; forSelf: boolean; names: Record<string, string>; viewerId: string }) {
  return <PrepBriefView brief={prepBriefData(brief, forSelf, names, viewerId)} forSelf={forSelf} />;
}
