import ReactMarkdown, { defaultUrlTransform, type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

/** Looks for what GFM adds (tables, task lists, strikethrough) are `.prose-note` rules in app/globals.css. */
const components: Components = {
  a: ({ href, children }) => (href ? <a href={href} rel="noopener noreferrer nofollow" target="_blank">{children}</a> : <span>{children}</span>),
  // The scroll box of a wide table takes focus, so keyboard users can scroll it too.
  table: ({ children }) => (
    <div role="group" aria-label="Table" tabIndex={0} className="note-table">
      <table>{children}</table>
    </div>
  ),
  // An image is a link to it, never loaded: the page's Content Security Policy blocks other sites' images (they showed
  // as broken images, with a console error on every preview), and loading one would tell its host who read the note.
  img: ({ src, alt }) =>
    typeof src === "string" && src ? (
      <a href={src} rel="noopener noreferrer nofollow" target="_blank">
        {`Image: ${alt || src}`}
      </a>
    ) : null,
  // A task-list box is read-only; unnamed, a screen reader would announce a bare "checkbox".
  input: ({ type, checked }) => (type === "checkbox" ? <input type="checkbox" defaultChecked={!!checked} disabled aria-label={checked ? "Done" : "Not done"} /> : null),
};

/**
 * Notes are Markdown with GitHub's extensions (tables, strikethrough, task
 * lists, bare links), rendered safely: raw HTML is dropped (skipHtml), and
 * only http(s), mailto and relative links survive (javascript: and data: URLs
 * are removed), in table cells as anywhere else. No rehype-raw, ever.
 */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="prose-note space-y-2 text-sm [overflow-wrap:anywhere] leading-relaxed [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        skipHtml
        urlTransform={(url) => {
          const safe = defaultUrlTransform(url);
          return /^(https?:|mailto:|\/|#)/i.test(safe) ? safe : "";
        }}
        components={components}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
