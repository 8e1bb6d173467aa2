/** Session lifetimes, in one place. */
export const SESSION_IDLE_SECONDS = 12 * 60 * 60; // JWT lifetime; idle handling may shorten it
export const SESSION_REFRESH_SECONDS = 5 * 60; // the cookie is re-issued at most every 5 min
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000; // and after 12 h whatever happens
export const ORG_COOKIE = "reignite-org";
