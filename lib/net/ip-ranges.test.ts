import { describe, expect, it } from "vitest";
import { isNonPublicHost, isNonPublicIp } from "./ip-ranges";

describe("isNonPublicIp", () => {
  it.each([
    // IPv4 special-purpose ranges, at their edges
    ["0.0.0.0", true],
    ["0.255.255.255", true],
    ["10.0.0.0", true],
    ["10.255.255.255", true],
    ["100.63.255.255", false],
    ["100.64.0.0", true],
    ["100.127.255.255", true],
    ["100.128.0.0", false],
    ["100.100.100.200", true], // Alibaba metadata, inside CGNAT
    ["127.0.0.1", true],
    ["169.254.169.254", true],
    ["172.15.255.255", false],
    ["172.16.0.0", true],
    ["172.31.255.255", true],
    ["172.32.0.0", false],
    ["192.0.0.192", true], // Oracle metadata, inside 192.0.0.0/24
    ["192.0.1.1", false],
    ["192.0.2.1", true],
    ["192.88.99.1", true],
    ["192.167.255.255", false],
    ["192.168.0.1", true],
    ["198.17.255.255", false],
    ["198.18.0.0", true],
    ["198.19.255.255", true],
    ["198.20.0.0", false],
    ["198.51.100.1", true],
    ["203.0.113.1", true],
    ["224.0.0.1", true],
    ["239.255.255.255", true],
    ["240.0.0.1", true],
    ["255.255.255.255", true],
    ["168.63.129.16", true], // Azure wire server
    ["168.63.129.17", false],
    ["8.8.8.8", false],
    ["1.1.1.1", false],
    ["93.184.215.14", false],
    // IPv6 ranges
    ["::", true],
    ["::1", true],
    ["fe80::1", true],
    ["febf:ffff::1", true],
    ["fec0::1", true],
    ["fc00::1", true],
    ["fdff::1", true],
    ["fd00:ec2::254", true],
    ["ff02::1", true],
    ["100::1", true],
    ["2001:db8::1", true],
    ["2001:2::1", true],
    ["3fff::1", true],
    ["5f00::1", true],
    ["4000::1", true], // outside 2000::/3: unassigned
    ["2606:4700:4700::1111", false],
    ["2001:4860:4860::8888", false],
    // IPv6 forms that carry an IPv4 are judged by it
    ["::ffff:10.0.0.1", true],
    ["::ffff:a00:1", true],
    ["::ffff:7f00:1", true],
    ["::ffff:8.8.8.8", false],
    ["::ffff:0:a00:1", true],
    ["::ffff:0:808:808", false],
    ["::a00:1", true],
    ["::808:808", false],
    ["64:ff9b::a00:1", true],
    ["64:ff9b::10.0.0.1", true],
    ["64:ff9b::a9fe:a9fe", true],
    ["64:ff9b::808:808", false],
    ["64:ff9b:1::808:808", true], // local-use NAT64 is never public
    ["2002:a00:1::", true],
    ["2002:a9fe:a9fe::1", true],
    ["2002:808:808::1", false],
    ["2001:0:4136:e378:8000:63bf:f5ff:fffe", true], // Teredo client 10.0.0.1
    ["2001:0:a00:1:8000:63bf:f7f7:f7f7", true], // Teredo server 10.0.0.1
    ["2001:0:4136:e378:8000:63bf:f7f7:f7f7", false], // server 65.54.227.120, client 8.8.8.8
    // Not an address in plain form: not public
    ["fe80::1%eth0", true],
    ["2606:4700:4700::1111%eth0", true],
    ["0x7f.1", true],
    ["2130706433", true],
    ["010.0.0.1", true],
    ["[::1]", true],
    ["example.com", true],
    ["", true],
  ])("%s → %s", (address, expected) => {
    expect(isNonPublicIp(address)).toBe(expected);
  });
});

describe("isNonPublicHost", () => {
  it.each([
    ["localhost", true],
    ["LOCALHOST", true],
    ["localhost.", true],
    ["hooks.localhost", true],
    ["hooks.localhost.", true],
    ["127.0.0.1", true],
    ["10.1.2.3", true],
    ["[::1]", true],
    ["[::ffff:a00:1]", true],
    ["[64:ff9b::a00:1]", true],
    ["[2606:4700:4700::1111]", false],
    ["8.8.8.8", false],
    ["0x7f.1", true],
    // Names are for the ping guard to resolve
    ["example.com", false],
    ["localhost.example.com", false],
    ["notlocalhost", false],
    ["10.0.0.1.example.com", false],
  ])("%s → %s", (hostname, expected) => {
    expect(isNonPublicHost(hostname)).toBe(expected);
  });

  it("judges what URL makes of odd IPv4 spellings", () => {
    for (const spelling of ["0x7f.1", "2130706433", "0177.0.0.1", "127.1"]) {
      expect(isNonPublicHost(new URL(`https://${spelling}/`).hostname)).toBe(true);
    }
    expect(isNonPublicHost(new URL("https://134744072/").hostname)).toBe(false); // 8.8.8.8
  });
});
