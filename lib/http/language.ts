export const languages = ["en", "es"] as const;
export type Language = (typeof languages)[number];
export const LANGUAGE_COOKIE = "console-language";

/** The user's language: their saved choice first, then the browser's Accept-Language. */
export function pickLanguage(saved: string | undefined, acceptLanguage: string | null): Language {
  if (saved === "en" || saved === "es") return saved;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split("-")[0];
    if (base === "en" || base === "es") return base;
  }
  return "en";
}
