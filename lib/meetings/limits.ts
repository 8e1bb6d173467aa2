/** Lengths the server accepts, shared with the forms that say them (no zod here, so client bundles stay small). */
export const CHECK_IN_ANSWER_MAX = 5000;
