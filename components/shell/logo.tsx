/** The Reignite mark: an ember. Decorative; the product name is always next to it or in the heading. */
export function Logo({ className = "h-7 w-7" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" className="fill-ember-600" />
      <path d="M16 6c1 4 6 6.5 6 12a6 6 0 0 1-12 0c0-3 1.6-4.8 3-6 .2 2 1 3.2 2.2 3.6C14.6 12 15 9 16 6z" fill="#fff" />
    </svg>
  );
}
