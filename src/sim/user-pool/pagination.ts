// Pagination of the administrator list operations: a page of at most `limit` items and an opaque
// token for the next one. The token is bound to the request it continues (pool, filter, …), so a token
// replayed with different parameters is refused, as AWS refuses a paging marker from another request.
import { toBase64Url, fromBase64, utf8 } from '../../lib/encoding';
import { AwsError } from '../core/errors';

export interface Page<T> {
  items: T[];
  next?: string;
}

function encode(scope: string, offset: number): string {
  return toBase64Url(utf8.encode(JSON.stringify({ v: 1, s: scope, o: offset })));
}

function decode(token: string, scope: string): number | undefined {
  try {
    const parsed = JSON.parse(utf8.decode(fromBase64(token))) as { v?: unknown; s?: unknown; o?: unknown };
    if (parsed.v !== 1 || parsed.s !== scope || typeof parsed.o !== 'number' || !Number.isInteger(parsed.o) || parsed.o < 0) return undefined;
    return parsed.o;
  } catch {
    return undefined;
  }
}

/**
 * One page of `items`. `scope` names what is being listed (e.g. "ListUsers us-east-1_x email^=a"),
 * `requestId` goes into the error for a foreign or damaged token.
 */
export function paginate<T>(items: readonly T[], options: { limit: number; token: string | undefined; scope: string; requestId: string }): Page<T> {
  let offset = 0;
  if (options.token !== undefined) {
    const decoded = decode(options.token, options.scope);
    // [P] Wording seen from ListUsers (aws/aws-sdk-js#3705): "Paging marker <token> is invalid for request <id>".
    // [U] The error code: InvalidParameterException is the one ListUsers and the other lists declare for bad input.
    if (decoded === undefined) throw new AwsError('InvalidParameterException', `Paging marker ${options.token} is invalid for request ${options.requestId}`);
    offset = decoded;
  }
  const end = offset + options.limit;
  const page = items.slice(offset, end);
  return end < items.length ? { items: page, next: encode(options.scope, end) } : { items: page };
}
