import { describe, expect, it } from "vitest";
import { pingTargetName } from "./use-send-ping";

describe("a ping's target as the toast names it", () => {
  it.each([
    ["https://hooks.example.com/orders", "hooks.example.com/orders"],
    ["https://hooks.example.com/", "hooks.example.com"],
    ["http://127.0.0.1:4010/receivers/ok/a?x=1", "127.0.0.1:4010/receivers/ok/a"],
    // A masked URL keeps its credentials out of the toast.
    ["https://demo:****@hooks.example.com/basic", "hooks.example.com/basic"],
    ["not a url", "not a url"],
  ])("%s is %s", (url, name) => {
    expect(pingTargetName(url)).toBe(name);
  });
});
