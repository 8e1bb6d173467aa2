import { z } from "zod";
import { apiRoute, notAllowed, readQuery } from "@/lib/http/api";
import { exportFileName, exportPlan, getPlan, planToCsv } from "@/lib/plan";

const query = z.object({ format: z.enum(["json", "csv"]).optional() });

/** The whole plan as the viewer may see it; `?format=json|csv` downloads it (the person only). */
export const GET = apiRoute<{ id: string }>(async ({ req, params, viewer, db }) => {
  const { format } = readQuery(req, query);
  if (!format) {
    const { plan, canEdit } = await getPlan(db, viewer, params.id);
    return { ...plan, canEdit };
  }
  const plan = await exportPlan(db, viewer, params.id, format, { audit: req.method !== "HEAD" });
  // A byte-order mark, so spreadsheet programs read the CSV as UTF-8 (accents, emoji).
  const body = format === "csv" ? `\uFEFF${planToCsv(plan)}` : JSON.stringify(plan, null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(plan, format)}"`,
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = notAllowed(["GET"]);
