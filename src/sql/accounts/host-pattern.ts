// Account host patterns ('%', '_', IPs, 'localhost', 'ip/mask'): matching a client, and MySQL's most-specific-first order.
// https://dev.mysql.com/doc/refman/8.0/en/connection-access.html
import { likePatternToRegExp } from '../expression/like-pattern.js';

const LOOPBACK_ADDRESSES: ReadonlySet<string> = new Set(['127.0.0.1', '::1', 'localhost']);

/** True for the addresses MySQL also calls 'localhost' (a TCP client on the loopback interface). */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_ADDRESSES.has(host.toLowerCase());
}

function ipv4ToNumber(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = value * 256 + Number(part);
  }
  return value;
}

/** `ip/netmask` as MySQL writes it: '198.51.100.0/255.255.255.0'. */
function matchesNetmask(pattern: string, clientHost: string): boolean | undefined {
  const slash = pattern.indexOf('/');
  if (slash < 0) return undefined;
  const network = ipv4ToNumber(pattern.slice(0, slash));
  const mask = ipv4ToNumber(pattern.slice(slash + 1));
  const client = ipv4ToNumber(clientHost);
  if (network === undefined || mask === undefined || client === undefined) return false;
  // Unsigned 32-bit arithmetic: JavaScript's & yields signed values, so compare after >>> 0.
  return ((client & mask) >>> 0) === network >>> 0;
}

/** True when an account whose Host is `pattern` admits a client connecting from `clientHost` (an IP). */
export function hostMatches(pattern: string, clientHost: string): boolean {
  if (pattern === '' || pattern === '%') return true;
  const netmask = matchesNetmask(pattern, clientHost);
  if (netmask !== undefined) return netmask;
  if (pattern.toLowerCase() === 'localhost') return isLoopbackHost(clientHost);
  const regexp = likePatternToRegExp(pattern, '\\', true);
  if (regexp.test(clientHost)) return true;
  return isLoopbackHost(clientHost) && regexp.test('localhost');
}

function hasWildcard(host: string): boolean {
  return /(^|[^\\])[%_]/.test(host);
}

/**
 * Sort key: literal hosts (names, IPs, netmasks) first, then patterns with the longest literal prefix before their
 * first wildcard, then '%' (and the empty host). Within one host, a named user comes before the anonymous ''.
 */
export function compareAccountSpecificity(a: { host: string; user: string }, b: { host: string; user: string }): number {
  const rank = (host: string): number => {
    if (host === '' || host === '%') return 1_000_000;
    if (!hasWildcard(host)) return 0;
    const first = host.search(/[%_]/);
    return 1000 - first;
  };
  const byHost = rank(a.host) - rank(b.host);
  if (byHost !== 0) return byHost;
  if (a.host !== b.host) return a.host < b.host ? -1 : 1;
  if ((a.user === '') !== (b.user === '')) return a.user === '' ? 1 : -1;
  return a.user < b.user ? -1 : a.user > b.user ? 1 : 0;
}
