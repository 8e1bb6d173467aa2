/**
 * A polite status region that is in the page before its message is: screen readers often miss a `role="status"`
 * inserted with its text already in it, and read one whose content changes. Empty, it is taken out of the flow (not
 * hidden: a hidden region is no region to a screen reader), so it adds no gap or grid cell to the form around it.
 */
export function LiveStatus({ children }: { children?: React.ReactNode }) {
  return (
    <div role="status" className="empty:absolute">
      {children}
    </div>
  );
}
