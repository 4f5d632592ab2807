import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { LIST_PAGE, readBuild } from "./bundle-size";

/** A `.next` with the files bundle-size.ts reads: a runtime, a root layout and three pages. */
const root = mkdtempSync(path.join(tmpdir(), "bundle-size-"));
const chunk = (name: string) => `static/chunks/${name}.js`;
const CHUNKS: Record<string, string> = {
  runtime: "r".repeat(3_000),
  layout: "let layout = 1;".repeat(100),
  list: Array.from({ length: 500 }, (_, i) => `list${i}`).join(";"),
  errorPage: "e".repeat(900),
};
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, ".next", file)), { recursive: true });
  writeFileSync(path.join(root, ".next", file), text);
};
const manifest = (entry: string, entryJSFiles: Record<string, string[]>) =>
  write(
    `server/app${entry}_client-reference-manifest.js`,
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\n` +
      `globalThis.__RSC_MANIFEST[${JSON.stringify(entry)}] = ${JSON.stringify({ entryJSFiles })};`,
  );

for (const [name, text] of Object.entries(CHUNKS)) write(chunk(name), text);
write("build-manifest.json", JSON.stringify({ rootMainFiles: [chunk("runtime")] }));
write(
  "app-path-routes-manifest.json",
  JSON.stringify({
    "/page": "/",
    [`${LIST_PAGE}/page`]: LIST_PAGE,
    "/_global-error/page": "/_global-error",
    "/api/me/route": "/api/me",
  }),
);
manifest("/page", { "[project]/app/layout": [chunk("layout")] });
manifest(`${LIST_PAGE}/page`, {
  "[project]/app/layout": [chunk("layout")],
  [`[project]/app${LIST_PAGE}/page`]: [chunk("layout"), chunk("list")],
});
// Next's error page has a document of its own: it must not shrink the blank page to the runtime.
manifest("/_global-error/page", { global: [chunk("errorPage")] });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const gzipped = (...names: string[]) =>
  names.reduce((sum, n) => sum + gzipSync(CHUNKS[n]!, { level: 9 }).length, 0);

describe("first-load JS from the build's manifests", () => {
  const build = readBuild(root);

  it("counts a page's runtime and entry chunks once each, gzipped", () => {
    const page = build.page(LIST_PAGE);
    expect(page.files).toEqual([chunk("layout"), chunk("list"), chunk("runtime")]);
    expect(page.gzipBytes).toBe(gzipped("layout", "list", "runtime"));
  });

  it("takes the blank page as what every page under the root layout loads", () => {
    const blank = build.blank();
    expect(blank.files).toEqual([chunk("layout"), chunk("runtime")]);
    expect(blank.gzipBytes).toBe(gzipped("layout", "runtime"));
  });

  it("says so when the build has no such page", () => {
    expect(() => build.page("/nowhere")).toThrow("the build has no page /nowhere");
  });
});
