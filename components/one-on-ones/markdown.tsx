import ReactMarkdown, { defaultUrlTransform } from "react-markdown";

/**
 * Notes are Markdown, rendered safely: raw HTML is dropped (skipHtml), and
 * only http(s), mailto and relative links survive (javascript: and data: URLs
 * are removed). No rehype-raw, ever.
 */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="prose-note space-y-2 text-sm [overflow-wrap:anywhere] leading-relaxed [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5">
      <ReactMarkdown
        skipHtml
        urlTransform={(url) => {
          const safe = defaultUrlTransform(url);
          return /^(https?:|mailto:|\/|#)/i.test(safe) ? safe : "";
        }}
        components={{ a: ({ href, children }) => (href ? <a href={href} rel="noopener noreferrer nofollow" target="_blank">{children}</a> : <span>{children}</span>) }}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
