/**
 * A growth-plan edit form whose save is refused because someone else saved first (409) puts the merged values in
 * its fields: what this person edited stays as typed, every field they left shows what is saved now, and the note
 * names each changed field in the form's words. Saving again then keeps both people's changes; it used to post the
 * values the form was opened with and silently undo the other person's.
 */
import { expect, test, type Page } from "@playwright/test";
import { go, signedIn } from "./support/auth";
import { personIdOf } from "./support/db";
import { resetDemoData } from "./support/reset";

let eliId: string;

test.beforeAll(async () => {
  await resetDemoData();
  eliId = await personIdOf("eli@acme.example");
});

async function openPlan(page: Page, url: string) {
  await go(page, url);
  // Typing starts once the page's scripts have run, so the fields are React's when the form is filled.
  await page.waitForLoadState("networkidle");
}

/** Eli proposes a stretch goal on his own plan (Proposed, Stretch assignment by default) and opens Edit on it. */
async function proposeAndEdit(page: Page, title: string) {
  await openPlan(page, "/me");
  await page.getByRole("button", { name: "Propose a stretch goal" }).first().click();
  const newGoal = page.getByRole("form", { name: "New stretch goal" });
  await newGoal.getByLabel("Title").fill(title);
  await newGoal.getByRole("button", { name: "Add goal" }).click();
  const card = page.getByRole("article", { name: title });
  await expect(card.getByText("Proposed", { exact: true })).toBeVisible();
  await card.getByRole("button", { name: `Edit ${title}` }).click();
  const form = page.getByRole("form", { name: `Edit ${title}` });
  await expect(form.getByLabel("Title")).toBeFocused();
  return { card, form };
}

test("QA: Eli saves again after Maya's change to his stretch goal, and both changes are kept", async ({ browser }) => {
  const TITLE = "QA goal conflict";
  const ELIS_TITLE = "QA goal conflict: pilot in two teams";
  const eli = await signedIn(browser, "eli@acme.example");
  const maya = await signedIn(browser, "maya@acme.example");
  try {
    const { card, form } = await proposeAndEdit(eli.page, TITLE);

    // Meanwhile Maya saves her change to the same goal, through her own edit form.
    await openPlan(maya.page, `/people/${eliId}/plan`);
    const mayaCard = maya.page.getByRole("article", { name: TITLE });
    await mayaCard.getByRole("button", { name: `Edit ${TITLE}` }).click();
    const mayaForm = maya.page.getByRole("form", { name: `Edit ${TITLE}` });
    await mayaForm.getByLabel("Status").selectOption({ label: "Active" });
    await mayaForm.getByLabel("Category").selectOption({ label: "Mentoring or leading" });
    await mayaForm.getByLabel("Serves the purpose").check();
    await mayaForm.getByLabel("Description").fill("Maya: agreed in 1:1");
    await mayaForm.getByRole("button", { name: "Save goal" }).click();
    await expect(mayaForm).toBeHidden();

    // Eli changes only the title and saves: refused, and the form now holds his title with Maya's other values.
    await form.getByLabel("Title").fill(ELIS_TITLE);
    await form.getByRole("button", { name: "Save goal" }).click();
    const note = form.getByRole("alert");
    await expect(note).toContainText("Maya Manager saved a change first.");
    await expect(form.getByLabel("Title")).toHaveValue(ELIS_TITLE);
    await expect(form.getByLabel("Description")).toHaveValue("Maya: agreed in 1:1");
    await expect(form.getByLabel("Status")).toHaveValue("active");
    await expect(form.getByLabel("Category")).toHaveValue("mentoring");
    await expect(form.getByLabel("Serves the purpose")).toBeChecked();
    // The note names every field she changed, as the form does: labels, not stored values; a checkbox in words.
    await expect(note.locator("dt")).toHaveText(["Description", "Category", "Status", "Serves the purpose"]);
    await expect(note.locator("dd")).toHaveText([
      "changed from empty to “Maya: agreed in 1:1”; the form shows it now.",
      "changed from Stretch assignment to Mentoring or leading; the form shows it now.",
      "changed from Proposed to Active; the form shows it now.",
      "changed from No to Yes; the form shows it now.",
    ]);
    await expect(note).not.toContainText(/\bactive\b|mentoring\b|true/);
    // Each changed field says so itself, for whoever reaches it by Tab.
    await expect(form.getByLabel("Status")).toHaveAccessibleDescription("Maya Manager changed this from Proposed to Active meanwhile.");
    await expect(form.getByLabel("Serves the purpose")).toHaveAccessibleDescription("Maya Manager changed this from No to Yes meanwhile.");
    // The card behind the form caught up with what is saved now (its badges; the form's options say the same words).
    const badges = card.locator(".badge");
    await expect(badges.getByText("Active", { exact: true })).toBeVisible();
    await expect(badges.getByText("Mentoring or leading", { exact: true })).toBeVisible();

    await form.getByRole("button", { name: "Save goal" }).click();
    await expect(form).toBeHidden();
    const goals: { title: string; description: string; status: string; category: string; servesPurpose: boolean }[] = await (await eli.page.request.get(`/api/v1/people/${eliId}/stretch-goals`)).json();
    expect(goals.find((g) => g.title === ELIS_TITLE)).toMatchObject({ description: "Maya: agreed in 1:1", status: "active", category: "mentoring", servesPurpose: true });
    await expect(eli.page.getByRole("article", { name: ELIS_TITLE }).getByText("Active", { exact: true })).toBeVisible();
  } finally {
    await eli.close();
    await maya.close();
  }
});

test("a progress update behind Eli's open goal form is named in the note, not called a change outside the form", async ({ browser }) => {
  const TITLE = "QA progress conflict";
  const eli = await signedIn(browser, "eli@acme.example");
  const maya = await signedIn(browser, "maya@acme.example");
  try {
    const { form } = await proposeAndEdit(eli.page, TITLE);

    // Maya records progress on it: no field of Eli's form changes, but the goal's version does.
    await openPlan(maya.page, `/people/${eliId}/plan`);
    const update = maya.page.getByRole("form", { name: `Progress update for ${TITLE}` });
    await update.getByLabel("What happened").fill("Pilot team picked");
    await update.getByLabel("Progress %").fill("40");
    await update.getByRole("button", { name: "Add update" }).click();
    await expect(maya.page.getByRole("article", { name: TITLE }).getByText("Pilot team picked")).toBeVisible();

    await form.getByLabel("Description").fill("Eli: start with the payments team");
    await form.getByRole("button", { name: "Save goal" }).click();
    const note = form.getByRole("alert");
    await expect(note.locator("dt")).toHaveText(["Progress"]);
    await expect(note.locator("dd")).toHaveText(["changed from 0% to 40% (with a progress update; this form does not change it)."]);
    await expect(note).not.toContainText("not in the fields of this form");
    // Another update before Eli saves again: refused once more, and the note says where progress stands now.
    await update.getByLabel("What happened").fill("Second team joined");
    await update.getByLabel("Progress %").fill("60");
    await update.getByRole("button", { name: "Add update" }).click();
    await expect(maya.page.getByRole("article", { name: TITLE }).getByText("Second team joined")).toBeVisible();
    await form.getByRole("button", { name: "Save goal" }).click();
    await expect(note.locator("dd")).toHaveText(["changed from 0% to 60% (with a progress update; this form does not change it)."]);
    await form.getByRole("button", { name: "Save goal" }).click();
    await expect(form).toBeHidden();
    const goals: { title: string; description: string; progress: number }[] = await (await eli.page.request.get(`/api/v1/people/${eliId}/stretch-goals`)).json();
    expect(goals.find((g) => g.title === TITLE)).toMatchObject({ description: "Eli: start with the payments team", progress: 60 });
  } finally {
    await eli.close();
    await maya.close();
  }
});

test("a field edited on both sides keeps what was typed with theirs beside it; a learning item keeps both changes", async ({ browser }) => {
  const eli = await signedIn(browser, "eli@acme.example");
  const maya = await signedIn(browser, "maya@acme.example");
  try {
    const created = await eli.page.request.post(`/api/v1/people/${eliId}/learning`, { data: { kind: "book", title: "Team Topologies", status: "planned" } });
    expect(created.status()).toBe(201);
    const item: { id: string; version: number } = await created.json();
    await openPlan(eli.page, "/me");
    const learning = eli.page.getByRole("region", { name: "Learning" });
    await learning.getByRole("button", { name: "Edit Team Topologies" }).click();
    const form = learning.getByRole("form", { name: "Edit Team Topologies" });
    await form.getByLabel("What I learned").fill("Eli: stream-aligned teams");
    await form.getByLabel("Title").fill("Team Topologies (2nd ed.)");

    // Maya changes the kind, and the title too.
    const patched = await maya.page.request.patch(`/api/v1/learning/${item.id}`, { data: { version: item.version, kind: "course", title: "Team Topologies course" } });
    expect(patched.status()).toBe(200);

    await form.getByRole("button", { name: "Save" }).click();
    const note = form.getByRole("alert");
    await expect(note.locator("dt")).toHaveText(["Kind", "Title"]);
    await expect(note.locator("dd")).toHaveText(["changed from Book to Course; the form shows it now.", "Maya Manager saved “Team Topologies course”; yours, “Team Topologies (2nd ed.)”, is kept."]);
    await expect(form.getByLabel("Kind")).toHaveValue("course");
    await expect(form.getByLabel("Title")).toHaveValue("Team Topologies (2nd ed.)");
    await expect(form.getByLabel("Title")).toHaveAccessibleDescription(/^Maya Manager saved “Team Topologies course” here meanwhile; your “Team Topologies \(2nd ed\.\)” is kept\./);
    await expect(form.getByLabel("What I learned")).toHaveValue("Eli: stream-aligned teams");

    await form.getByRole("button", { name: "Save" }).click();
    await expect(form).toBeHidden();
    const items: { id: string; kind: string; title: string; takeaways: string }[] = await (await eli.page.request.get(`/api/v1/people/${eliId}/learning`)).json();
    expect(items.find((l) => l.id === item.id)).toMatchObject({ kind: "course", title: "Team Topologies (2nd ed.)", takeaways: "Eli: stream-aligned teams" });
  } finally {
    await eli.close();
    await maya.close();
  }
});

test("the purpose: an answer Eli left shows Maya's newer version, and saving again keeps it", async ({ browser }) => {
  const eli = await signedIn(browser, "eli@acme.example");
  const maya = await signedIn(browser, "maya@acme.example");
  try {
    await openPlan(eli.page, "/me");
    await eli.page.getByRole("button", { name: "Edit purpose" }).click();
    const form = eli.page.getByRole("form", { name: "Purpose" });
    await form.getByLabel("What impact do you want to make?").fill("Eli: CI feedback in seconds");

    const now = await (await maya.page.request.get(`/api/v1/people/${eliId}/purpose`)).json();
    const put = await maya.page.request.put(`/api/v1/people/${eliId}/purpose`, { data: { ...now.current, drewMe: "Maya: the craft of building", version: now.current.version } });
    expect(put.status()).toBe(200);

    await form.getByRole("button", { name: "Save purpose" }).click();
    await expect(form.getByRole("alert").locator("dt")).toHaveText(["What drew you to this field or organization?"]);
    await expect(form.getByRole("alert")).toContainText("Maya Manager saved a change first.");
    await expect(form.getByLabel("What drew you to this field or organization?")).toHaveValue("Maya: the craft of building");
    await expect(form.getByLabel("What impact do you want to make?")).toHaveValue("Eli: CI feedback in seconds");
    await form.getByRole("button", { name: "Save purpose" }).click();
    await expect(form).toBeHidden();
    const saved = await (await eli.page.request.get(`/api/v1/people/${eliId}/purpose`)).json();
    expect(saved.current).toMatchObject({ drewMe: "Maya: the craft of building", impact: "Eli: CI feedback in seconds", worthEffort: now.current.worthEffort });
  } finally {
    await eli.close();
    await maya.close();
  }
});

test("a skill moved in another tab: Eli's refused delete says why above the columns, and a skill he wanted to build can be marked had", async ({ browser }) => {
  const eli = await signedIn(browser, "eli@acme.example");
  const maya = await signedIn(browser, "maya@acme.example");
  try {
    await openPlan(eli.page, "/me");
    const skills = eli.page.getByRole("region", { name: "Skills" });
    await expect(eli.page.getByRole("button", { name: "Mark Go as not used" })).toBeVisible();

    // Maya marks Go as not used on Eli's plan; Eli's page still shows it under "Used in the role".
    await openPlan(maya.page, `/people/${eliId}/plan`);
    await maya.page.getByRole("button", { name: "Mark Go as not used" }).click();
    await expect(maya.page.getByRole("button", { name: "Mark Go as used" })).toBeVisible();

    // Eli deletes it from his stale page: refused (changed meanwhile), and the refresh moves the row to the other
    // column. The reason stays on screen, above the columns, instead of vanishing with the old row.
    eli.page.once("dialog", (d) => void d.accept());
    await eli.page.getByRole("button", { name: "Delete skill Go" }).click();
    await expect(skills.getByRole("alert").filter({ hasText: "Go:" })).toContainText("Maya Manager");
    await expect(skills.getByRole("alert").filter({ hasText: "Go:" })).toContainText("Look at it again before deleting.");
    await expect(eli.page.getByRole("button", { name: "Mark Go as used" })).toBeVisible();

    // A skill he wants to build moves to "Not used in the current role" once he has it (it offered only "Mark used").
    await eli.page.getByRole("button", { name: "Add a skill" }).click();
    const newSkill = eli.page.getByRole("form", { name: "New skill" });
    await newSkill.getByLabel("Skill").fill("Kotlin");
    await newSkill.getByLabel("Status").selectOption({ label: "Want to build" });
    await newSkill.getByRole("button", { name: "Add skill" }).click();
    await newSkill.getByRole("button", { name: "Cancel" }).click();
    await expect(skills.getByRole("heading", { name: /^Want to build \(\d+\)$/ })).toBeVisible();
    await eli.page.getByRole("button", { name: "Mark Kotlin as not used" }).click();
    // Focus follows the row to its new column, and the earlier refusal is cleared by the new try.
    await expect(eli.page.getByRole("button", { name: "Mark Kotlin as used" })).toBeFocused();
    await expect(eli.page.getByRole("status", { name: "Announcements" })).toHaveText("Kotlin moved to “Not used in the current role”.");
    await expect(skills.getByRole("alert").filter({ hasText: "Go:" })).toHaveCount(0);
    const notUsed = skills.locator("div", { has: eli.page.getByRole("heading", { name: /^Not used in the current role/ }) }).last();
    await expect(notUsed.getByText("Kotlin", { exact: true })).toBeVisible();
  } finally {
    await eli.close();
    await maya.close();
  }
});
