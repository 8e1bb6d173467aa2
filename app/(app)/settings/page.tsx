import { adminPageTitle } from "@/lib/shell/admin-page-title";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requirePageViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { getOrgSettings } from "@/lib/settings/org-settings";
import { RISK_RULE_TEXT } from "@/lib/radar/rules";
import { Card, PageHeader } from "@/components/ui/card";
import { SettingsForm } from "./_components/settings-form";

export const generateMetadata = adminPageTitle("Settings");

export default async function SettingsPage() {
  const viewer = await requirePageViewer();
  const db = await getDb();
  const settings = await getOrgSettings(db, viewer).catch((e) => {
    if (e instanceof AppError && (e.status === 404 || e.status === 403)) notFound();
    throw e;
  });
  return (
    <>
      <PageHeader title="Settings" description={`Radar thresholds and defaults for ${settings.name}.`} />
      <Card className="max-w-3xl">
        <SettingsForm initial={settings} />
        <p className="mt-4 text-xs text-muted">{RISK_RULE_TEXT}</p>
      </Card>
    </>
  );
}
