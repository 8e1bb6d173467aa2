import { existsSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signIn } from "../e2e/support/auth";

test("the embedded database starts empty, loads the demo data, and a demo user signs in", async ({ page, request }) => {
  const health = await request.get("/api/health");
  expect(await health.json()).toEqual({ status: "ok", db: "ok" });
  expect(existsSync(".data/smoke/pglite/PG_VERSION")).toBe(true);
  await signIn(page, "eli@acme.example");
  await expect(page.getByTestId("viewer-name")).toHaveText("Eli Employee");
});
