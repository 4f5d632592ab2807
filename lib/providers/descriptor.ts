import type { z } from "zod";

/**
 * What the browser and the shared code may know of a provider: what it can do, its limits and its
 * URL rule. Browser-safe (no keys, no server imports); each provider folder exports one, and shared
 * code branches on these capabilities, never on a provider's name.
 */
export interface ProviderDescriptor {
  id: string;
  displayName: string;
  capabilities: {
    /** `provider`: the provider searches (by URL); `console`: the console filters URLs and events. */
    search: "provider" | "console";
    /** The list can be filtered by created date. */
    dateFilter: boolean;
    /** The console can send a ping signed with the webhook's secret. */
    signedPing: boolean;
    /** A webhook can be switched off and on without deleting it. */
    enableDisable: boolean;
    /** Extra form fields the provider keeps for a webhook. */
    fields: { secret: boolean; alertEmail: boolean };
  };
  limits: { webhooksPerAccount: number; urlMaxLength: number | null };
  /**
   * Events the provider sends only as a test ping (Conekta's `webhook_ping`): a full subscription
   * leaves them out, so "All events" counts the catalogue without them.
   */
  testOnlyEvents?: readonly string[];
  accounts: {
    /** The account id that stands for the provider's own account (a holding company), if any. */
    ownAccountId: string | null;
    /** Whether accounts are the holding's child companies or a partner's sub-merchants (a word in the console's messages). */
    noun: "childCompany" | "subMerchant" | "account";
  };
  /**
   * The provider's mark, drawn by the console (no image from the provider): a rounded square of
   * `background` with `path` (a 24×24 SVG path) stroked in `foreground`.
   */
  mark: { background: string; foreground: string; path: string };
  /**
   * The first rule a webhook URL breaks at this provider, as a `validation.*` message key, or null.
   * `url` is the parsed http(s) URL with its host lower-cased and without a trailing dot; `raw` is
   * what the user typed, trimmed.
   */
  checkUrl(target: UrlTarget, context: UrlRuleContext): string | null;
}

export interface UrlTarget {
  url: URL;
  host: string;
  raw: string;
}

export interface UrlRuleContext {
  /** On the sandbox the demo receivers live on loopback, so loopback URLs are allowed there. */
  allowLoopback: boolean;
}

/**
 * What a provider folder declares of its configuration: the variables it reads, which of them are
 * secrets (so that redaction follows from it), and how they become its adapter's configuration.
 */
export interface ProviderEnv<Config> {
  /**
   * Every variable the provider reads. `secret` ones never reach a log line or a reply, and setting
   * any of them means real providers (no sandbox). On the sandbox, lib/env.ts fills in the
   * sandbox's own keys (lib/sandbox/defaults.ts), which must never ship to the browser.
   */
  variables: Record<string, { secret: boolean }>;
  schema: z.ZodType<Record<string, unknown>>;
  /** The adapter's configuration, or null when the provider is off (its keys are not set). */
  toConfig(values: Record<string, unknown>, context: ProviderEnvContext): Config | null;
}

export interface ProviderEnvContext {
  /** The console runs on the bundled sandbox: use its keys and its address. */
  sandbox: boolean;
  /** The sandbox's base URL; a provider lives at `${sandboxBase}/${id}`. */
  sandboxBase: string;
}

/** Loopback names and addresses, which the sandbox's demo receivers use. */
export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === "localhost" ||
    hostname.endsWith(".localhost") ||
    /^127\./.test(hostname) ||
    hostname === "[::1]"
  );
}
