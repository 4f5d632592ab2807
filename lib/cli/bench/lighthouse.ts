/**
 * Lighthouse on the list and new-webhook pages, mobile (its defaults: a mid-range phone, simulated
 * slow 4G and a 4× slower CPU) and desktop (its desktop config), for performance, accessibility and
 * best practices, as the demo user signed in (the session cookie on every request). Each run has a
 * Chromium of its own, Debian's, launched headless for a machine with no network but loopback.
 * Lighthouse needs nothing from outside: it audits what the page loads, and nothing else.
 *
 * Lighthouse is pinned at 12.2.3: 13 needs Node 22, and from 12.3 on a dependency of its asks for
 * `third-party-web@latest`, which `npm ci` never finds in sync with the lock. With Chromium 156 its
 * trace-elements gatherer fails, so six diagnostics that weigh nothing (the LCP element, layout
 * shifts, render-blocking resources, …) come back as errors; the scores are unaffected.
 */
import { launch } from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";
import { request } from "undici";
import { findChromium } from "../../../e2e/chromium";
import {
  CATEGORIES,
  failedRun,
  FORM_FACTORS,
  PAGES,
  summarize,
  type FormFactor,
  type LighthouseRun,
  type Page,
} from "./lighthouse-figures";

export const PAGE_PATHS: Record<Page, string> = {
  list: "/conekta/default/webhooks",
  form: "/conekta/default/webhooks/new",
};

const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** One Lighthouse run of one page in one form factor, in a fresh Chromium. */
async function runOnce(url: string, formFactor: FormFactor, cookie: string) {
  const chrome = await launch({
    chromePath: findChromium() ?? "/usr/bin/chromium",
    chromeFlags: CHROME_FLAGS,
    logLevel: "silent",
  });
  try {
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: [...CATEGORIES],
        extraHeaders: { Cookie: cookie },
      },
      formFactor === "desktop" ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    return summarize(result.lhr);
  } finally {
    chrome.kill();
  }
}

/** Loads each page once over plain HTTP, so that no run pays for the server's first render. */
async function warmUp(consoleUrl: string, cookie: string): Promise<void> {
  for (const page of PAGES) {
    const { statusCode, body } = await request(`${consoleUrl}${PAGE_PATHS[page]}`, {
      headers: { cookie },
    });
    await body.dump();
    if (statusCode !== 200) throw new Error(`${PAGE_PATHS[page]} answered HTTP ${statusCode}`);
  }
}

/**
 * `rounds` runs of every page × form factor, one at a time (they would compete for the CPU that
 * the mobile runs' simulated throttling scales), the order rotating from round to round.
 */
export async function runLighthouse(
  consoleUrl: string,
  cookie: string,
  rounds: number,
): Promise<LighthouseRun[]> {
  await warmUp(consoleUrl, cookie);
  const combos = PAGES.flatMap((page) => FORM_FACTORS.map((formFactor) => ({ page, formFactor })));
  const runs: LighthouseRun[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = Date.now();
    for (let i = 0; i < combos.length; i++) {
      const { page, formFactor } = combos[(i + round) % combos.length]!;
      // A run that fails is a figure that misses, with its reason, not a bench that stops.
      const summary = await runOnce(`${consoleUrl}${PAGE_PATHS[page]}`, formFactor, cookie).catch(
        failedRun,
      );
      runs.push({ page, formFactor, summary });
    }
    console.error(
      `Lighthouse round ${round + 1} of ${rounds} done (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
  return runs;
}
