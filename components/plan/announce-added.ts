import { addedMessage, announce } from "@/components/ui/announce";

/**
 * Says that a new plan item was added, named by what its form sent (a plan add answers with no data). Called as the
 * form saves, before it closes or empties: focus goes back to the button that opened it (or to the emptied field),
 * which says nothing of what happened.
 */
export function announceAdded(what: string, form: HTMLFormElement | null, field: string): void {
  const name = form ? new FormData(form).get(field) : null;
  if (typeof name === "string" && name.trim()) announce(addedMessage(what, name));
}
