/**
 * The bundled sandboxes this process started, by origin (`http://127.0.0.1:4010`). The console
 * lifts its SSRF guard on pings only for a provider whose API base is one of them: SANDBOX=on
 * alone says nothing about where RAZORPAY_API_BASE points. The set lives on `globalThis` under a
 * registered symbol because the server entry (which starts the sandbox) and Next's bundled server
 * code (which asks) load this module as two different instances in one process.
 */

const KEY = Symbol.for("webhook-console.running-sandboxes");

function origins(): Set<string> {
  const holder = globalThis as { [KEY]?: Set<string> };
  holder[KEY] ??= new Set();
  return holder[KEY];
}

export function markSandboxRunning(url: string): void {
  origins().add(new URL(url).origin);
}

export function markSandboxStopped(url: string): void {
  origins().delete(new URL(url).origin);
}

/** The origin of the sandbox this process runs at `url`'s origin, or null when it runs none there. */
export function ownSandboxAt(url: string): string | null {
  try {
    const { origin } = new URL(url);
    return origins().has(origin) ? origin : null;
  } catch {
    return null;
  }
}
