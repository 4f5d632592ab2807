// The cursors the console hands out (issue 9 item 2) still page, both ways: those that
// ./refused.test.ts turns away on another account, provider, list or search.
import { describe, expect, it, vi } from "vitest";
import type { AccountPage } from "@/lib/webhooks/model";
import {
  ACCOUNTS,
  cursorParam,
  EXTRA_ACCOUNTS,
  MARK,
  providers,
  withWebhooksOnSandbox,
} from "./webhooks-harness";

vi.mock("@/lib/env", async (importOriginal) =>
  (await import("@/lib/testing/env-mock")).withTestEnv(importOriginal),
);

const { list, accounts, json, listPage } = withWebhooksOnSandbox();

describe("a cursor the console handed out still pages", () => {
  it.each(providers)(
    "%s: the webhooks list, next and previous, with and without a search",
    async (provider) => {
      const { own } = ACCOUNTS[provider];
      for (const search of ["", `&q=${MARK}`]) {
        const first = await listPage(list(provider, own, `?limit=1${search}`));
        expect(first.page.next?.length).toBeLessThan(200);
        const second = await listPage(
          list(provider, own, `?limit=1${search}&${cursorParam(first.page.next ?? "")}`),
        );
        expect(second.data[0]?.id).not.toBe(first.data[0]?.id);
        expect(second.page.previous).toMatch(/\./);
        const back = await listPage(
          list(provider, own, `?limit=1${search}&${cursorParam(second.page.previous ?? "")}`),
        );
        expect(back.data.map((w) => w.id)).toEqual(first.data.map((w) => w.id));
      }
    },
  );

  it("razorpay: the accounts list, next and previous", async () => {
    const first = await json<AccountPage>(accounts("razorpay"));
    expect(first.data).toHaveLength(10);
    const second = await json<AccountPage>(
      accounts("razorpay", `?${cursorParam(first.page.next ?? "")}`),
    );
    expect(second.data.map((a) => a.id)).toEqual(EXTRA_ACCOUNTS.slice(7));
    const back = await json<AccountPage>(
      accounts("razorpay", `?${cursorParam(second.page.previous ?? "")}`),
    );
    expect(back.data).toEqual(first.data);
  });
});
