/**
 * A form on an open page whose subject went away meanwhile: deleted, or moved out of the viewer's reach (an admin gave
 * the person another manager). A bare "Not found" beside the button read as a bug; this says what may have happened
 * without saying which, as the policy answers 404 for what the viewer may not see. Its own file: client components
 * (the note editor, which saves through the API) say it too.
 */
export const GONE_FROM_PAGE =
  "This is no longer here for you: it may have been deleted, or who reports to whom may have changed since the page was opened. Reload the page to see what is current.";
