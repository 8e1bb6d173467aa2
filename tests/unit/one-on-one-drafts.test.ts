/** Drafts kept per tab: a save in one tab never removes what another tab of the same person still holds. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

class MemoryStorage implements Storage {
  private m = new Map<string, string>();
  get length() {
    return this.m.size;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, String(v));
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  clear() {
    this.m.clear();
  }
}

type Draft = { text: string };
const local = new MemoryStorage();

/** A tab: its own sessionStorage, and the module loaded afresh as a new page would. */
async function openTab(session = new MemoryStorage()) {
  vi.resetModules();
  vi.stubGlobal("sessionStorage", session);
  const m = await import("@/components/one-on-ones/drafts");
  return { session, m, slot: m.tabDraft<Draft>(m.noteDraftKey("author-1", "meeting-1", "private")) };
}

beforeEach(() => {
  local.clear();
  vi.stubGlobal("localStorage", local);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("tabDraft", () => {
  it("keeps one slot per tab: clearing one tab's draft leaves the other's, and a reload finds its own", async () => {
    const a = await openTab();
    a.slot.write({ text: "typed in A" });
    const b = await openTab();
    b.slot.write({ text: "conflicted in B" });
    const aAgain = await openTab(a.session);
    aAgain.slot.write({ text: "typed more in A" });
    aAgain.slot.clear();

    const bReloaded = await openTab(b.session);
    expect(await bReloaded.slot.take()).toEqual({ text: "conflicted in B" });
  });

  it("a new tab takes over the newest draft a closed tab left behind, once", async () => {
    const closed = await openTab();
    closed.slot.write({ text: "older" });
    await new Promise((r) => setTimeout(r, 5));
    const closedToo = await openTab();
    closedToo.slot.write({ text: "newer" });

    const next = await openTab();
    expect(await next.slot.take()).toEqual({ text: "newer" });
    next.slot.clear(); // saved there
    const another = await openTab();
    expect(await another.slot.take()).toEqual({ text: "older" });
    another.slot.clear();
    expect(await (await openTab()).slot.take()).toBeNull();
  });

  it("leaves the draft of a tab that is still open (it holds its Web Lock) to that tab", async () => {
    const held: string[] = [];
    vi.stubGlobal("navigator", {
      locks: {
        request: (name: string) => {
          held.push(name);
          return new Promise(() => {});
        },
        query: async () => ({ held: held.map((name) => ({ name })), pending: [] }),
      },
    });
    const open = await openTab();
    open.slot.write({ text: "still being typed" });
    const other = await openTab();
    expect(await other.slot.take()).toBeNull();
    held.splice(0, 1); // the first tab closes
    expect(await other.slot.take()).toEqual({ text: "still being typed" });
  });

  it("reads a draft of the format before per-tab slots", async () => {
    local.setItem("reignite:note:author-1:meeting-1:private", JSON.stringify({ text: "from before", noteId: null, version: null }));
    const tab = await openTab();
    expect(await tab.slot.take()).toMatchObject({ text: "from before" });
  });

  it("sign-out forgets note and check-in drafts of every tab, and nothing else", async () => {
    const tab = await openTab();
    tab.slot.write({ text: "note" });
    tab.m.tabDraft<Draft>(tab.m.checkInDraftKey("author-1", "meeting-1")).write({ text: "answer" });
    local.setItem("theme", "dark");
    tab.m.forgetDrafts(local);
    expect(local.length).toBe(1);
    expect(local.getItem("theme")).toBe("dark");
  });
});
