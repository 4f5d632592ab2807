// Test support (not shipped code): watch or answer the calls provider clients send. They go
// through undici's pools (lib/providers/dispatcher.ts), not the global `fetch`, so a test routes
// them through a dispatcher of its own.
import { Agent, MockAgent, type Dispatcher } from "undici";
import { routeProviderCalls } from "@/lib/providers/dispatcher";

export interface SentRequest {
  method: string;
  url: URL;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** The raw body; `undefined` when there was none. */
  body: string | undefined;
}

function toSent(opts: Dispatcher.DispatchOptions): SentRequest {
  const headers: Record<string, string> = {};
  const raw = opts.headers;
  if (Array.isArray(raw)) {
    for (let i = 0; i + 1 < raw.length; i += 2)
      headers[String(raw[i]).toLowerCase()] = String(raw[i + 1]);
  } else if (raw) {
    for (const [name, value] of Object.entries(
      raw as Record<string, string | string[] | undefined>,
    ))
      if (value !== undefined) headers[name.toLowerCase()] = [value].flat().join(", ");
  }
  return {
    method: opts.method,
    url: new URL(opts.path, opts.origin),
    headers,
    body: typeof opts.body === "string" && opts.body !== "" ? opts.body : undefined,
  };
}

/**
 * Records every provider call whose URL starts with `prefix` and lets it (and any other) through.
 * `restore()` gives the calls back to the pools.
 */
export function recordProviderCalls(prefix: string) {
  const sent: SentRequest[] = [];
  const agent = new Agent();
  const recording = agent.compose((dispatch) => (opts, handler) => {
    const request = toSent(opts);
    if (request.url.href.startsWith(prefix)) sent.push(request);
    return dispatch(opts, handler);
  });
  const stop = routeProviderCalls(recording);
  return {
    sent,
    restore: () => {
      stop();
      void agent.close();
    },
  };
}

/**
 * Answers every provider call to `origin` with 200 and the JSON `answer` gives (it may wait), and
 * records them; a call to any other origin fails as unreachable. `restore()` ends it.
 */
export function answerProviderCalls(origin: string, answer: (request: SentRequest) => unknown) {
  const sent: SentRequest[] = [];
  const agent = new MockAgent();
  agent.disableNetConnect();
  agent
    .get(origin)
    .intercept({ path: () => true, method: () => true })
    .reply(
      200,
      async (opts) => {
        const request = toSent(opts as Dispatcher.DispatchOptions);
        sent.push(request);
        return JSON.stringify(await answer(request));
      },
      { headers: { "content-type": "application/json" } },
    )
    .persist();
  const stop = routeProviderCalls(agent);
  return {
    sent,
    restore: () => {
      stop();
      void agent.close();
    },
  };
}
