export type NavItem = { href: string; label: string };
