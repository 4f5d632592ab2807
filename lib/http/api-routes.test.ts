import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { allowOf, apiRoutes, matchApiRoute } from "./api-routes";

const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** Every `app/api/**\/route.ts`, as its pattern (`/api/[provider]/accounts`). */
function routeFiles(dir = "app/api"): { pattern: string; file: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts"
      ? [{ pattern: `/${path.dirname(full).slice(4)}`, file: full }]
      : [];
  });
}

/** The HTTP verbs a route file exports, read from its syntax (importing it would open the database). */
function exportedMethods(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const names: string[] = [];
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement) && exported(statement)) {
      for (const d of statement.declarationList.declarations)
        if (ts.isIdentifier(d.name)) names.push(d.name.text);
    } else if (ts.isFunctionDeclaration(statement) && exported(statement) && statement.name) {
      names.push(statement.name.text);
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause)
    ) {
      for (const e of statement.exportClause.elements) names.push(e.name.text);
    }
  }
  return names.filter((name) => HTTP_METHODS.has(name)).sort();
}

describe("the API route table", () => {
  it("lists exactly the app/api route files, each with the methods it exports", () => {
    const onDisk = routeFiles()
      .map(({ pattern, file }) => ({ pattern, methods: exportedMethods(file) }))
      .sort((a, b) => a.pattern.localeCompare(b.pattern));
    const table = apiRoutes
      .map(({ pattern, methods }) => ({ pattern, methods: [...methods].sort() }))
      .sort((a, b) => a.pattern.localeCompare(b.pattern));
    expect(onDisk.length).toBeGreaterThan(10);
    expect(table).toEqual(onDisk);
  });

  it.each([
    [["api", "me"], "/api/me"],
    [["api", "audit.csv"], "/api/audit.csv"],
    [["api", "users", "accounts"], "/api/users/[id]"],
    [["api", "users", "u1", "accounts"], "/api/users/[id]/accounts"],
    [["api", "conekta", "accounts"], "/api/[provider]/accounts"],
    [
      ["api", "conekta", "default", "webhooks", "a/b", "ping"],
      "/api/[provider]/[account]/webhooks/[id]/ping",
    ],
    [["api", "nothing"], null],
    [["api", "conekta", "default", "webhooks", ""], null],
    [["api"], null],
  ])("matches %j as Next would: %s", (segments, pattern) => {
    expect(matchApiRoute(segments)?.pattern ?? null).toBe(pattern);
  });

  it("allows HEAD with GET, and OPTIONS everywhere", () => {
    expect(allowOf({ pattern: "/api/users", methods: ["GET", "POST"] })).toBe(
      "GET, HEAD, POST, OPTIONS",
    );
    expect(allowOf({ pattern: "/api/auth/sign-in", methods: ["POST"] })).toBe("POST, OPTIONS");
  });
});
