/**
 * The console's own server code (lib/cli/start.ts and what it imports: lib/server, lib/sandbox,
 * lib/env), compiled ahead of time into one ES module that plain `node` runs: `npm start` needs no
 * TypeScript loader at run time, and so none of tsx's loader thread and source maps of every
 * module Next loads (issue 11). Packages stay imports, resolved from node_modules as they ship.
 */
import { createRequire } from "node:module";
import type * as Esbuild from "esbuild";
import { SERVER_BUNDLE } from "./build-freshness.mjs";

/** Compiles the server into SERVER_BUNDLE; false when it failed (esbuild has printed why). */
export function bundleServer(root = process.cwd()): boolean {
  // Loaded on demand: the compiled server imports this file too, and never builds when it is fresh.
  const { buildSync } = createRequire(import.meta.url)("esbuild") as typeof Esbuild;
  try {
    const { errors } = buildSync({
      absWorkingDir: root,
      entryPoints: ["lib/cli/start.ts"],
      outfile: SERVER_BUNDLE,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      logLevel: "warning",
    });
    return errors.length === 0;
  } catch {
    return false;
  }
}
