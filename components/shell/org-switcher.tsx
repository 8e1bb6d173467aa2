"use client";

import { useLayoutEffect, useRef } from "react";
import { usePathname } from "next/navigation";
import { switchOrgAction } from "@/app/(app)/shell-actions";
import { focusOnArrival, useArrivalFocus } from "@/components/ui/use-arrival-focus";
import { unsavedAttr } from "@/components/ui/unsaved-changes";

const SWITCHER_ID = "org-switch";

/**
 * The organization menu for someone in several organizations. Client only to keep the menu truthful: the
 * layout around it survives navigation, so an organization picked without pressing Switch stayed shown on the
 * next page while that page (and the navigation) still belonged to the other one. After every navigation the
 * menu shows the organization in use again.
 */
export function OrgSwitcher({ orgs, current }: { orgs: { orgId: string; name: string }[]; current: string }) {
  const path = usePathname();
  // After Switch the whole page is another organization's: keyboard and screen-reader users stay on the menu,
  // which now names it, instead of starting over from the page body.
  useArrivalFocus(SWITCHER_ID, current);
  // The menu shows the organization in use again after every navigation: a pick made without Switch must not
  // stay shown on the next page. Reset in place rather than by remounting the select, which would drop focus
  // from it when the switch's own redirects arrive one after another.
  const select = useRef<HTMLSelectElement>(null);
  useLayoutEffect(() => {
    if (select.current) select.current.value = current;
  }, [current, path]);
  return (
    // A menu, not content: an organization picked without Switch is not something to keep (see above).
    <form action={switchOrgAction} onSubmit={() => focusOnArrival(SWITCHER_ID)} className="flex w-full min-w-0 items-center gap-2 sm:w-auto" {...unsavedAttr(false)}>
      <label htmlFor={SWITCHER_ID} className="sr-only">
        Organization
      </label>
      {/* Bounded: a long name (up to 120 characters) pushed Account and Sign out off a phone's screen. The list
          itself still shows whole names. */}
      <select
        ref={select}
        id={SWITCHER_ID}
        name="orgId"
        defaultValue={current}
        className="min-w-0 flex-1 truncate rounded-md border border-field-line bg-panel px-2 py-1 sm:max-w-[16rem]"
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
