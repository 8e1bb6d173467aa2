"use client";

import { useEffect } from "react";
import { forgetDrafts } from "@/components/one-on-ones/drafts";

/**
 * Rendered on /login right after an explicit sign-out: unsaved note and check-in drafts
 * (private notes included) must not stay behind in a browser someone else
 * may use next. A session that merely expired keeps its author's drafts.
 */
export function ForgetDrafts() {
  useEffect(() => {
    try {
      forgetDrafts(window.localStorage);
    } catch {
      /* storage disabled: nothing was kept */
    }
  }, []);
  return null;
}
