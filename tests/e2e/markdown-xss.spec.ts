import { expect, test, type Page } from "@playwright/test";
import { signInHttp } from "../helpers/http";
import { signIn } from "./support/auth";
import { personIdOf, withE2eSql } from "./support/db";
import { expectNoSidewaysScroll } from "./support/layout";
import { resetDemoData } from "./support/reset";

/**
 * A shared note full of script payloads, written through the API, renders
 * inert for both participants. The CSP would block inline handlers anyway, so
 * besides `window.__pwned` the test checks the rendered DOM itself: no script,
 * iframe, svg/object/embed, no on* attribute, no javascript:/data: link or
 * image source (a Markdown image with a javascript: URL keeps only its alt text).
 * GitHub tables render (header cells and all) without opening a way in, and a
 * wide one scrolls inside the note on a phone instead of widening the page.
 */
const MARKER = "xss-control-7f3a";
const PAYLOAD = [
  `# Notes ${MARKER}`,
  "<script>window.__pwned=1</script>",
  `<img src=x onerror="window.__pwned=2">`,
  "[click me](javascript:window.__pwned=3)",
  `<a href="javascript:alert(1)">raw html link</a>`,
  `<svg onload="window.__pwned=4"><circle r="5"/></svg>`,
  `<iframe src="javascript:window.top.__pwned=5"></iframe>`,
  `<iframe srcdoc="<script>parent.__pwned=6</script>"></iframe>`,
  "[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[spaced link]( javascript:window.__pwned=7 )",
  "[entity link](jav&#x09;ascript:window.__pwned=8)",
  "![image](javascript:window.__pwned=9)",
  "[ref link][r]",
  "[r]: javascript:window.__pwned=10",
  "<details open ontoggle=\"window.__pwned=11\">x</details>",
  "[safe link](https://example.com/growth)",
  "**still bold**",
  `Inline: before <img src=x onerror="window.__pwned=12"> <a href="javascript:window.__pwned=13">inline raw</a> after`,
  [
    "| Step | Where |",
    "| --- | --- |",
    "| one | [cell link](javascript:window.__pwned=14) |",
    `| two | <img src=x onerror="window.__pwned=15"> [cell data](data:text/html,x) |`,
    "| three | [cell ref][r] |",
  ].join("\n"),
].join("\n\n"); // blank lines: each payload is its own block, none swallows the next

test.beforeAll(async () => {
  await resetDemoData();
});

// Leave the demo data as other specs expect it.
test.afterAll(async () => {
  await resetDemoData();
});

async function meetingOfEli(): Promise<string> {
  const eli = await personIdOf("eli@acme.example");
  return withE2eSql(async (sql) => {
    const [m] = await sql<{ id: string }[]>`select id from meetings where report_id = ${eli} and status = 'scheduled' limit 1`;
    return m!.id;
  });
}

/** Writes the meeting's shared note as Maya, through the API, whatever it held before. */
async function writeSharedNote(baseURL: string, meetingId: string, body: string): Promise<Response> {
  const maya = await signInHttp(baseURL, "maya@acme.example");
  const detail = (await (await maya.fetch(`/api/v1/meetings/${meetingId}`)).json()) as { notes: { id: string; visibility: string; version: number }[] };
  const existing = detail.notes.find((n) => n.visibility === "shared");
  return existing
    ? maya.fetch(`/api/v1/notes/${existing.id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ body, version: existing.version }) })
    : maya.fetch(`/api/v1/meetings/${meetingId}/notes`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ visibility: "shared", body }) });
}

async function expectInert(page: Page, meetingId: string) {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const popups: string[] = [];
  page.context().on("page", (p) => popups.push(p.url()));
  await page.goto(`/one-on-ones/${meetingId}`);
  const sharedSection = page.getByRole("heading", { name: "Shared notes" }).locator("..");
  await expect(sharedSection.getByLabel("Shared note", { exact: true })).toHaveValue(new RegExp(MARKER));
  await sharedSection.getByRole("button", { name: "Preview" }).click();
  const note = sharedSection.locator(".prose-note");
  await expect(note.getByRole("heading", { name: `Notes ${MARKER}` })).toBeVisible();
  // The control proves the Markdown renders: bold text and a safe link survive.
  await expect(note.locator("strong", { hasText: "still bold" })).toBeVisible();
  await expect(note.getByRole("link", { name: "safe link" })).toHaveAttribute("href", "https://example.com/growth");
  const table = note.getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveText(["Step", "Where"]);
  await expect(table.getByRole("row")).toHaveCount(4);

  const dom = await note.evaluate((el) => {
    const all = [...el.querySelectorAll("*")];
    return {
      html: el.innerHTML,
      tags: [...new Set(all.map((n) => n.tagName.toLowerCase()))],
      handlers: all.flatMap((n) => [...n.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${n.tagName}.${a.name}`)),
      urls: all.flatMap((n) => ["href", "src", "srcdoc", "xlink:href", "action", "formaction"].map((k) => n.getAttribute(k)).filter((v): v is string => v !== null)),
    };
  });
  for (const tag of ["script", "iframe", "svg", "object", "embed", "details", "form", "style"]) expect(dom.tags, dom.html).not.toContain(tag);
  expect(dom.handlers, dom.html).toEqual([]);
  for (const url of dom.urls) expect(url.replace(/[\s\u0000-\u001f]/g, ""), dom.html).toMatch(/^(https?:|mailto:|\/|#)/i);
  expect(dom.html).not.toMatch(/javascript:/i);

  // Whatever the dangerous links became, clicking them does nothing.
  for (const name of ["click me", "spaced link", "entity link", "ref link", "data link", "cell link", "cell data", "cell ref"]) {
    const el = note.getByText(name, { exact: true });
    if (await el.count()) {
      await expect(el.first()).not.toHaveAttribute("href", /javascript|data:/i);
      await el.first().click();
    }
  }
  // The page outside the note did not get a new script, iframe or handler either.
  const pageWide = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    iframes: document.querySelectorAll("iframe").length,
    jsLinks: [...document.querySelectorAll("a[href]")].filter((a) => /^\s*javascript:/i.test(a.getAttribute("href")!)).length,
  }));
  expect(pageWide).toEqual({ pwned: undefined, iframes: 0, jsLinks: 0 });
  expect(page.url()).toContain(`/one-on-ones/${meetingId}`);
  expect(dialogs).toEqual([]);
  expect(popups).toEqual([]);
}

test("script, handler and javascript: payloads in a shared note render inert for both participants", async ({ browser, baseURL }) => {
  const meetingId = await meetingOfEli();
  const res = await writeSharedNote(baseURL!, meetingId, PAYLOAD);
  expect(res.status).toBeLessThan(300);
  // Stored as written: safety comes from rendering, not from mangling what people wrote.
  const saved = (await res.json()) as { body: string };
  expect(saved.body).toBe(PAYLOAD);

  for (const email of ["maya@acme.example", "eli@acme.example"]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, email);
    await expectInert(page, meetingId);
    await context.close();
  }
});

test("a wide table in a note scrolls inside the note on a phone, not the page", async ({ browser, baseURL }) => {
  const meetingId = await meetingOfEli();
  const columns = ["Goal", "Owner", "Next step", "Due", "Blocked by", "Notes"];
  const table = [
    `| ${columns.join(" | ")} |`,
    `| ${columns.map(() => "---").join(" | ")} |`,
    "| Pilot contract tests | Eli | Draft the first consumer contract with Mobile | 2026-09-30 | Waiting on the API schema review | https://example.com/a-rather-long-link-to-the-design-document |",
  ].join("\n");
  expect((await writeSharedNote(baseURL!, meetingId, `Plan\n\n${table}`)).status).toBeLessThan(300);

  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await signIn(page, "eli@acme.example", { to: `/one-on-ones/${meetingId}` });
  const sharedSection = page.getByRole("heading", { name: "Shared notes" }).locator("..");
  await sharedSection.getByRole("button", { name: "Preview" }).click();
  const scroller = sharedSection.getByRole("group", { name: "Table" });
  await expect(scroller.getByRole("columnheader")).toHaveText(columns);
  await expectNoSidewaysScroll(page, scroller);
  // The table is wider than the phone, so its box scrolls (and takes focus for the keyboard).
  expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await scroller.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await context.close();
});
