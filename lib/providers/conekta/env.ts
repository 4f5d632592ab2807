import { z } from "zod";
import { httpUrl, optionalText } from "@/lib/config/fields";
import type { ProviderEnv } from "@/lib/providers/descriptor";

export interface ConektaEnvConfig {
  apiKey: string;
  apiBase: string;
  apiVersion: string;
}

/** Conekta's configuration: its private key is the one secret. */
export const conektaEnv: ProviderEnv<ConektaEnvConfig> = {
  variables: {
    CONEKTA_API_KEY: { secret: true },
    CONEKTA_API_BASE: { secret: false },
    CONEKTA_API_VERSION: { secret: false },
  },
  schema: z.object({
    CONEKTA_API_KEY: optionalText,
    CONEKTA_API_BASE: httpUrl.optional(),
    CONEKTA_API_VERSION: z
      .string()
      .regex(/^2\.\d+\.\d+$/, "must be a Conekta API version such as 2.1.0")
      .default("2.1.0"),
  }),
  toConfig(values, { sandbox, sandboxBase }) {
    const v = values as {
      CONEKTA_API_KEY?: string;
      CONEKTA_API_BASE?: string;
      CONEKTA_API_VERSION: string;
    };
    if (!v.CONEKTA_API_KEY) return null;
    return {
      apiKey: v.CONEKTA_API_KEY,
      apiBase:
        v.CONEKTA_API_BASE ?? (sandbox ? `${sandboxBase}/conekta` : "https://api.conekta.io"),
      apiVersion: v.CONEKTA_API_VERSION,
    };
  },
};
