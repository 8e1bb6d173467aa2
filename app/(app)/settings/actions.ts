"use server";

import { revalidatePath } from "next/cache";
import { parseInput, runAction, type ActionState } from "@/lib/http/action";
import { orgSettingsInput, updateOrgSettings, type OrgSettings } from "@/lib/settings/org-settings";

export async function saveSettingsAction(_prev: ActionState<OrgSettings>, fd: FormData): Promise<ActionState<OrgSettings>> {
  const s = await runAction(async ({ viewer, db }) => {
    const input = parseInput(orgSettingsInput, fd);
    const saved = await updateOrgSettings(db, viewer, input); // authorizes orgAdmin: write
    revalidatePath("/", "layout");
    return saved;
  });
  return s?.ok ? { ...s, message: "Settings saved. The radar uses them from now on." } : s;
}
