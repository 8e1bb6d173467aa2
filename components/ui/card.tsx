import type { ReactNode } from "react";

export function Card({ children, className = "", as: Tag = "section" }: { children: ReactNode; className?: string; as?: "section" | "div" | "article" | "li" }) {
  return <Tag className={className ? `card ${className}` : "card"}>{children}</Tag>;
}

/**
 * `children`: a panel opened from the actions (a confirmation, a small form). It goes under the title and the
 * actions, across both: inside the actions column it made that column taller and pushed the title down.
 */
export function PageHeader({ title, description, actions, children }: { title: ReactNode; description?: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  const row = (
    <div className={`${children ? "" : "mb-6 "}flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between`}>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {description ? <p className="mt-1 text-sm text-muted">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
  if (!children) return row;
  return (
    <div className="mb-6 space-y-3">
      {row}
      {children}
    </div>
  );
}

/** An empty state that says what the section is for and what to do next. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-line p-6 text-center">
      <p className="font-medium">{title}</p>
      {children ? <div className="mx-auto mt-1 max-w-prose text-sm text-muted">{children}</div> : null}
      {action ? <div className="mt-4 flex justify-center">{action}</div> : null}
    </div>
  );
}
