/** The id of the signed-in layout's one polite live region (components/shell/announcements.tsx). */
export const ANNOUNCEMENTS_ID = "announcements";

/** Long enough to recognise an item by, short enough not to read a whole paragraph back. */
const NAME_MAX = 80;

let pending: ReturnType<typeof setTimeout> | undefined;

/**
 * Says `message` to screen readers through the layout's live region, without moving focus: adding a talking point
 * leaves focus in the emptied field, adding a goal on the button that opened the form, and neither said a word.
 *
 * The region is emptied first and filled a moment later, so the same message twice in a row (two items with the
 * same text) is a change, and read again. Outside the signed-in layout there is no region and nothing is said.
 */
export function announce(message: string): void {
  const region = document.getElementById(ANNOUNCEMENTS_ID);
  if (!region) return;
  clearTimeout(pending);
  region.textContent = "";
  pending = setTimeout(() => {
    region.textContent = message;
  }, 100);
}

/** "Talking point added: “Conference budget”.": what was added, named by its text, cut at a word if it is long. */
export function addedMessage(what: string, name: string): string {
  return `${what} added: “${shortened(name)}”.`;
}

function shortened(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= NAME_MAX) return flat;
  const cut = flat.slice(0, NAME_MAX);
  const space = cut.lastIndexOf(" ");
  // A long word with no space in reach (a URL) is cut where it stands.
  return `${(space > NAME_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?-]+$/, "")}…`;
}
