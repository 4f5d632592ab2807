import { describe, expect, it, vi } from "vitest";
import {
  isForbiddenAddress,
  PingRefusedError,
  resolveTarget,
  type LookupAll,
} from "./address-guard";

describe("isForbiddenAddress", () => {
  it.each([
    ["10.0.0.1", true],
    ["10.255.255.255", true],
    ["172.16.0.1", true],
    ["172.31.255.255", true],
    ["172.32.0.1", false],
    ["192.168.1.1", true],
    ["127.0.0.1", true],
    ["127.8.9.10", true],
    ["169.254.169.254", true],
    ["0.0.0.0", true],
    ["100.64.0.1", true],
    ["100.127.255.255", true],
    ["100.128.0.1", false],
    ["198.18.0.1", true],
    ["192.0.2.10", true],
    ["203.0.113.5", true],
    ["224.0.0.1", true],
    ["255.255.255.255", true],
    ["8.8.8.8", false],
    ["1.1.1.1", false],
    ["::1", true],
    ["::", true],
    ["[::1]", true],
    ["fc00::1", true],
    ["fd12:3456::1", true],
    ["fd00:ec2::254", true],
    ["fe80::1", true],
    ["fe80::1%eth0", true],
    ["febf::1", true],
    ["ff02::1", true],
    ["2001:db8::1", true],
    ["::ffff:10.0.0.1", true],
    ["::ffff:a00:1", true],
    ["::ffff:127.0.0.1", true],
    ["[::ffff:127.0.0.1]", true],
    ["::ffff:7f00:1", true],
    ["::ffff:0:a00:1", true],
    ["::ffff:169.254.169.254", true],
    ["::ffff:8.8.8.8", false],
    ["64:ff9b::a00:1", true],
    ["64:ff9b::10.0.0.1", true],
    ["64:ff9b::808:808", false],
    ["2002:a00:1::1", true],
    ["2002:7f00:1::", true],
    ["2002:808:808::1", false],
    ["2001:0:4136:e378:8000:63bf:f5ff:fffe", true], // Teredo whose client is 10.0.0.1
    ["2001:4860:4860::8888", false],
    ["2606:4700:4700::1111", false],
    ["64:ff9b:1::808:808", true], // local-use NAT64
    ["168.63.129.16", true], // Azure wire server
    ["192.0.0.192", true], // Oracle metadata
    ["100.100.100.200", true], // Alibaba metadata
    ["2130706433", true], // not dotted decimal: never trusted as an address
    ["not-an-ip", true],
    ["", true],
  ])("%s → forbidden %s", (ip, forbidden) => {
    expect(isForbiddenAddress(ip)).toBe(forbidden);
  });
});

function lookupOf(table: Record<string, { address: string; family: 4 | 6 }[]>) {
  return vi.fn<LookupAll>((host) => {
    const found = table[host];
    return found
      ? Promise.resolve(found)
      : Promise.reject(Object.assign(new Error("nope"), { code: "ENOTFOUND" }));
  });
}

const lookup = lookupOf({
  "private.example.test": [{ address: "10.0.0.1", family: 4 }],
  "mixed.example.test": [
    { address: "93.184.215.14", family: 4 },
    { address: "fd00::5", family: 6 },
  ],
  "nat64.example.test": [
    { address: "2606:4700:4700::1111", family: 6 },
    { address: "64:ff9b::a9fe:a9fe", family: 6 },
  ],
  "public.example.test": [
    { address: "2606:2800:21f:cb07:6820:80da:af6b:8b2c", family: 6 },
    { address: "93.184.215.14", family: 4 },
  ],
});

async function refusal(promise: Promise<unknown>): Promise<PingRefusedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PingRefusedError);
  return error as PingRefusedError;
}

describe("resolveTarget", () => {
  it("refuses a name that resolves to a private address, saying which", async () => {
    const error = await refusal(
      resolveTarget(new URL("https://private.example.test/hook"), { allowPrivate: false, lookup }),
    );
    expect(error.reason).toBe("private-address");
    expect(error.message).toBe(
      "The URL resolves to a private address (10.0.0.1); pings only go to public hosts.",
    );
  });

  it("refuses a name with a public and a private address", async () => {
    const error = await refusal(
      resolveTarget(new URL("https://mixed.example.test/"), { allowPrivate: false, lookup }),
    );
    expect(error.reason).toBe("private-address");
    expect(error.message).toContain("fd00::5");
  });

  it("refuses a name with an IPv6 address that carries a private IPv4", async () => {
    const error = await refusal(
      resolveTarget(new URL("https://nat64.example.test/"), { allowPrivate: false, lookup }),
    );
    expect(error.reason).toBe("private-address");
    expect(error.message).toContain("64:ff9b::a9fe:a9fe");
  });

  it("refuses a private IP literal without any lookup", async () => {
    const spy = lookupOf({});
    for (const url of [
      "http://127.0.0.1/",
      "http://[::ffff:127.0.0.1]/",
      "http://[::1]/",
      "http://2130706433/",
    ]) {
      const error = await refusal(
        resolveTarget(new URL(url), { allowPrivate: false, lookup: spy }),
      );
      expect(error.reason).toBe("private-address");
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it("refuses port 8080 before resolving anything", async () => {
    const spy = lookupOf({});
    const error = await refusal(
      resolveTarget(new URL("https://public.example.test:8080/"), {
        allowPrivate: false,
        lookup: spy,
      }),
    );
    expect(error.reason).toBe("port");
    expect(error.message).toContain("8080");
    expect(spy).not.toHaveBeenCalled();
  });

  it("accepts ports 443 and 80, explicit or implied, and keeps the first address", async () => {
    const first = { address: "2606:2800:21f:cb07:6820:80da:af6b:8b2c", family: 6, port: 443 };
    await expect(
      resolveTarget(new URL("https://public.example.test/"), { allowPrivate: false, lookup }),
    ).resolves.toEqual(first);
    await expect(
      resolveTarget(new URL("http://public.example.test:443/"), { allowPrivate: false, lookup }),
    ).resolves.toEqual(first);
    await expect(
      resolveTarget(new URL("http://public.example.test/"), { allowPrivate: false, lookup }),
    ).resolves.toEqual({ ...first, port: 80 });
    await expect(
      resolveTarget(new URL("https://public.example.test:80/"), { allowPrivate: false, lookup }),
    ).resolves.toEqual({ ...first, port: 80 });
  });

  it("lets allowPrivate lift both the port and the address checks", async () => {
    await expect(
      resolveTarget(new URL("http://private.example.test:8080/"), { allowPrivate: true, lookup }),
    ).resolves.toEqual({ address: "10.0.0.1", family: 4, port: 8080 });
    await expect(
      resolveTarget(new URL("http://[::1]:3000/"), { allowPrivate: true, lookup }),
    ).resolves.toEqual({
      address: "::1",
      family: 6,
      port: 3000,
    });
  });

  it("refuses schemes other than http and https, even with allowPrivate", async () => {
    for (const url of [
      "ftp://public.example.test/",
      "file:///etc/passwd",
      "gopher://public.example.test/",
    ]) {
      const error = await refusal(resolveTarget(new URL(url), { allowPrivate: true, lookup }));
      expect(error.reason).toBe("scheme");
    }
  });

  it("refuses a name that does not resolve", async () => {
    const error = await refusal(
      resolveTarget(new URL("https://missing.example.test/"), { allowPrivate: false, lookup }),
    );
    expect(error.reason).toBe("dns");
    expect(error.message).toContain("ENOTFOUND");
  });

  it("refuses a name with no addresses", async () => {
    const empty = lookupOf({ "empty.example.test": [] });
    const error = await refusal(
      resolveTarget(new URL("https://empty.example.test/"), { allowPrivate: false, lookup: empty }),
    );
    expect(error.reason).toBe("dns");
  });
});
