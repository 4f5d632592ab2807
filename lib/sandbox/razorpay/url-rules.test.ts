import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RAZORPAY_SEED } from "./seed";
import { startRazorpaySandbox, type RazorpayTestSandbox } from "./test-client";
import { URL_RULE_TEXT } from "./url-rules";

const CREATE = `/v2/accounts/${RAZORPAY_SEED.accounts.empty}/webhooks`;
const PATCH = `/v2/accounts/${RAZORPAY_SEED.accounts.aurora}/webhooks/${RAZORPAY_SEED.webhooks.auroraOrders}`;
const EVENTS = ["payment.captured"];

const urlOfLength = (length: number) => {
  const prefix = "https://example.com/";
  return prefix + "a".repeat(length - prefix.length);
};

const INVALID = [
  ["not a URL at all", "not a url"],
  ["an ftp URL", "ftp://example.com/hook"],
  ["a javascript: URL", "javascript:alert(1)"],
  ["a URL without a host", "http:///hook"],
  ["a single-label host", "https://intranet/hook"],
] as const;

const PRIVATE = [
  ["localhost", "http://localhost/hook"],
  ["localhost with a port", "http://localhost:3000/hook"],
  ["a .localhost name", "https://app.localhost/hook"],
  ["localhost.localdomain", "https://localhost.localdomain/hook"],
  ["127.0.0.1", "http://127.0.0.1/hook"],
  ["127.1.2.3", "https://127.1.2.3/hook"],
  ["127.0.0.1 written in hex", "http://0x7f.1/hook"],
  ["127.0.0.1 written as one number", "http://2130706433/hook"],
  ["0.0.0.0", "http://0.0.0.0/hook"],
  ["10.0.0.5", "https://10.0.0.5/hook"],
  ["172.16.0.1", "https://172.16.0.1/hook"],
  ["172.31.255.255", "https://172.31.255.255/hook"],
  ["192.168.1.10", "https://192.168.1.10/hook"],
  ["169.254.169.254 (cloud metadata)", "http://169.254.169.254/latest/meta-data"],
  ["100.64.0.1 (shared address space)", "https://100.64.0.1/hook"],
  ["224.0.0.1 (multicast)", "https://224.0.0.1/hook"],
  ["IPv6 loopback", "http://[::1]/hook"],
  ["IPv6 unique local", "https://[fd00::1]/hook"],
  ["IPv6 link-local", "https://[fe80::1]/hook"],
  ["IPv4-mapped IPv6 loopback", "http://[::ffff:127.0.0.1]/hook"],
  ["IPv4-mapped IPv6 private", "http://[::ffff:10.0.0.1]/hook"],
  ["198.18.0.1 (benchmarking)", "https://198.18.0.1/hook"],
  ["192.0.0.192 (Oracle metadata)", "https://192.0.0.192/hook"],
  ["203.0.113.7 (documentation)", "https://203.0.113.7/hook"],
  ["255.255.255.255 (broadcast)", "https://255.255.255.255/hook"],
  ["168.63.129.16 (Azure wire server)", "http://168.63.129.16/hook"],
  ["IPv6 multicast", "https://[ff02::1]/hook"],
  ["IPv6 documentation", "https://[2001:db8::1]/hook"],
  ["AWS IPv6 metadata", "http://[fd00:ec2::254]/latest/meta-data"],
  ["NAT64 of a private IPv4", "https://[64:ff9b::a00:1]/hook"],
  ["local-use NAT64", "https://[64:ff9b:1::808:808]/hook"],
  ["6to4 of a private IPv4", "https://[2002:a00:1::]/hook"],
  ["Teredo with a private client", "https://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/hook"],
  ["IPv4-compatible loopback", "https://[::127.0.0.1]/hook"],
] as const;

const BLOCKED = [
  "webhook.site",
  "requestbin.com",
  "ngrok.io",
  "loca.lt",
  "hookbin.com",
  "beeceptor.com",
  "mockbin.org",
  "burpcollaborator.net",
  "oast.pro",
  "interact.sh",
  "canarytokens.com",
  "metadata.google.internal",
].flatMap((domain) => [
  [domain, `https://${domain}/hook`],
  [`a subdomain of ${domain}`, `https://abc123.${domain}/hook`],
  [`${domain} in capitals`, `https://${domain.toUpperCase()}/hook`],
  [`${domain} with a trailing dot`, `https://${domain}./hook`],
]);

const BLOCKED_SUFFIXES = [
  [".onion", "http://exampleonionaddress.onion/hook"],
  [".local", "https://printer.local/hook"],
  [".internal", "https://billing.internal/hook"],
  [".corp", "https://hooks.acme.corp/hook"],
] as const;

const RAZORPAY_HOSTS = [
  ["razorpay.com", "https://razorpay.com/hook"],
  ["api.razorpay.com", "https://api.razorpay.com/v1/hook"],
  ["razorpay.in", "https://razorpay.in/hook"],
  ["a host mentioning razorpay", "https://my-razorpay-hooks.example.com/hook"],
] as const;

const BAD_PORTS = [
  ["port 8080", "https://example.com:8080/hook"],
  ["port 8443", "https://example.com:8443/hook"],
  ["port 3000 on http", "http://example.com:3000/hook"],
  ["port 22", "https://example.com:22/hook"],
  ["a port on a public IP", "https://8.8.8.8:8443/hook"],
] as const;

const ACCEPTED = [
  ["https", "https://example.com/razorpay"],
  ["http", "http://example.com/razorpay"],
  ["explicit port 443", "https://example.com:443/hook"],
  ["explicit port 80", "http://example.com:80/hook"],
  ["port 443 on http", "http://example.com:443/hook"],
  ["port 80 on https", "https://example.com:80/hook"],
  ["a public IPv4", "https://8.8.8.8/hook"],
  ["a public IPv6", "https://[2606:4700:4700::1111]/hook"],
  ["172.32.0.1 (just outside 172.16/12)", "https://172.32.0.1/hook"],
  ["NAT64 of a public IPv4", "https://[64:ff9b::808:808]/hook"],
  ["6to4 of a public IPv4", "https://[2002:808:808::1]/hook"],
  ["a query string and credentials", "https://user:pw@example.com/hook?shop=1"],
  ["a host that only contains a blocked name", "https://notwebhook.site.example.com/hook"],
  ["255 characters", urlOfLength(255)],
] as const;

describe.each([
  ["POST (create)", "POST", CREATE],
  ["PATCH (update)", "PATCH", PATCH],
] as const)("Razorpay URL rules on %s, loopback off", (_name, method, path) => {
  let t: RazorpayTestSandbox;
  beforeAll(async () => {
    t = await startRazorpaySandbox({ allowLoopback: false });
  });
  beforeEach(() => t.sandbox.reset());
  afterAll(() => t.sandbox.close());

  const refuse = async (url: string, description: string) => {
    const reply = await t.rz.error(method, path, { body: { url, events: EVENTS } });
    expect(reply.status).toBe(400);
    expect(reply.error).toMatchObject({ code: "BAD_REQUEST_ERROR", description, field: "url" });
  };

  it("refuses a URL of 256 characters", () =>
    refuse(urlOfLength(256), "The url may not be greater than 255 characters."));
  it.each(INVALID)("refuses %s as not a valid URL", (_n, url) =>
    refuse(url, "The url is not a valid URL."),
  );
  it.each(PRIVATE)("refuses %s: private ip found for host", (_n, url) =>
    refuse(url, "private ip found for host"),
  );
  it.each(BLOCKED)("refuses %s as blocklisted", (_n, url) => refuse(url, URL_RULE_TEXT.blocked));
  it.each(BLOCKED_SUFFIXES)("refuses a host ending in %s", (_n, url) =>
    refuse(url, URL_RULE_TEXT.blocked),
  );
  it.each(RAZORPAY_HOSTS)("refuses %s, a razorpay domain", (_n, url) =>
    refuse(url, URL_RULE_TEXT.razorpayDomain),
  );
  it.each(BAD_PORTS)("refuses %s: only 80 and 443", (_n, url) => refuse(url, URL_RULE_TEXT.port));

  it.each(ACCEPTED)("accepts %s", async (_n, url) => {
    const reply = await t.rz.call(method, path, { body: { url, events: EVENTS } });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.kind === "webhook" && reply.body.url).toBe(url);
  });
});

describe("Razorpay URL rules with the sandbox's allowLoopback on", () => {
  let t: RazorpayTestSandbox;
  beforeAll(async () => {
    t = await startRazorpaySandbox({ allowLoopback: true });
  });
  afterAll(() => t.sandbox.close());

  it.each([
    ["127.0.0.1 on the sandbox's own port", () => `${t.sandbox.url}/receivers/ok/new`],
    ["localhost on any port", () => "http://localhost:3999/hook"],
    ["a .localhost name", () => "http://app.localhost:8080/hook"],
    ["IPv6 loopback", () => "http://[::1]:4010/hook"],
    ["127.5.5.5", () => "http://127.5.5.5:1234/hook"],
  ])("accepts %s", async (_n, makeUrl) => {
    const reply = await t.rz.call("POST", CREATE, { body: { url: makeUrl(), events: EVENTS } });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  });

  it.each([
    ["a private, non-loopback address", "http://10.0.0.5/hook", "private ip found for host"],
    ["link-local", "http://169.254.169.254/hook", "private ip found for host"],
    ["a public host on another port", "https://example.com:8443/hook", URL_RULE_TEXT.port],
    ["a blocklisted host", "https://webhook.site/x", URL_RULE_TEXT.blocked],
  ])("still refuses %s", async (_n, url, description) => {
    const reply = await t.rz.error("POST", CREATE, { body: { url, events: EVENTS } });
    expect(reply.error).toMatchObject({ description, field: "url" });
  });
});
