// Policy strings as IAM reads them: literal text, the wildcards * and ?, and ${…} policy variables.
// Variables exist only in policies with "Version": "2012-10-17"; in older ones "${aws:username}" is
// literal text. ${*}, ${?} and ${$} stand for the literal characters. A variable takes the single value
// of its key in the request, else its default (`${key, 'default'}`); one that cannot be resolved
// (key absent without default, or multivalued) makes whatever holds it match nothing.
import type { ContextLookup } from './context';

export type Token =
  | { kind: 'text'; text: string }
  | { kind: 'star' }
  | { kind: 'one' }
  | { kind: 'variable'; raw: string; name: string; fallback?: string };

/** After substitution: literal text, or a wildcard (0 = `*`, 1 = `?`). */
export type Piece = string | 0 | 1;

export type Resolution = { ok: true; pieces: Piece[] } | { ok: false; unresolved: string };

const SPECIAL: Record<string, string> = { '*': '*', '?': '?', $: '$' };
const caches = { true: new Map<string, Token[]>(), false: new Map<string, Token[]>() };

function parseVariable(raw: string): Token {
  const inner = raw.slice(2, -1);
  const special = SPECIAL[inner];
  if (special !== undefined) return { kind: 'text', text: special };
  const comma = inner.indexOf(',');
  if (comma < 0) return { kind: 'variable', raw, name: inner.trim() };
  const fallback = inner.slice(comma + 1).trim();
  const quoted = fallback.length >= 2 && fallback.startsWith("'") && fallback.endsWith("'");
  return { kind: 'variable', raw, name: inner.slice(0, comma).trim(), ...(quoted ? { fallback: fallback.slice(1, -1) } : {}) };
}

/** Splits a policy string into tokens (cached: policies are read far more often than written). */
export function parsePolicyString(value: string, variables: boolean): Token[] {
  const cache = caches[`${variables}`];
  const cached = cache.get(value);
  if (cached) return cached;
  const tokens: Token[] = [];
  let text = '';
  const flush = () => {
    if (text) tokens.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '*' || c === '?') {
      flush();
      tokens.push({ kind: c === '*' ? 'star' : 'one' });
    } else if (variables && c === '$' && value[i + 1] === '{' && value.indexOf('}', i + 2) > 0) {
      const end = value.indexOf('}', i + 2);
      const token = parseVariable(value.slice(i, end + 1));
      if (token.kind === 'text') text += token.text;
      else {
        flush();
        tokens.push(token);
      }
      i = end;
    } else text += c;
  }
  flush();
  if (cache.size > 5000) cache.clear();
  cache.set(value, tokens);
  return tokens;
}

/** Substitutes the variables, recording each in `substitutions` ('${key}' → value). */
export function resolveTokens(tokens: readonly Token[], context: ContextLookup, substitutions: Record<string, string>): Resolution {
  const pieces: Piece[] = [];
  for (const token of tokens) {
    switch (token.kind) {
      case 'text':
        pieces.push(token.text);
        break;
      case 'star':
        pieces.push(0);
        break;
      case 'one':
        pieces.push(1);
        break;
      case 'variable': {
        const value = context.get(token.name);
        const single = typeof value === 'string' ? value : token.fallback;
        if (single === undefined) return { ok: false, unresolved: token.raw };
        substitutions[token.raw] = single;
        pieces.push(single);
        break;
      }
    }
  }
  return { ok: true, pieces };
}

/** The text with wildcards taken literally (for StringEquals and friends). */
export const literalOf = (pieces: readonly Piece[]): string => pieces.map((p) => (p === 0 ? '*' : p === 1 ? '?' : p)).join('');

/** Parses and resolves in one step. */
export function resolvePolicyString(value: string, variables: boolean, context: ContextLookup, substitutions: Record<string, string>): Resolution {
  return resolveTokens(parsePolicyString(value, variables), context, substitutions);
}
