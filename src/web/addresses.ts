/**
 * Which addresses a fetch may reach: public unicast only. Private, loopback, link-local (cloud
 * metadata at 169.254.169.254), unique-local, multicast, reserved and every other special range are
 * refused, IPv4 inside IPv6 (::ffff:127.0.0.1) included, unless an explicit allow-list names them
 * (tests serve pages on 127.0.0.1).
 */
import ipaddr from "ipaddr.js";

export type AllowList = readonly string[];

/** "127.0.0.1", "::1", "10.0.0.0/8": parsed once; a malformed entry is an error naming it. */
export function parseAllowList(entries: readonly string[]): [ipaddr.IPv4 | ipaddr.IPv6, number][] {
  return entries.map((entry) => {
    const e = entry.trim();
    try {
      if (e.includes("/")) return ipaddr.parseCIDR(e);
      const addr = ipaddr.parse(e);
      return [addr, addr.kind() === "ipv4" ? 32 : 128];
    } catch {
      throw new RangeError(`"${e}" is not an IP address or range (like 127.0.0.1 or 10.0.0.0/8)`);
    }
  });
}

function normalised(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!ipaddr.isValid(address)) return null;
  const parsed = ipaddr.parse(address);
  return parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress() ? (parsed as ipaddr.IPv6).toIPv4Address() : parsed;
}

/** Why `address` may not be fetched from ("loopback", "private"…), or null when it may. */
export function refusedRange(address: string, allow: ReturnType<typeof parseAllowList> = []): string | null {
  const addr = normalised(address.replace(/^\[|\]$/g, ""));
  if (!addr) return "not an IP address";
  if (allow.some(([range, bits]) => range.kind() === addr.kind() && addr.match(range, bits))) return null;
  const range = addr.range();
  return range === "unicast" ? null : range;
}

/** ipaddr.js's range name in words: "linkLocal" → "link-local", "carrierGradeNat" → "carrier-grade-nat". */
export const rangeInWords = (range: string) => range.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export const isIpLiteral = (host: string) => ipaddr.isValid(host.replace(/^\[|\]$/g, ""));
