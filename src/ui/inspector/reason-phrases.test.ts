import { describe, expect, it } from 'vitest';
import { reasonPhrase, statusLine, statusOutcome } from './reason-phrases';

describe('reason phrases and outcomes', () => {
  it.each([
    [200, '200 OK', 'success'],
    [302, '302 Found', 'redirect'],
    [400, '400 Bad Request', 'client-error'],
    [403, '403 Forbidden', 'client-error'],
    [500, '500 Internal Server Error', 'server-error'],
    [503, '503 Service Unavailable', 'server-error'],
  ])('%d reads "%s" and is a %s', (status, line, outcome) => {
    expect(statusLine(status)).toBe(line);
    expect(statusOutcome(status)).toBe(outcome);
  });

  it('shows the bare number when the phrase is unknown', () => {
    expect(reasonPhrase(299)).toBe('');
    expect(statusLine(299)).toBe('299');
    expect(statusOutcome(101)).toBe('informational');
  });
});
