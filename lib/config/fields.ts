import { z } from "zod";

/** Field types shared by the console's configuration and each provider's own (lib/providers/<name>/env.ts). */

export const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

export const httpUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .transform((v) => v.replace(/\/+$/, ""));
