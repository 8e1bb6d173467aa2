"use client";

import { useActionState } from "react";
import { useFocusAfterChange } from "@/components/ui/use-focus-after-change";
import type { ActionState } from "@/lib/http/action";

/**
 * What a list of 1:1 items shares: one queue for its rows' tick/move/delete action (an answer that
 * failed is kept in `rowState` and said above the list, never dropped), and where focus goes once the
 * list re-renders: the pressed button after a move, after a delete the next row's checkbox, else the
 * previous row's, else the list's "new item" field.
 */
export function useRowList(items: { id: string }[], action: (prev: ActionState, fd: FormData) => Promise<ActionState>, ids: { tick: string; newItem: string }) {
  const [rowState, rowAction, rowPending] = useActionState(action, null);
  const rememberFocus = useFocusAfterChange(items);
  const neighbourOf = (i: number) => {
    const n = items[i + 1] ?? items[i - 1];
    return n ? `${ids.tick}${n.id}` : ids.newItem;
  };
  return { rowState, rowAction, rowPending, rememberFocus, neighbourOf };
}
