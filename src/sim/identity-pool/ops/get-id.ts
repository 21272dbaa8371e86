// GetId (public): the identity for a set of logins, created on first use and the same ever after for the same
// login; with no logins, a new guest identity each time, if the pool takes guests.
import { defineOperation } from '../env';
import { identityPoolErrors as errors } from '../errors';
import { createIdentity, getPool, link, ownerOf } from '../identities';
import { verifyLogins } from '../logins';
import { checkLogins } from './logins-shape';
import { ACCOUNT_ID, IDENTITY_POOL_ID, LOGINS } from './shapes';

interface GetIdInput {
  AccountId?: string;
  IdentityPoolId: string;
  Logins?: Record<string, string>;
}

export const getId = defineOperation<GetIdInput, { IdentityId: string }>({
  name: 'GetId',
  auth: 'none',
  shape: { AccountId: ACCOUNT_ID, IdentityPoolId: IDENTITY_POOL_ID, Logins: LOGINS },
  async run(env, input, call) {
    checkLogins(input.Logins);
    const pool = getPool(env, input.IdentityPoolId);
    const logins = await verifyLogins(env, call, pool, input.Logins);
    if (logins.length === 0) {
      if (!pool.allowUnauthenticated) {
        call.note({ kind: 'info', summary: `${pool.name} does not allow guests (unauthenticated identities), and the request has no logins.` });
        throw errors.guestsNotAllowed();
      }
      const guest = createIdentity(env, pool, []);
      call.note({ kind: 'identity', summary: `A new guest identity ${guest.id}: a request without logins always gets a fresh one, so the app should keep it.`, identityId: guest.id, created: true, logins: [] });
      return { IdentityId: guest.id };
    }
    const owners = [...new Set(logins.map((l) => ownerOf(pool, l)).filter((o) => o !== undefined))];
    if (owners.length > 1) throw errors.loginConflict();
    const providers = logins.map((l) => l.provider);
    if (owners[0] !== undefined) {
      const identity = pool.identities.get(owners[0])!;
      link(pool, identity, logins, env.clock.now());
      call.note({ kind: 'identity', summary: `This login already has identity ${identity.id}: the same user always gets the same identity id.`, identityId: identity.id, created: false, logins: providers });
      return { IdentityId: identity.id };
    }
    const identity = createIdentity(env, pool, logins);
    call.note({ kind: 'identity', summary: `First sign-in of this user to ${pool.name}: a new identity ${identity.id}, linked to ${providers.join(', ')}.`, identityId: identity.id, created: true, logins: providers });
    return { IdentityId: identity.id };
  },
});
