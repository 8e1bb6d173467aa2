/**
 * Where focus goes once an "I feel stuck" action is done (see focusOnArrival): the pressed button is gone by
 * then. A plain module, so server components can read the ids (a "use client" module's exports are references).
 */
export const STUCK_CURRENT_ID = "stuck-current";
export const STUCK_WITHDRAWN_ID = "stuck-withdrawn";
/** /signals' "Earlier" heading: an acknowledged signal moves there, with the card whose button was pressed. */
export const PAST_SIGNALS_ID = "past-signals";
