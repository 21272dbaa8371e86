// Helpers for the administrator API tests: worlds with an extra back-end client or a second pool.
import { defaultWorld, type WorldConfig } from '../../index';

export const START = Date.UTC(2026, 0, 1);
export const DAY = 86_400_000;

/** The default world plus a back-end app client (with a secret) that allows ADMIN_USER_PASSWORD_AUTH. */
export function worldWithBackend(): WorldConfig {
  const world = structuredClone(defaultWorld);
  world.userPools[0]!.clients.push({
    name: 'backend',
    generateSecret: true,
    explicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  });
  return world;
}

/** The default world plus a second, smaller pool, for listing pools page by page. */
export function worldWithTwoPools(): WorldConfig {
  const world = structuredClone(defaultWorld);
  world.userPools.push({
    name: 'StaffPool',
    usernameAttributes: ['email'],
    allowSelfSignUp: false,
    accountRecovery: 'admin_only',
    passwordPolicy: { MinimumLength: 12, RequireSymbols: false, TemporaryPasswordValidityDays: 3 },
    clients: [{ name: 'staff-portal', explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }],
  });
  return world;
}
