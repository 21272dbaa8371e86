import { describe, expect, it } from 'vitest';
import { decodeSimSetCookies, encodeSimSetCookie, mergeCookieHeaders, setCookiesOf, SIM_SET_COOKIE_HEADER } from './sim-cookies';

describe('Cookies on the simulator\'s wire', () => {
  it('read back each x-sim-set-cookie value, although repeated headers are joined with ", " and cookie dates contain commas', () => {
    const values = ['a=1; Expires=Wed, 01 Jan 2031 00:00:00 GMT; Path=/', 'b=%41; Path=/', 'c=ü; SameSite=Lax'];
    const headers = new Headers();
    for (const value of values) headers.append(SIM_SET_COOKIE_HEADER, encodeSimSetCookie(value));
    for (const value of values) expect(encodeSimSetCookie(value)).toMatch(/^[^,\s]+$/);
    expect(decodeSimSetCookies(headers.get(SIM_SET_COOKIE_HEADER))).toEqual(values);
    expect(decodeSimSetCookies(null)).toEqual([]);
    expect(decodeSimSetCookies('a%3D1, %E0%A4%A, ,b%3D2')).toEqual(['a=1', 'b=2']);
  });

  it('count a cookie sent under both names once, and keep repeats within one name', () => {
    const headers = new Headers();
    headers.append('set-cookie', 'a=1');
    headers.append('set-cookie', 'a=1');
    headers.append(SIM_SET_COOKIE_HEADER, encodeSimSetCookie('a=1'));
    headers.append(SIM_SET_COOKIE_HEADER, encodeSimSetCookie('b=2'));
    expect(setCookiesOf(headers)).toEqual(['a=1', 'a=1', 'b=2']);
  });

  it('merge the Cookie header with x-sim-cookie without repeating a pair', () => {
    expect(mergeCookieHeaders(null, 'a=1; b=2')).toBe('a=1; b=2');
    expect(mergeCookieHeaders('a=1; b=2', 'a=1; b=2')).toBe('a=1; b=2');
    expect(mergeCookieHeaders('a=1', 'a=1; c=3')).toBe('a=1; c=3');
    expect(mergeCookieHeaders('a=1', null)).toBe('a=1');
    expect(mergeCookieHeaders(null, '')).toBeNull();
  });
});
