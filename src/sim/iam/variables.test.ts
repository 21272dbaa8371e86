import { describe, expect, it } from 'vitest';
import { lookupOf } from './context';
import { literalOf, parsePolicyString, resolvePolicyString } from './variables';

describe('Policy strings', () => {
  it('splits text, wildcards and variables', () => {
    expect(parsePolicyString('a*b?${aws:username}', true)).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'star' },
      { kind: 'text', text: 'b' },
      { kind: 'one' },
      { kind: 'variable', raw: '${aws:username}', name: 'aws:username' },
    ]);
  });

  it('reads a default value', () => {
    expect(parsePolicyString("${aws:PrincipalTag/team, 'company-wide'}", true)).toEqual([
      { kind: 'variable', raw: "${aws:PrincipalTag/team, 'company-wide'}", name: 'aws:PrincipalTag/team', fallback: 'company-wide' },
    ]);
  });

  it('keeps everything literal but the wildcards when variables are off (Version 2008-10-17 or none)', () => {
    expect(parsePolicyString('${aws:username}/*', false)).toEqual([{ kind: 'text', text: '${aws:username}/' }, { kind: 'star' }]);
  });

  it('treats an unclosed "${" as text', () => {
    expect(parsePolicyString('a${b', true)).toEqual([{ kind: 'text', text: 'a${b' }]);
  });
});

describe('Resolving variables', () => {
  const context = lookupOf({ 'aws:username': 'alice', 'AWS:PrincipalTag/Team': 'blue', 'k:many': ['a', 'b'] });

  it('substitutes single values, case-insensitively by key, and records them', () => {
    const substitutions: Record<string, string> = {};
    const r = resolvePolicyString('home/${AWS:UserName}/${aws:principaltag/team}', true, context, substitutions);
    expect(r.ok && literalOf(r.pieces)).toBe('home/alice/blue');
    expect(substitutions).toEqual({ '${AWS:UserName}': 'alice', '${aws:principaltag/team}': 'blue' });
  });

  it('falls back to the default, and records it', () => {
    const substitutions: Record<string, string> = {};
    const r = resolvePolicyString("${aws:PrincipalTag/dept, 'none'}", true, context, substitutions);
    expect(r.ok && literalOf(r.pieces)).toBe('none');
    expect(substitutions).toEqual({ "${aws:PrincipalTag/dept, 'none'}": 'none' });
  });

  it('cannot resolve a missing key without default, nor a multivalued key', () => {
    expect(resolvePolicyString('${aws:userid}', true, context, {})).toEqual({ ok: false, unresolved: '${aws:userid}' });
    expect(resolvePolicyString('${k:many}', true, context, {})).toEqual({ ok: false, unresolved: '${k:many}' });
  });

  it('turns ${*} ${?} ${$} into literal characters', () => {
    const r = resolvePolicyString('${*}${?}${$}*', true, context, {});
    expect(r).toEqual({ ok: true, pieces: ['*?$', 0] });
  });
});
