import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/** `npm run shots`: the same servers as the browser tests, running only the screenshot files. */
export default defineConfig({
  ...base,
  testMatch: /.*\.shots\.ts$/,
  reporter: [["list"]],
});
