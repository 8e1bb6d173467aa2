"use client";

import { useState } from "react";
import { Button } from "./button";

/**
 * Copies `text` and says so. On a phone a long link in a small read-only field was hard to select whole. The
 * clipboard API needs https (or localhost); elsewhere the field `fallbackId` names is selected and copied the old way.
 */
export function CopyButton({ text, fallbackId, label = "Copy link" }: { text: string; fallbackId: string; label?: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      const field = document.getElementById(fallbackId) as HTMLInputElement | null;
      field?.select();
      setCopied(!!field && document.execCommand("copy"));
    }
  };
  return (
    <span className="inline-flex items-center gap-2">
      <Button size="sm" variant="secondary" onClick={copy}>
        {label}
      </Button>
      {/* aria-live without role="status": the box this sits in is the form's status already. */}
      <span aria-live="polite" className="text-sm text-muted">
        {copied === true ? "Copied." : copied === false ? "Could not copy: the link is selected, copy it from there." : ""}
      </span>
    </span>
  );
}
