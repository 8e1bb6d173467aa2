import { AppError } from "@/lib/errors";
export { conflict, notFound } from "@/lib/errors";

/** A 422 for a rule zod cannot check (e.g. "that goal is not on this plan"), shaped like schema errors. */
export const validationFailed = (fields: Record<string, string[]>) => new AppError(422, "validation_failed", "Some fields need attention.", fields);
