// GetOpenIdToken (public; the basic flow): an OpenID Connect token for the identity, valid ten minutes, for the
// app to exchange with STS AssumeRoleWithWebIdentity itself. Only when the pool allows the classic flow.
import { defineOperation, identityPoolArn } from '../env';
import { identityPoolErrors as errors } from '../errors';
import { amrOf } from '../issue-credentials';
import { openIdClaims } from '../open-id-token';
import { resolveIdentity } from './resolve-identity';
import { IDENTITY_ID, LOGINS } from './shapes';

export const getOpenIdToken = defineOperation<{ IdentityId: string; Logins?: Record<string, string> }, { IdentityId: string; Token: string }>({
  name: 'GetOpenIdToken',
  auth: 'none',
  shape: { IdentityId: IDENTITY_ID, Logins: LOGINS },
  async run(env, input, call) {
    const { pool, identity, logins } = await resolveIdentity(env, call, input, (p) => {
      if (!p.allowClassicFlow) {
        call.note({ kind: 'info', summary: `${p.name} has the basic (classic) flow turned off: apps must use GetCredentialsForIdentity.` });
        throw errors.classicFlowDisabled();
      }
    });
    const claims = openIdClaims({ identityId: identity.id, poolId: pool.id, poolArn: identityPoolArn(env, pool.id), amr: amrOf(logins), now: env.clock.now() });
    const token = await env.openIdKey.sign(claims);
    call.note({
      kind: 'token-issued',
      summary: `An OpenID token for ${identity.id} (aud ${pool.id}, amr ${(claims.amr as string[]).join(', ')}), signed RS512 with key ${env.openIdKey.kid}, valid 10 minutes: the app now calls STS itself.`,
      tokenUse: 'id',
      kid: env.openIdKey.kid,
      claims,
      expiresAt: (claims.exp as number) * 1000,
    });
    return { IdentityId: identity.id, Token: token };
  },
});
