import type { EmulatorContext } from "../context";
import type { SandboxRequest } from "../http";
import type { Emulator } from "../server";
import { assertAuthenticated } from "./auth";
import { buildFaultErrorBody, RazorpayHttpError } from "./errors";
import { findRoute } from "./routes";
import { seedRazorpayStore } from "./seed";
import { createRazorpaySignatureVerifier } from "./signature";
import { RazorpayStore } from "./store";

/** Razorpay's JSON content type, with its upper-case charset. */
export const RAZORPAY_CONTENT_TYPE = "application/json; charset=UTF-8";

/**
 * Razorpay's Partner API v2 sub-merchant webhooks (PROVIDERS.md, README.md beside this file).
 * The store is seeded lazily: the seeded URLs need the sandbox's base URL, known only after listen.
 */
export function createRazorpayEmulator(context: EmulatorContext): Emulator {
  let store: RazorpayStore | undefined;

  const getStore = (): RazorpayStore => {
    if (!store) {
      store = new RazorpayStore(context.now, serviceFor(context.keys.razorpayKeyId));
      seedRazorpayStore(store, context.baseUrl(), context.extraWebhooks.razorpay);
    }
    return store;
  };

  return {
    name: "razorpay",
    contentType: RAZORPAY_CONTENT_TYPE,
    handle: (req) => {
      try {
        // Routing comes before authentication, as in Razorpay's API: an unknown path is a 400 even
        // without credentials.
        const route = findRoute(req);
        assertAuthenticated(req, context.keys);
        return Promise.resolve(
          route.handle({ req, params: route.params, store: getStore(), context }),
        );
      } catch (error) {
        if (error instanceof RazorpayHttpError) return Promise.resolve(error.toResponse());
        throw error;
      }
    },
    accountOf: (req: SandboxRequest) =>
      /^\/v2\/accounts\/(acc_[^/]+)/.exec(req.path)?.[1] ?? "default",
    errorBody: buildFaultErrorBody,
    verifySignature: createRazorpaySignatureVerifier(getStore),
    reset: () => {
      store = undefined;
      // Before listen the base URL is unknown; the first request seeds then.
      if (context.baseUrl() !== "") getStore();
    },
  };
}

// Razorpay's `service` names the deployment that owns the webhook; test keys live on the test one.
function serviceFor(keyId: string): string {
  return keyId.startsWith("rzp_live_") ? "beta-api-live" : "beta-api-test";
}
