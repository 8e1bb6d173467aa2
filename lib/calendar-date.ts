import { z } from "zod";

/**
 * The first day a date in Reignite may be. An earlier one is a typo ("0202" for "2020") nobody means in a growth
 * plan, a role's start or a 1:1; and PostgreSQL has no year 0, so "0000-01-01" passed the shape check and failed
 * the insert (a 500 where a field error was due).
 */
export const EARLIEST_DAY = "1900-01-01";
export const EARLIEST_DAY_MESSAGE = "Use a date from 1900 on.";
export const MISSING_DAY_MESSAGE = "Enter a date.";

const SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** Written 'YYYY-MM-DD', whether or not that day exists. */
export const isDateShaped = (s: string): boolean => SHAPE.test(s);

/** A day that exists on the calendar, written 'YYYY-MM-DD' ("2025-02-29" does not). */
export function isRealDate(s: string): boolean {
  if (!SHAPE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A real day from EARLIEST_DAY on: what every date field and filter accepts. */
export const isUsableDate = (s: string): boolean => isRealDate(s) && s >= EARLIEST_DAY;

/** What is wrong with `s` as a calendar day, or null: its shape, a day that does not exist, a year before 1900. */
export function dayProblem(s: string, shapeMessage: string): string | null {
  if (!SHAPE.test(s)) return shapeMessage;
  if (!isRealDate(s)) return "That date does not exist.";
  return s < EARLIEST_DAY ? EARLIEST_DAY_MESSAGE : null;
}

/**
 * A calendar-day field, with one message for what is wrong. One check rather than three with `abort`: an aborted
 * issue also stopped the object's cross-field checks, so "Enter the new title" came one save later.
 */
export function calendarDate(shapeMessage = "Use a date like 2026-03-31.") {
  // The shape as a regex too, so the JSON schema (the API fuzz's generator) says what a date looks like; the refine
  // then names only what the regex cannot see.
  // Left empty (or not sent) is said as such: "Use a date like …" read as if something typed were wrong.
  const shapeOrMissing = (issue: { input?: unknown }) => (issue.input === undefined || issue.input === "" ? MISSING_DAY_MESSAGE : shapeMessage);
  return z
    .string({ error: shapeOrMissing })
    .trim()
    .regex(SHAPE, { error: shapeOrMissing })
    .refine((s) => !SHAPE.test(s) || dayProblem(s, shapeMessage) === null, { error: (issue) => dayProblem(String(issue.input), shapeMessage) ?? shapeMessage });
}

/**
 * A calendar-day field that may be left empty (blank is null). Not a union with "": a bad date then failed both
 * branches and said only "Invalid input".
 */
export function optionalCalendarDate(shapeMessage?: string) {
  return z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), calendarDate(shapeMessage).nullable());
}
