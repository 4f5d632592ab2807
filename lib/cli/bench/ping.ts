/**
 * Ping click-to-result, as a person sees it: Chromium opens the Conekta holding's list, clicks
 * "Send test ping" on the `ok/grupo-orders` row and waits for the toast "Ping delivered". Both
 * instants are taken inside the page (a click listener and a MutationObserver), so the browser
 * driver's own round trips do not count. The provider's delivery time is the sandbox's own: from
 * the console's `POST /webhooks/{id}/test` reaching it (`GET /__control/calls`) to its demo
 * receiver getting the ping (`GET /__control/deliveries`). The rest of click-to-toast is the
 * console's: the browser, the route, the audit log and following the delivery log.
 */
import { chromium } from "@playwright/test";
import { request } from "undici";
import { chromiumArgs, findChromium } from "../../../e2e/chromium";

const RECEIVER = "/receivers/ok/grupo-orders";

export interface PingTiming {
  /** Click to toast, ms. */
  toastMs: number;
  /** The provider's test call to its delivery to the receiver, ms (the sandbox's clock, in ms). */
  deliveryMs: number;
}

async function getJson<T>(url: string): Promise<T> {
  const { body } = await request(url);
  return (await body.json()) as T;
}

const deliveries = (sandboxUrl: string) =>
  getJson<{ data: { at: string }[] }>(`${sandboxUrl}/__control/deliveries?path=${RECEIVER}`);
const calls = (sandboxUrl: string, after = 0) =>
  getJson<{ last: number; data: { method: string; path: string; at: string }[] }>(
    `${sandboxUrl}/__control/calls?after=${after}`,
  );

/** Times `times` pings of the holding's `ok/grupo-orders` webhook, one after the other. */
export async function timePings(
  consoleUrl: string,
  sandboxUrl: string,
  cookie: string,
  times: number,
): Promise<PingTiming[]> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  try {
    const context = await browser.newContext({ baseURL: consoleUrl, locale: "en-US" });
    await context.addCookies(
      cookie.split("; ").map((pair) => {
        const [name = "", ...value] = pair.split("=");
        return { name, value: value.join("="), url: consoleUrl };
      }),
    );
    const page = await context.newPage();
    await page.goto("/conekta/default/webhooks");
    const row = page.getByRole("row").filter({ hasText: RECEIVER });
    const button = row.getByRole("button", { name: "Send test ping" });
    await button.waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { benchClick?: number; benchToast?: number };
      // Capturing, on the document: before React's handler runs, as near the click as a page gets.
      document.addEventListener(
        "click",
        () => (w.benchClick = performance.timeOrigin + performance.now()),
        true,
      );
      new MutationObserver(() => {
        if (w.benchToast !== undefined) return;
        for (const toast of document.querySelectorAll(
          "[data-sonner-toast]:not([data-bench-seen])",
        )) {
          if (!toast.textContent?.includes("Ping delivered")) continue;
          w.benchToast = performance.timeOrigin + performance.now();
          toast.setAttribute("data-bench-seen", "");
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });

    const results: PingTiming[] = [];
    for (let i = 0; i < times; i++) {
      await page.evaluate(() => {
        const w = window as unknown as { benchClick?: number; benchToast?: number };
        delete w.benchClick;
        delete w.benchToast;
        for (const toast of document.querySelectorAll("[data-sonner-toast]"))
          toast.setAttribute("data-bench-seen", "");
      });
      const before = (await deliveries(sandboxUrl)).data.length;
      const { last } = await calls(sandboxUrl);
      await button.click();
      const handle = await page.waitForFunction(
        () => {
          const w = window as unknown as { benchClick?: number; benchToast?: number };
          return w.benchToast !== undefined && w.benchClick !== undefined
            ? { click: w.benchClick, toast: w.benchToast }
            : null;
        },
        undefined,
        { timeout: 15_000, polling: 50 },
      );
      const { click, toast } = (await handle.jsonValue())!;
      const delivered = (await deliveries(sandboxUrl)).data.slice(before);
      const tests = (await calls(sandboxUrl, last)).data.filter(
        (c) => c.method === "POST" && c.path.endsWith("/test"),
      );
      if (delivered.length !== 1 || tests.length !== 1)
        throw new Error(`one ping, ${tests.length} test calls and ${delivered.length} deliveries`);
      results.push({
        toastMs: toast - click,
        deliveryMs: Date.parse(delivered[0]!.at) - Date.parse(tests[0]!.at),
      });
      // The button is busy until its ping is answered; wait so that the next click is a new ping.
      await button.and(page.locator(":not([aria-busy=true])")).waitFor();
    }
    return results;
  } finally {
    await browser.close();
  }
}
