import Link from "next/link";
import { requirePageViewer } from "@/lib/auth/viewer";
import { navFor } from "@/lib/shell/nav";
import { Announcements } from "@/components/shell/announcements";
import { OfflineGuard } from "@/components/shell/offline-guard";
import { Logo } from "@/components/shell/logo";
import { NavLinks } from "@/components/shell/nav-links";
import { OrgSwitcher } from "@/components/shell/org-switcher";
import { UnsavedChangesGuard } from "@/components/shell/unsaved-changes-guard";
import { signOutAction } from "./shell-actions";
import { AccountLink } from "@/components/shell/account-link";

/** The signed-in shell: brand, navigation, the viewer's name, org switcher and sign-out, and the live region `announce()` speaks through. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requirePageViewer();
  const nav = await navFor(viewer);
  return (
    <div className="min-h-dvh">
      <UnsavedChangesGuard />
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-panel focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-line bg-panel">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <Link href={nav.home} className="flex items-center gap-2 font-semibold">
            <Logo />
            <span className="flex flex-col leading-tight">
              <span>Reignite</span>
              {viewer.orgs.length > 1 ? null : <span className="text-xs font-normal text-muted">{viewer.orgName}</span>}
            </span>
          </Link>
          <nav aria-label="Main" className="order-3 -mx-1 w-full lg:order-none lg:mx-0 lg:w-auto lg:flex-1">
            <NavLinks items={nav.items} />
          </nav>
          {viewer.orgs.length > 1 ? (
            // On a phone a row of its own under the brand and sign-out, above the navigation; inline from sm up.
            <div className="order-2 w-full text-sm sm:order-none sm:ml-auto sm:w-auto">
              <OrgSwitcher orgs={viewer.orgs} current={viewer.orgId} />
            </div>
          ) : null}
          <div className={`${viewer.orgs.length > 1 ? "ml-auto sm:ml-0" : "ml-auto"} flex items-center gap-3 text-sm`}>
            <span className="hidden font-medium sm:inline" data-testid="viewer-name">
              {viewer.name}
            </span>
            <AccountLink />
            <form action={signOutAction}>
              <button type="submit" className="whitespace-nowrap rounded-md border border-line px-3 py-1.5 hover:bg-stone-100 dark:hover:bg-stone-800">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:py-8">
        {children}
      </main>
      <Announcements />
      <OfflineGuard />
    </div>
  );
}
