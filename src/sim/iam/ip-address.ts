// IpAddress / NotIpAddress: is the request's address (aws:SourceIp) inside a CIDR block? IPv4 and IPv6;
// an address without a prefix length is its own /32 (/128). An IPv4 address is never inside an IPv6 block.

interface Address {
  version: 4 | 6;
  value: bigint;
}

function parseV4(text: string): Address | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return { version: 4, value: parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n) };
}

function parseV6(text: string): Address | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return { version: 6, value: all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n) };
}

export function parseAddress(text: string): Address | undefined {
  return text.includes(':') ? parseV6(text) : parseV4(text);
}

/** Whether `address` lies in `block` (e.g. "203.0.113.0/24"); undefined when either does not parse. */
export function inCidr(address: string, block: string): boolean | undefined {
  const [base, lengthText, ...extra] = block.split('/');
  const ip = parseAddress(address);
  const network = parseAddress(base ?? '');
  if (!ip || !network || extra.length > 0) return undefined;
  const bits = network.version === 4 ? 32 : 128;
  const length = lengthText === undefined ? bits : /^\d{1,3}$/.test(lengthText) ? Number(lengthText) : NaN;
  if (!(length >= 0 && length <= bits)) return undefined;
  if (ip.version !== network.version) return false;
  const shift = BigInt(bits - length);
  return ip.value >> shift === network.value >> shift;
}
