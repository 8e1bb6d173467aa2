/**
 * Skill names compare as they read. The same word can arrive as different
 * code points: "é" precomposed or as "e" plus a combining accent (NFC joins
 * them), or with invisible format characters pasted from chat or a document
 * (zero-width spaces, bidi marks, soft hyphens: Unicode category Cf). Pure,
 * so the schema and the duplicate check agree.
 */

// ZWNJ and ZWJ change how Persian, Indic scripts and emoji render: kept in what is saved, ignored when comparing.
const INVISIBLE = /(?![\u200c\u200d])\p{Cf}/gu;
const JOINERS = /[\u200c\u200d]/g;

/** What is saved: NFC, without invisible format characters or surrounding whitespace (NBSP included), one space between words. */
export const normalizeName = (s: string): string => s.normalize("NFC").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();

/** What two names are compared by: "" for a name of only invisible characters. */
export const nameKey = (s: string): string => normalizeName(s.replace(JOINERS, "")).toLowerCase();
