import { describe, expect, it } from 'vitest';
import { decodeBase64UrlText, decodeJwt } from './decode-jwt';

const b64url = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('decodeJwt', () => {
  it('reads the header and claims of a signed JWT, including non-ASCII text and escaped slashes', () => {
    // Cognito's serializer escapes "/" as "\/" inside the JSON (aws-behaviour.md §2.1).
    const payload = b64url('{"iss":"https:\\/\\/cognito-idp.us-east-1.amazonaws.com\\/pool","name":"Zoë ✓"}');
    const token = `${b64url(JSON.stringify({ kid: 'k/1+=', alg: 'RS256' }))}.${payload}.c2ln`;
    expect(decodeJwt(token)).toEqual({
      header: { kid: 'k/1+=', alg: 'RS256' },
      payload: { iss: 'https://cognito-idp.us-east-1.amazonaws.com/pool', name: 'Zoë ✓' },
    });
  });

  it('gives undefined, never throws, for anything that is not a readable JWT', () => {
    const header = b64url('{"alg":"RS256"}');
    for (const bad of ['', 'abc', 'a.b', `${header}.!!!.sig`, `${header}.${b64url('not json')}.sig`, `${header}.${b64url('[1,2]')}.sig`, `${header}.${b64url('null')}.sig`, `${header}.${b64url('{}')}.x.y.z`]) {
      expect(decodeJwt(bad)).toBeUndefined();
    }
  });
});

describe('decodeBase64UrlText', () => {
  it('decodes with or without padding and rejects what is not base64url or not UTF-8', () => {
    expect(decodeBase64UrlText('aGk')).toBe('hi');
    expect(decodeBase64UrlText('aGk=')).toBe('hi');
    expect(decodeBase64UrlText('_-8')).toBeUndefined(); // bytes ff ef: not UTF-8
    expect(decodeBase64UrlText('a+b/')).toBeUndefined(); // standard alphabet, not base64url
    expect(decodeBase64UrlText('a')).toBeUndefined();
  });
});
