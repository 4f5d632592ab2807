import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findUrlProblem, URL_RULE_TEXT } from "@/lib/sandbox/razorpay/url-rules";
import { isNonPublicHost } from "./ip-ranges";

/**
 * The console's check (lib/net/ip-ranges.ts) and the sandbox's (lib/sandbox/razorpay/url-rules.ts)
 * are written separately, on purpose: here both must give the expected verdict for every host, so
 * a gap in either one shows up as a failing row rather than as a URL Razorpay refuses, or worse, a
 * ping to our own network.
 */

type Verdict = "private" | "public";

const HOSTS: [host: string, verdict: Verdict, why: string][] = [
  // IPv4
  ["0.0.0.0", "private", "unspecified"],
  ["0.1.2.3", "private", "this network"],
  ["127.0.0.1", "private", "loopback"],
  ["127.255.0.9", "private", "loopback /8"],
  ["0x7f.1", "private", "loopback in hex, as URL normalises it"],
  ["2130706433", "private", "loopback as one number"],
  ["0177.0.0.1", "private", "loopback in octal"],
  ["10.0.0.1", "private", "private 10/8"],
  ["172.16.0.1", "private", "private 172.16/12, low edge"],
  ["172.31.255.254", "private", "private 172.16/12, high edge"],
  ["172.32.0.1", "public", "just past 172.16/12"],
  ["192.168.0.1", "private", "private 192.168/16"],
  ["100.64.0.1", "private", "CGNAT"],
  ["100.100.100.200", "private", "Alibaba metadata in CGNAT"],
  ["100.128.0.1", "public", "just past CGNAT"],
  ["169.254.169.254", "private", "cloud metadata"],
  ["168.63.129.16", "private", "Azure wire server"],
  ["192.0.0.192", "private", "IETF protocol block, Oracle metadata"],
  ["192.0.2.1", "private", "documentation TEST-NET-1"],
  ["198.51.100.1", "private", "documentation TEST-NET-2"],
  ["203.0.113.1", "private", "documentation TEST-NET-3"],
  ["198.18.0.1", "private", "benchmarking"],
  ["198.19.255.255", "private", "benchmarking, high edge"],
  ["198.20.0.1", "public", "just past benchmarking"],
  ["192.88.99.1", "private", "old 6to4 relay anycast"],
  ["224.0.0.1", "private", "multicast"],
  ["239.255.255.250", "private", "multicast SSDP"],
  ["240.0.0.1", "private", "reserved"],
  ["255.255.255.255", "private", "broadcast"],
  ["8.8.8.8", "public", "Google DNS"],
  ["1.1.1.1", "public", "Cloudflare DNS"],
  ["93.184.215.14", "public", "a web host"],
  ["134744072", "public", "8.8.8.8 as one number"],
  // IPv6
  ["[::]", "private", "unspecified"],
  ["[::1]", "private", "loopback"],
  ["[fe80::1]", "private", "link-local"],
  ["[fec0::1]", "private", "old site-local"],
  ["[fc00::1]", "private", "unique-local"],
  ["[fd00:ec2::254]", "private", "AWS metadata"],
  ["[ff02::1]", "private", "multicast"],
  ["[100::1]", "private", "discard-only"],
  ["[2001:db8::1]", "private", "documentation"],
  ["[2001:2::1]", "private", "benchmarking"],
  ["[3fff::1]", "private", "documentation (RFC 9637)"],
  ["[4000::1]", "private", "outside global unicast"],
  ["[2606:4700:4700::1111]", "public", "Cloudflare DNS"],
  ["[2001:4860:4860::8888]", "public", "Google DNS"],
  // IPv6 that carries an IPv4
  ["[::ffff:10.0.0.1]", "private", "IPv4-mapped private"],
  ["[::ffff:127.0.0.1]", "private", "IPv4-mapped loopback"],
  ["[::ffff:169.254.169.254]", "private", "IPv4-mapped metadata"],
  ["[::ffff:8.8.8.8]", "public", "IPv4-mapped public"],
  ["[::ffff:0:a00:1]", "private", "SIIT private"],
  ["[::127.0.0.1]", "private", "IPv4-compatible loopback"],
  ["[::8.8.8.8]", "public", "IPv4-compatible public"],
  ["[64:ff9b::a00:1]", "private", "NAT64 private"],
  ["[64:ff9b::169.254.169.254]", "private", "NAT64 metadata"],
  ["[64:ff9b::808:808]", "public", "NAT64 public"],
  ["[64:ff9b:1::808:808]", "private", "local-use NAT64"],
  ["[2002:a00:1::]", "private", "6to4 private"],
  ["[2002:c0a8:101::1]", "private", "6to4 of 192.168.1.1"],
  ["[2002:808:808::1]", "public", "6to4 public"],
  ["[2001:0:4136:e378:8000:63bf:f5ff:fffe]", "private", "Teredo, client 10.0.0.1"],
  ["[2001:0:a00:1:8000:63bf:f7f7:f7f7]", "private", "Teredo, server 10.0.0.1"],
  ["[2001:0:4136:e378:8000:63bf:f7f7:f7f7]", "public", "Teredo, both ends public"],
  // Names
  ["localhost", "private", "localhost"],
  ["localhost.", "private", "localhost with a trailing dot"],
  ["hooks.localhost", "private", "a .localhost name"],
  ["example.com", "public", "a public name (DNS is the ping guard's job)"],
];

function consoleVerdict(host: string): Verdict {
  return isNonPublicHost(new URL(`https://${host}/`).hostname) ? "private" : "public";
}

function sandboxVerdict(host: string): Verdict {
  const problem = findUrlProblem(`https://${host}/`, { allowLoopback: false });
  if (problem === URL_RULE_TEXT.privateHost) return "private";
  // Any other refusal would hide a verdict: the list only holds hosts no other rule touches.
  expect(problem).toBeUndefined();
  return "public";
}

describe("the console and the sandbox agree on which hosts are private", () => {
  it("checks a list that covers both families and both verdicts", () => {
    expect(HOSTS.length).toBeGreaterThanOrEqual(40);
    const hosts = HOSTS.map(([host]) => host);
    expect(new Set(hosts).size).toBe(hosts.length);
    expect(hosts.filter((h) => h.startsWith("[")).length).toBeGreaterThanOrEqual(15);
    expect(HOSTS.filter(([, v]) => v === "public").length).toBeGreaterThanOrEqual(10);
  });

  it.each(HOSTS)("%s is %s (%s)", (host, verdict) => {
    expect({ console: consoleVerdict(host), sandbox: sandboxVerdict(host) }).toEqual({
      console: verdict,
      sandbox: verdict,
    });
  });
});

describe("the sandbox's table stays its own", () => {
  it("imports nothing from the console's webhooks, net or providers code", () => {
    const source = readFileSync(
      new URL("../sandbox/razorpay/url-rules.ts", import.meta.url),
      "utf8",
    );
    const imports = [...source.matchAll(/\bfrom\s+["']([^"']+)["']/g)].map((m) => m[1]);
    expect(imports.length).toBeGreaterThan(0);
    for (const specifier of imports) {
      expect(specifier).not.toMatch(/(^@\/lib\/|\.\.\/)(webhooks|net|providers)\b/);
    }
  });
});
