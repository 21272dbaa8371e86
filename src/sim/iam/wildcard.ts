// Wildcard matching: `*` any run of characters, `?` any one character, everything else literal (text
// that came from a policy variable is always literal). Compiled regular expressions are cached.
import type { Piece } from './variables';

const compiled = new Map<string, RegExp>();

function regExp(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let re = compiled.get(key);
  if (!re) {
    if (compiled.size > 5000) compiled.clear();
    re = new RegExp(source, flags);
    compiled.set(key, re);
  }
  return re;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function source(pieces: readonly Piece[], star = '.*', one = '.'): string {
  let out = '';
  for (const p of pieces) out += p === 0 ? star : p === 1 ? one : escape(p);
  return out;
}

/** Whole-string wildcard match (StringLike, the action part of an Action). */
export function globMatch(pieces: readonly Piece[], value: string, ignoreCase = false): boolean {
  if (pieces.length === 1 && typeof pieces[0] === 'string') return ignoreCase ? pieces[0].toLowerCase() === value.toLowerCase() : pieces[0] === value;
  return regExp(`^${source(pieces)}$`, ignoreCase ? 'si' : 's').test(value);
}

/** Splits pieces at literal colons into at most `max` segments (the last keeps any further colons). */
export function splitSegments(pieces: readonly Piece[], max: number): Piece[][] {
  const segments: Piece[][] = [[]];
  for (const p of pieces) {
    if (typeof p !== 'string') {
      segments.at(-1)!.push(p);
      continue;
    }
    let rest = p;
    while (segments.length < max && rest.includes(':')) {
      const at = rest.indexOf(':');
      if (at > 0) segments.at(-1)!.push(rest.slice(0, at));
      segments.push([]);
      rest = rest.slice(at + 1);
    }
    if (rest) segments.at(-1)!.push(rest);
  }
  return segments;
}

/**
 * A Resource ARN pattern: wildcards work within each colon-separated segment, and a `*` that ends a
 * segment may run past the colons after it (AWS: "If the * wildcard is the last character of a resource
 * ARN segment, it can expand to match beyond the colon boundaries"). The resource part (after the fifth
 * colon) may hold colons of its own. Case-sensitive.
 */
export function arnResourceMatch(segments: readonly Piece[][], value: string): boolean {
  const parts = segments.map((segment, i) => {
    if (i >= 5) return source(segment);
    let out = '';
    segment.forEach((p, j) => {
      out += p === 0 ? (j === segment.length - 1 ? '.*' : '[^:]*') : p === 1 ? '[^:]' : escape(p);
    });
    return out;
  });
  return regExp(`^${parts.join(':')}$`, 's').test(value);
}

/** ArnLike/ArnEquals: each of the six colon-delimited parts is matched on its own. Undefined (not an ARN,
 *  so neither a match nor a non-match, for ArnNotLike too) when either side has fewer than six. */
export function arnConditionMatch(pieces: readonly Piece[], value: string): boolean | undefined {
  const policy = splitSegments(pieces, 6);
  const request = value.split(':');
  if (policy.length < 6 || request.length < 6) return undefined;
  const requestParts = [...request.slice(0, 5), request.slice(5).join(':')];
  return policy.every((segment, i) => globMatch(segment.length ? segment : [''], requestParts[i]!));
}
