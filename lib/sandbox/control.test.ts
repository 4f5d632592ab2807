import { describe, expect, it } from "vitest";
import { sendRazorpayPing } from "@/lib/providers/razorpay/ping/send-ping";
import { useSandbox } from "@/lib/testing/sandbox";

// On the sandbox a ping may reach loopback, so a webhook pointed at the sandbox's own control
// endpoint must not be able to drive it (issue 12, crack 1).
describe("the sandbox's control endpoint", () => {
  const sandbox = useSandbox();

  it("does not answer a ping the console sends, so a webhook cannot wipe the sandbox", async () => {
    sandbox().faults.add({ provider: "razorpay", kind: "latency", latencyMs: 0, retryAfter: 1 });
    const report = await sendRazorpayPing({
      accountId: "acc_Test01",
      event: "payment.captured",
      allowPrivate: true,
      url: `${sandbox().url}/__control/reset`,
    });
    expect(report).toMatchObject({ outcome: "failed", httpStatus: 403 });
    // The reset did not happen: the fault added before is still there.
    expect(sandbox().faults.list()).toHaveLength(1);
  });

  it.each([
    ["Conekta's delivery", { "user-agent": "Conekta-Webhook-Sandbox/2.1.0" }],
    ["a signed delivery", { digest: "SHA-256=abc" }],
    ["a Razorpay event", { "x-razorpay-event-id": "evt_1" }],
  ])("refuses %s, and still answers the tests' own requests", async (_, headers) => {
    const refused = await fetch(`${sandbox().url}/__control/faults`, { headers });
    expect(refused.status).toBe(403);
    expect((await fetch(`${sandbox().url}/__control/faults`)).status).toBe(200);
  });
});

describe("the sandbox's call recorder", () => {
  const sandbox = useSandbox();

  it("lists the provider API requests it got after a given one, and no control requests", async () => {
    const { last } = (await (await fetch(`${sandbox().url}/__control/calls`)).json()) as {
      last: number;
    };
    await fetch(`${sandbox().url}/conekta/webhooks`, { headers: { authorization: "Bearer x" } });
    await fetch(`${sandbox().url}/__control/faults`);
    const reply = (await (
      await fetch(`${sandbox().url}/__control/calls?after=${last}`)
    ).json()) as {
      last: number;
      data: { seq: number; provider: string; method: string; path: string }[];
    };
    expect(reply.data).toEqual([
      {
        seq: last + 1,
        provider: "conekta",
        method: "GET",
        path: "/conekta/webhooks",
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as string,
      },
    ]);
    expect(reply.last).toBe(last + 1);
  });
});
