import { notFound } from "next/navigation";

/**
 * Any address no page answers, for someone signed in: a 404 inside the shell (app/(app)/not-found.tsx) with the
 * navigation, instead of the bare root page that left them without a way around. Routes of their own (sign-in,
 * invitations, the API) match before a catch-all does.
 */
export default function Missing(): never {
  notFound();
}
