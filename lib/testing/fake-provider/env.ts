import { z } from "zod";
import { httpUrl, optionalText } from "@/lib/config/fields";
import type { ProviderEnv } from "@/lib/providers/descriptor";

export interface FakepayConfig {
  apiKey: string;
  apiBase: string;
}

export const fakepayEnv: ProviderEnv<FakepayConfig> = {
  variables: { FAKEPAY_API_KEY: { secret: true }, FAKEPAY_API_BASE: { secret: false } },
  schema: z.object({ FAKEPAY_API_KEY: optionalText, FAKEPAY_API_BASE: httpUrl.optional() }),
  toConfig(values) {
    const v = values as { FAKEPAY_API_KEY?: string; FAKEPAY_API_BASE?: string };
    return v.FAKEPAY_API_KEY && v.FAKEPAY_API_BASE
      ? { apiKey: v.FAKEPAY_API_KEY, apiBase: v.FAKEPAY_API_BASE }
      : null;
  },
};
