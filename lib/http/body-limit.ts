/**
 * Largest request body a server action accepts. The people import takes a CSV
 * of up to 2 MB (plus multipart overhead); Next's default of 1 MB answered a
 * bigger body with a 500. next.config.ts passes this to Next, and proxy.ts
 * answers a larger declared body with 413 before Next parses it.
 */
export const ACTION_BODY_LIMIT_BYTES = 3 * 1024 * 1024;
