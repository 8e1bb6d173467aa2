"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { asFormData, parseInput, runAction, type ActionState } from "@/lib/http/action";
import { applyImport, planImport, type ImportPlan } from "@/lib/people/csv-import";
import { inviteAndEmail, type InviteResult } from "@/lib/people/invitation-email";
import { inviteInput, revokeInvitation } from "@/lib/people/invitations";
import { AppError } from "@/lib/errors";

// Each domain function authorizes orgAdmin: write before it reads or writes.

export type InviteState = ActionState<Pick<InviteResult, "id" | "link" | "email" | "emailStatus" | "endedEarlier">>;

export async function inviteAction(_prev: InviteState, fd: FormData): Promise<InviteState> {
  return runAction(async ({ viewer, db }) => {
    const input = parseInput(inviteInput, fd);
    const h = await headers();
    const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
    const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
    const { id, link, email, emailStatus, endedEarlier } = await inviteAndEmail(db, viewer, input, `${proto}://${host}`);
    revalidatePath("/admin/people");
    return { id, link, email, emailStatus, endedEarlier };
  });
}

/** Ends a pending invitation now: its link stops working (revokeInvitation authorizes orgAdmin: write). */
export async function revokeInvitationAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const { id } = parseInput(z.object({ id: z.uuid("Choose an invitation.") }), fd);
    await revokeInvitation(db, viewer, id);
    revalidatePath("/admin/people");
  }) as Promise<ActionState>;
}

const MAX_CSV = 2 * 1024 * 1024;
const csvSchema = z.object({
  csv: z.string().max(MAX_CSV, "The file is larger than 2 MB.").default(""),
  intent: z.enum(["preview", "import"]).default("preview"),
  // The preview's fingerprint (ImportPlan): an import that would now do something else is shown, not written.
  previewed: z.string().max(100).optional(),
});

async function csvText(fd: FormData): Promise<string> {
  const file = asFormData(fd).get("file");
  if (file && typeof file !== "string" && file.size > 0) {
    if (file.size > MAX_CSV) throw new AppError(422, "validation_failed", "The file is larger than 2 MB.", { file: ["The file is larger than 2 MB."] });
    return file.text();
  }
  return "";
}

/** `intent`: what was pressed, so a refused preview does not speak of importing. `withoutSignIn`: see applyImport. */
// The CSV itself is not sent back: the form still holds it, and echoing up to 2 MB to the browser on every
// preview doubled what each click transferred.
export type ImportState = ActionState<{ plan: ImportPlan; intent: "preview" | "import"; imported: boolean; withoutSignIn: number; changedSincePreview?: boolean }>;

export async function importAction(_prev: ImportState, fd: FormData): Promise<ImportState> {
  return runAction(async ({ viewer, db }) => {
    const input = parseInput(csvSchema, fd);
    const csv = (await csvText(fd)) || input.csv;
    if (!csv.trim()) throw new AppError(422, "validation_failed", "Paste a CSV or choose a file.", { csv: ["Paste a CSV or choose a file."] });
    if (input.intent === "preview") return { plan: await planImport(db, viewer, csv), intent: "preview" as const, imported: false, withoutSignIn: 0 };
    try {
      const result = await applyImport(db, viewer, csv, new Date(), { previewed: input.previewed || undefined });
      revalidatePath("/people");
      return { plan: result, intent: "import" as const, imported: true, withoutSignIn: result.withoutSignIn };
    } catch (e) {
      // An invalid file comes back as its plan, so the per-row errors show.
      // A plan that changed since the preview comes back as the new preview, said so.
      if (e instanceof AppError && e.extra?.plan) {
        return { plan: e.extra.plan as ImportPlan, intent: "import" as const, imported: false, withoutSignIn: 0, changedSincePreview: e.code === "conflict" };
      }
      throw e;
    }
  });
}
