/**
 * The invitations this admin revoked on this page (ids), so the "created" box can say "You revoked…" instead of
 * "revoked, or already used" when the link it shows leaves the pending list. Page memory only: a reload forgets it,
 * and the box with it.
 */
export const revokedHere = new Set<string>();
