/**
 * Runs before the page's own scripts: remembers, on each field marked `data-typed`, what was typed into it (or that
 * a radio was picked) until its component takes over (`data-live`). React puts a server-rendered textarea's or
 * radio's value back as it hydrates, so the field itself cannot tell afterwards; useTypedBeforeHydration reads this.
 * It stops for good once the first such component has taken over (`data-typed-done` on <html>): a field mounted
 * later, such as a note's editor after Preview, would otherwise copy every keystroke into an attribute nobody reads.
 * A server component: plain text, with the request's CSP nonce.
 */
const RECORDER =
  'addEventListener("input",function(e){var t=e.target;if(document.documentElement.hasAttribute("data-typed-done")||!t||!t.getAttribute||!t.hasAttribute("data-typed")||t.hasAttribute("data-live"))return;' +
  // A radio picked: the one picked last is the group's choice.
  'if(t.type==="radio"&&t.form){var g=t.form.elements.namedItem(t.name);if(g&&g.length)for(var i=0;i<g.length;i++)g[i].removeAttribute("data-typed-value")}' +
  't.setAttribute("data-typed-value",t.type==="radio"||t.type==="checkbox"?(t.checked?"on":""):t.value)},true);';

export function TypedBeforeHydrationScript({ nonce }: { nonce?: string }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: RECORDER }} />;
}
