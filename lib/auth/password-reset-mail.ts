import type { Mail } from "@/lib/mail/send";

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The email with a "Forgot your password?" link. It says how long the link works and what to do if it was not them. */
export function passwordResetMail(p: { to: string; name: string; link: string; minutes: number }): Mail {
  const first = p.name.split(" ")[0] || p.name;
  const text = [
    `Hi ${first},`,
    "",
    "Someone asked to set a new password for your Reignite account. If it was you, use this link:",
    "",
    p.link,
    "",
    `It works once, for ${p.minutes} minutes. Setting a new password signs you out everywhere else.`,
    "",
    "If you didn't ask for this, ignore this email: your password stays as it is.",
  ].join("\n");
  const html = `<p>Hi ${esc(first)},</p>
<p>Someone asked to set a new password for your Reignite account. If it was you, use this link:</p>
<p><a href="${esc(p.link)}">Set a new password</a></p>
<p>Or paste this link into your browser: ${esc(p.link)}</p>
<p>It works once, for ${p.minutes} minutes. Setting a new password signs you out everywhere else.</p>
<p>If you didn't ask for this, ignore this email: your password stays as it is.</p>`;
  return { to: p.to, subject: "Set a new password for Reignite", text, html };
}
