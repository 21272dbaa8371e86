import { describe, expect, it } from 'vitest';
import { closestField, getAt, isUnder, joinPath, parsePath, setAt } from './paths';
import { immediateIssues } from './section-form';

describe('Paths into a world', () => {
  it('reads, joins and writes paths as validateWorld writes them', () => {
    expect(parsePath('userPools[0].clients[12].callbackUrls[1]')).toEqual(['userPools', 0, 'clients', 12, 'callbackUrls', 1]);
    expect(joinPath('userPools[0]', 'groups[1].name')).toBe('userPools[0].groups[1].name');
    expect(joinPath('', 'roles[0]')).toBe('roles[0]');
    const world = { a: [{ b: 1 }, { b: 2 }] };
    const next = setAt(world, 'a[1].b', 3);
    expect(next).toEqual({ a: [{ b: 1 }, { b: 3 }] });
    expect(world.a[1]!.b).toBe(2);
    expect(next.a[0]).toBe(world.a[0]);
    expect(setAt({ x: 1, y: 2 }, 'y', undefined)).toEqual({ x: 1 });
    expect(getAt(next, 'a[1].b')).toBe(3);
    expect(getAt(next, 'a[5].b')).toBeUndefined();
  });

  it('places a problem on the field with the longest path above it', () => {
    expect(isUnder('clients[1].name', 'clients[1]')).toBe(true);
    expect(isUnder('clients[10].name', 'clients[1]')).toBe(false);
    expect(isUnder('mfaFactors', 'mfa')).toBe(false);
    const fields = ['userPools[0].clients[0].callbackUrls', 'userPools[0].clients[0]', 'userPools[0].clients[0].name'];
    expect(closestField('userPools[0].clients[0].callbackUrls[2]', fields)).toBe('userPools[0].clients[0].callbackUrls');
    expect(closestField('userPools[0].clients[0].allowedOAuthFlows', fields)).toBe('userPools[0].clients[0]');
    expect(closestField('userPools[0].groups[0].name', fields)).toBeUndefined();
  });
});

describe('The problems of a draft before Apply', () => {
  it('lets a field that reads its own text speak for everything under it, then validateWorld, then the form’s own checks', () => {
    const editor = 'roles[0].policies[0].document';
    const issues = immediateIssues(
      [[editor, [{ path: `${editor}.Statement[1].Effect`, message: 'Invalid effect: The effect Allow2 is not valid. Use Allow or Deny.' }]]],
      [
        { path: `${editor}.Statement[1].Effect`, message: 'Effect must be Allow or Deny' },
        { path: 'roles[0].name', message: 'Role name must be 1 to 64 letters, digits or +=,.@-_' },
      ],
      [
        { path: 'roles[0].name', message: 'A role name is up to 64 letters.' },
        { path: 'roles[0].policies[0].name', message: 'A policy name is up to 128 letters, numbers and + = , . @ _ -.' },
      ],
    );
    expect(issues.map((i) => i.message)).toEqual([
      'Invalid effect: The effect Allow2 is not valid. Use Allow or Deny.',
      'Role name must be 1 to 64 letters, digits or +=,.@-_',
      'A policy name is up to 128 letters, numbers and + = , . @ _ -.',
    ]);
  });
});
