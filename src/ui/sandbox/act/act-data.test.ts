import { describe, expect, it } from 'vitest';
import { defaultWorld } from '../../../sim/world/default-world';
import type { SandboxAction } from '../../../content/sandbox/actions';
import {
  authenticatedRoleStatements,
  guestAccessOn,
  hasStrictPasswordPolicy,
  withGuestAccess,
  withoutStatement,
  withStricterPasswordPolicy,
} from './world-breaks';
import { withFault } from './faults';
import { describeAction } from './describe-action';

describe('World breaks', () => {
  it('list every statement of the signed-in users’ role and remove the one picked, leaving the world given alone', () => {
    const statements = authenticatedRoleStatements(defaultWorld);
    expect(statements.map((s) => s.label)).toEqual([
      'NotesOwnerOnly › OwnItemsOnly: Allow dynamodb:GetItem, dynamodb:PutItem, dynamodb:UpdateItem, …',
      'CatalogReadOnly › ReadTheCatalog: Allow dynamodb:GetItem, dynamodb:Query, dynamodb:Scan, …',
      'ReportsApi › CallReports: Allow execute-api:Invoke',
    ]);
    const broken = withoutStatement(defaultWorld, statements[2]!);
    const role = broken.roles.find((r) => r.name === 'Cognito_LearnerAuth_Role')!;
    // A policy left without statements goes altogether (IAM wants at least one).
    expect(role.policies.map((p) => p.name)).toEqual(['NotesOwnerOnly', 'CatalogReadOnly']);
    expect(authenticatedRoleStatements(broken)).toHaveLength(2);
    expect(defaultWorld.roles.find((r) => r.name === 'Cognito_LearnerAuth_Role')!.policies).toHaveLength(3);
    // Other roles keep their policies, even one of the same name.
    expect(broken.roles.find((r) => r.name === 'Cognito_LearnerUnauth_Role')!.policies.map((p) => p.name)).toEqual(['CatalogReadOnly']);
  });

  it('turn guest access off and on again', () => {
    expect(guestAccessOn(defaultWorld)).toBe(true);
    const off = withGuestAccess(defaultWorld, false);
    expect(guestAccessOn(off)).toBe(false);
    expect(guestAccessOn(withGuestAccess(off, true))).toBe(true);
    expect(guestAccessOn(defaultWorld)).toBe(true);
  });

  it('make the password policy stricter than AWS’s default', () => {
    expect(hasStrictPasswordPolicy(defaultWorld)).toBe(false);
    const strict = withStricterPasswordPolicy(defaultWorld);
    expect(strict.userPools[0]!.passwordPolicy).toMatchObject({ MinimumLength: 16, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true });
    expect(hasStrictPasswordPolicy(strict)).toBe(true);
    expect(defaultWorld.userPools[0]!.passwordPolicy).toBeUndefined();
  });
});

describe('Faults', () => {
  const api = (auth: Extract<SandboxAction, { kind: 'call-api' }>['auth']): SandboxAction => ({ kind: 'call-api', method: 'GET', path: '/profile', auth });

  it('ride only on the calls they fit', () => {
    expect(withFault(api('id-token'), 'tampered-claim')).toEqual({ kind: 'call-api', method: 'GET', path: '/profile', auth: 'id-token', fault: 'tampered-claim' });
    expect(withFault(api('access-token'), 'swapped-token')).toMatchObject({ fault: 'swapped-token' });
    expect(withFault(api('sigv4'), 'tampered-claim')).toBeNull();
    expect(withFault(api('none'), 'swapped-token')).toBeNull();
    expect(withFault(api('sigv4'), 'clock-skew')).toMatchObject({ fault: 'clock-skew' });
    expect(withFault(api('id-token'), 'clock-skew')).toBeNull();
    expect(withFault({ kind: 'get-credentials', as: 'signed-in' }, 'other-identity')).toEqual({ kind: 'get-credentials', as: 'signed-in', fault: 'other-identity' });
    expect(withFault({ kind: 'get-credentials', as: 'signed-in' }, 'clock-skew')).toBeNull();
    expect(withFault({ kind: 'dynamodb', operation: 'GetItem', table: 'Notes' }, 'other-owner')).toMatchObject({ fault: 'other-owner' });
    expect(withFault({ kind: 'dynamodb', operation: 'GetItem', table: 'Notes' }, 'clock-skew')).toMatchObject({ fault: 'clock-skew' });
    expect(withFault({ kind: 'dynamodb', operation: 'GetItem', table: 'Notes' }, 'tampered-claim')).toBeNull();
    expect(withFault({ kind: 'sign-out' }, 'other-owner')).toBeNull();
  });

  it('show in the list of actions, passwords never do', () => {
    expect(describeAction({ kind: 'call-api', method: 'GET', path: '/profile', auth: 'id-token', fault: 'tampered-claim' })).toBe('GET /profile with the ID token with a tampered claim');
    expect(describeAction({ kind: 'sign-in', flow: 'USER_SRP_AUTH', username: 'alice', password: 'Alice#Passw0rd' })).toBe('Sign in alice (USER_SRP_AUTH)');
    expect(describeAction({ kind: 'advance-clock', ms: 3_600_000 })).toBe('Clock +1 hour');
    expect(describeAction({ kind: 'advance-clock', ms: 5 * 60_000 })).toBe('Clock +5 minutes');
  });
});
