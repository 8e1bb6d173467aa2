import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listDirectory } from "@/lib/people/directory";
import { radarForOrg } from "@/lib/radar/org";
import { setupTestDb, teardownTestDb } from "../helpers/db";
import { viewerFor } from "../helpers/viewers";

let db: Db;
beforeAll(async () => {
  db = await setupTestDb({ demo: true });
});
afterAll(teardownTestDb);

// A link to page 30 kept from before a search or a deactivation narrowed the list used to show
// an empty page that read "No people yet" in an organization of thousands.
describe("pages past the end", () => {
  it("the directory shows its last page to pages, and stays empty for the API's page-until-empty clients", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const all = await listDirectory(db, ada, { pageSize: 5 });
    expect(all.pages).toBeGreaterThan(1);
    const past = await listDirectory(db, ada, { pageSize: 5, page: all.pages + 7, lastPageIfPast: true });
    expect(past.page).toBe(all.pages);
    expect(past.total).toBe(all.total);
    expect(past.items.length).toBe(all.total - (all.pages - 1) * 5);
    const api = await listDirectory(db, ada, { pageSize: 5, page: all.pages + 7 });
    expect(api.items).toEqual([]);
    // A search narrows the list: the page kept from before lands on the search's last page.
    const narrowed = await listDirectory(db, ada, { pageSize: 5, page: all.pages, q: "Eli", lastPageIfPast: true });
    expect(narrowed.page).toBe(1);
    expect(narrowed.items.map((p) => p.name)).toContain("Eli Employee");
    // Nobody matches: page 1 of an empty result, not a loop.
    const none = await listDirectory(db, ada, { pageSize: 5, page: 3, q: "no such person", lastPageIfPast: true });
    expect(none).toMatchObject({ items: [], total: 0, page: 1, pages: 1 });
  });

  it("the org radar shows its last page to the page", async () => {
    const ada = await viewerFor(db, "ada@acme.example");
    const first = await radarForOrg(db, ada, { pageSize: 5 });
    expect(first.pages).toBeGreaterThan(1);
    const past = await radarForOrg(db, ada, { pageSize: 5, page: first.pages + 3, lastPageIfPast: true });
    expect(past.page).toBe(first.pages);
    expect(past.people.length).toBe(first.total - (first.pages - 1) * 5);
    expect((await radarForOrg(db, ada, { pageSize: 5, page: first.pages + 3 })).people).toEqual([]);
  });
});
