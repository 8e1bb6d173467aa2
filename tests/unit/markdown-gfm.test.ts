import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/one-on-ones/markdown";

const render = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));

describe("1:1 note Markdown with GitHub's extensions", () => {
  it("renders a table with header cells, scrolling inside the note", () => {
    const html = render("| Goal | Due |\n| --- | ---: |\n| Pilot contract tests | Q3 |");
    expect(html).toMatch(/<div role="group" aria-label="Table" tabindex="0" class="note-table"><table>/);
    expect(html).toMatch(/<thead><tr><th[^>]*>Goal<\/th><th[^>]*text-align:right[^>]*>Due<\/th><\/tr><\/thead>/);
    expect(html).toMatch(/<tbody><tr><td[^>]*>Pilot contract tests<\/td><td[^>]*>Q3<\/td><\/tr><\/tbody>/);
  });

  it("keeps javascript:, data: links and raw HTML out of table cells", () => {
    const html = render(
      [
        "| Step | Link |",
        "| --- | --- |",
        "| one | [cell link](javascript:alert(1)) |",
        "| two | [data](data:text/html;base64,PHNjcmlwdD4=) |",
        `| three | <img src=x onerror="alert(2)"> <a href="javascript:alert(3)">raw</a> |`,
        "| four | [ref][r] |",
        "",
        "[r]: javascript:alert(4)",
      ].join("\n"),
    );
    expect(html).toContain("<table");
    expect(html).toContain("cell link");
    expect(html).not.toMatch(/javascript:|data:|<img|onerror|<a href="javascript/i);
    for (const [, url] of html.matchAll(/(?:href|src)="([^"]*)"/g)) expect(url).toMatch(/^(https?:|mailto:|\/|#)/i);
  });

  it("renders strikethrough, task lists with named boxes and bare links that open safely", () => {
    const html = render("~~old plan~~\n\n- [x] Book the room\n- [ ] Share the agenda\n\nSee www.example.com/growth or https://example.com/a");
    expect(html).toContain("<del>old plan</del>");
    const boxes = [...html.matchAll(/<input type="checkbox"[^>]*>/g)].map(([tag]) => tag);
    expect(boxes).toHaveLength(2);
    expect(boxes[0]).toMatch(/aria-label="Done"/);
    expect(boxes[0]).toMatch(/ checked=""/);
    expect(boxes[1]).toMatch(/aria-label="Not done"/);
    expect(boxes[1]).not.toMatch(/ checked=""/);
    for (const box of boxes) expect(box).toMatch(/ disabled=""/);
    expect(html).toContain('<a href="http://www.example.com/growth" rel="noopener noreferrer nofollow" target="_blank">');
    expect(html).toContain('<a href="https://example.com/a" rel="noopener noreferrer nofollow" target="_blank">');
  });

  it("does not autolink a bare javascript: text", () => {
    const html = render("javascript:alert(1) and <javascript:alert(2)>");
    expect(html).not.toMatch(/<a /);
  });

  it("shows an image as a link to it, never loading it (blocked by the CSP, and a tracking pixel otherwise)", () => {
    const html = render("Board: ![the roadmap](https://example.com/roadmap.png) and ![](https://example.com/x.png)");
    expect(html).not.toContain("<img");
    expect(html).toContain('<a href="https://example.com/roadmap.png" rel="noopener noreferrer nofollow" target="_blank">Image: the roadmap</a>');
    expect(html).toContain(">Image: https://example.com/x.png</a>");
    // An unsafe source is dropped by the URL filter: no link at all.
    expect(render("![x](javascript:alert(1))")).not.toContain("javascript:");
  });
});
