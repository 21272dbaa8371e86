// The common start of GetCredentialsForIdentity and GetOpenIdToken: the identity, its pool, the verified
// logins, and which identity the request finally acts as (a guest may be signed in or merged).
import type { ServiceContext } from '../../core/router';
import type { IdentityPoolEnv } from '../env';
import { actAs, findIdentity } from '../identities';
import { verifyLogins } from '../logins';
import type { Identity, IdentityPool } from '../model';
import type { VerifiedLogin } from '../providers/registry';
import { checkLogins } from './logins-shape';

export interface ResolvedIdentity {
  pool: IdentityPool;
  identity: Identity;
  logins: VerifiedLogin[];
}

export async function resolveIdentity(
  env: IdentityPoolEnv,
  call: ServiceContext,
  input: { IdentityId: string; Logins?: Record<string, string> },
  beforeLogins?: (pool: IdentityPool) => void,
): Promise<ResolvedIdentity> {
  checkLogins(input.Logins);
  const found = findIdentity(env, input.IdentityId);
  beforeLogins?.(found.pool);
  const logins = await verifyLogins(env, call, found.pool, input.Logins);
  const wasGuest = found.identity.logins.size === 0;
  const { identity, merged } = actAs(env, found.pool, found.identity, logins);
  const providers = [...identity.logins.keys()];
  if (merged) {
    call.note({ kind: 'identity', summary: `The guest identity ${merged} signed in with a login that already has identity ${identity.id}: the guest is merged into it, and the answer names ${identity.id}.`, identityId: identity.id, created: false, logins: providers });
  } else if (wasGuest && logins.length > 0) {
    call.note({ kind: 'identity', summary: `The guest identity ${identity.id} signed in: it keeps its id and is now linked to ${providers.join(', ')}.`, identityId: identity.id, created: false, logins: providers });
  } else {
    call.note({ kind: 'identity', summary: logins.length > 0 ? `Identity ${identity.id}, linked to ${providers.join(', ')}, proved with a valid login.` : `Guest identity ${identity.id}.`, identityId: identity.id, created: false, logins: providers });
  }
  return { pool: found.pool, identity, logins };
}
