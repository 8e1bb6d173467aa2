"use client";

import { usePathname } from "next/navigation";
import { switchOrgAction } from "@/app/(app)/shell-actions";

/**
 * The organization menu for someone in several organizations. Client only to keep the menu truthful: the
 * layout around it survives navigation, so an organization picked without pressing Switch stayed shown on the
 * next page while that page (and the navigation) still belonged to the other one. Keyed by the page, the menu
 * shows the organization in use again after every navigation.
 */
export function OrgSwitcher({ orgs, current }: { orgs: { orgId: string; name: string }[]; current: string }) {
  const path = usePathname();
  return (
    <form action={switchOrgAction} className="flex w-full min-w-0 items-center gap-2 sm:w-auto">
      <label htmlFor="org-switch" className="sr-only">
        Organization
      </label>
      {/* Bounded: a long name (up to 120 characters) pushed Account and Sign out off a phone's screen. The list
          itself still shows whole names. */}
      <select
        key={`${current} ${path}`}
        id="org-switch"
        name="orgId"
        defaultValue={current}
        className="min-w-0 flex-1 truncate rounded-md border border-line bg-panel px-2 py-1 sm:max-w-[16rem]"
      >
        {orgs.map((o) => (
          <option key={o.orgId} value={o.orgId}>
            {o.name}
          </option>
        ))}
      </select>
      <button type="submit" className="shrink-0 rounded-md border border-line px-2 py-1 hover:bg-stone-100 dark:hover:bg-stone-800">
        Switch
      </button>
    </form>
  );
}
