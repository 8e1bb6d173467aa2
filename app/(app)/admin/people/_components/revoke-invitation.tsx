"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { focusWhenRemoved } from "@/components/ui/use-arrival-focus";
import { revokeInvitationAction } from "../actions";
import { revokedHere } from "./revoked-here";

/** Revokes one pending invitation after a confirmation; focus goes to the list's heading when its row is gone. */
export function RevokeInvitation({ id, who }: { id: string; who: string }) {
  const [state, action, pending] = useActionState(revokeInvitationAction, null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (pending || !window.confirm(`Revoke the invitation for ${who}? Their link stops working at once.`)) {
          e.preventDefault();
          return;
        }
        revokedHere.add(id);
        focusWhenRemoved(e.currentTarget, document.getElementById("pending-invitations"));
      }}
      className="inline"
    >
      <input type="hidden" name="id" value={id} />
      <Button type="submit" size="sm" variant="ghost" pending={pending} aria-label={`Revoke the invitation for ${who}`}>
        Revoke
      </Button>
      <FormMessage state={state && !state.ok ? state : null} />
    </form>
  );
}
