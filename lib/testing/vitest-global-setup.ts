// Vitest globalSetup: one throwaway PostgreSQL server per run; tests read its URL with inject("postgresUrl").
import type { TestProject } from "vitest/node";
import { startPostgres } from "./postgres-server";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup({ provide }: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  provide("postgresUrl", server.url);
  return () => server.stop();
}
