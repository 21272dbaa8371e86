import { describe, expect, it } from 'vitest';
import { hrefFor, parseHash } from './routes';

describe('hash routes', () => {
  it('opens Learn when there is no hash', () => {
    expect(parseHash('')).toEqual({ name: 'learn', params: [] });
    expect(parseHash('#/')).toEqual({ name: 'learn', params: [] });
  });

  it('reads the route and its parameters', () => {
    expect(parseHash('#/quiz')).toEqual({ name: 'quiz', params: [] });
    expect(parseHash('#/learn/sign-up/3')).toEqual({ name: 'learn', params: ['sign-up', '3'] });
  });

  it('reports unknown paths and survives malformed escapes', () => {
    expect(parseHash('#/nowhere')).toEqual({ name: 'not-found', path: '/nowhere' });
    expect(parseHash('#/learn/%E0%A4%A')).toEqual({ name: 'learn', params: ['%E0%A4%A'] });
  });

  it('opens shared links, which the navigation does not list, and leaves view options to the page', () => {
    expect(parseHash('#/share/AbC-_9')).toEqual({ name: 'share', params: ['AbC-_9'] });
    expect(parseHash('#/sandbox/share/AbC-_9')).toEqual({ name: 'sandbox', params: ['share', 'AbC-_9'] });
    expect(parseHash('#/learn/sign-up/3?view=presenter&layout=sequence')).toEqual({ name: 'learn', params: ['sign-up', '3'] });
    expect(parseHash('#/?view=presenter')).toEqual({ name: 'learn', params: [] });
  });

  it('builds links that parse back', () => {
    expect(parseHash(hrefFor('learn', 'a b', '2'))).toEqual({ name: 'learn', params: ['a b', '2'] });
  });
});
