/**
 * First-load JS of the app's pages, read from the production build in `.next` (no server needed):
 * the JavaScript a browser fetches before a page can run, gzipped, the way Next's build output
 * used to print it. A page loads Next's runtime (`rootMainFiles` of build-manifest.json) and the
 * entry chunks of its layouts and its page (`entryJSFiles` of the page's client reference
 * manifest); chunks a component imports lazily come later and do not count, nor does CSS, nor the
 * polyfills that only browsers without ES modules load. `npm run size` and `npm run bench` use it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { z } from "zod";

/** The page routes a budget or a target names, as `app/` spells them. */
export const LIST_PAGE = "/[provider]/[account]/webhooks";
export const FORM_PAGE = "/[provider]/[account]/webhooks/new";
export const EDIT_PAGE = "/[provider]/[account]/webhooks/[id]";
/** Next's own error page renders its own document, not the root layout: no baseline for a page. */
const OUTSIDE_ROOT_LAYOUT = new Set(["/_global-error"]);

export interface PageJs {
  /** The page's route (`/[provider]/[account]/webhooks`), or `blank`. */
  route: string;
  /** The chunks, relative to `.next`. */
  files: string[];
  /** Their gzipped size (level 9), summed. */
  gzipBytes: number;
}

const buildManifestSchema = z.object({ rootMainFiles: z.array(z.string()) });
const routesManifestSchema = z.record(z.string(), z.string());
const clientManifestSchema = z.record(
  z.string(),
  z.object({ entryJSFiles: z.record(z.string(), z.array(z.string())) }),
);

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, "utf8"));
}

/** Reads what the build says each page loads first; throws when `.next` holds no build. */
export function readBuild(root = process.cwd()) {
  const dir = path.join(root, ".next");
  const { rootMainFiles } = buildManifestSchema.parse(
    readJson(path.join(dir, "build-manifest.json")),
  );
  const pages = Object.keys(
    routesManifestSchema.parse(readJson(path.join(dir, "app-path-routes-manifest.json"))),
  ).filter((entry) => entry.endsWith("/page"));

  /** A page's chunks: the runtime and every entry of its client reference manifest. */
  function chunksOf(entry: string): Set<string> {
    const file = path.join(dir, "server", "app", `${entry}_client-reference-manifest.js`);
    // The manifest is a script that assigns to globalThis.__RSC_MANIFEST; run it in a sandbox.
    const context: { __RSC_MANIFEST?: unknown } = {};
    vm.runInNewContext(readFileSync(file, "utf8"), Object.assign(context, { globalThis: context }));
    const manifest = clientManifestSchema.parse(context.__RSC_MANIFEST)[entry];
    if (!manifest) throw new Error(`${file} does not describe ${entry}`);
    return new Set([...rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()]);
  }

  const sizes = new Map<string, number>();
  const gzipped = (file: string) => {
    let size = sizes.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(dir, file)), { level: 9 }).length;
      sizes.set(file, size);
    }
    return size;
  };
  const measure = (route: string, files: Set<string>): PageJs => {
    const list = [...files].sort();
    return { route, files: list, gzipBytes: list.reduce((sum, f) => sum + gzipped(f), 0) };
  };
  const routeOf = (entry: string) => entry.slice(0, -"/page".length) || "/";

  return {
    /** The first-load JS of one page. */
    page(route: string): PageJs {
      const entry = pages.find((e) => routeOf(e) === route);
      if (!entry) throw new Error(`the build has no page ${route}`);
      return measure(route, chunksOf(entry));
    },
    /**
     * A blank page of this build: the chunks every page under the root layout loads (Next's runtime,
     * the root layout and its boundaries), which is what an empty `page.tsx` would load.
     */
    blank(): PageJs {
      const sets = pages.filter((e) => !OUTSIDE_ROOT_LAYOUT.has(routeOf(e))).map(chunksOf);
      const [first = new Set<string>(), ...rest] = sets;
      return measure(
        "blank",
        new Set([...first].filter((file) => rest.every((set) => set.has(file)))),
      );
    },
  };
}

/** Bytes as kB (1 kB = 1,000 bytes, as Next and size-limit print them). */
export function toKb(bytes: number): number {
  return bytes / 1000;
}
