import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/http/errors";
import { createConektaAdapter } from "@/lib/providers/conekta/adapter";
import type { ProviderAdapter } from "@/lib/providers/types";
import { CONEKTA_SEED } from "@/lib/sandbox/conekta/seed";
import { SANDBOX_TEST_KEYS, useSandbox } from "@/lib/testing/sandbox";
import { getAccount } from "./accounts";
import * as service from "./service";

// The service with Conekta behind it, against the bundled sandbox.
const provider = vi.hoisted(() => ({ adapter: undefined as ProviderAdapter | undefined }));
vi.mock("@/lib/providers/registry", () => ({
  getProvider: () => provider.adapter,
  listProviders: () => (provider.adapter ? [provider.adapter] : []),
}));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ sandbox: true }) }));

describe("accounts are looked up at the provider, not only checked for their form", () => {
  const sandbox = useSandbox();
  const adapter = () =>
    (provider.adapter ??= createConektaAdapter({
      apiKey: SANDBOX_TEST_KEYS.conektaApiKey,
      apiBase: `${sandbox().url}/conekta`,
      apiVersion: "2.1.0",
      timeoutMs: 2000,
    }));

  it("names a child company with Conekta's GET /companies/{id}, and the holding by its kind", async () => {
    adapter();
    const child = await getAccount("conekta", {
      account: CONEKTA_SEED.emptyChildId,
      language: "en",
    });
    expect(child).toMatchObject({ id: CONEKTA_SEED.emptyChildId, name: "Farmacia Roma" });
    expect(await getAccount("conekta", { account: "default", language: "en" })).toMatchObject({
      kind: "holding",
    });
  });

  it("answers 404 for a well-formed child company id that Conekta does not have", async () => {
    adapter();
    const unknown = "0123456789abcdef01234567";
    const error = await service
      .listWebhooks("conekta", { account: unknown, language: "en", limit: 10 }, "test")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    // The console's own "no such company", found before any webhook call is made for it.
    expect(error).toMatchObject({ code: "not_found", text: { key: "unknownCompany" } });
  });
});
