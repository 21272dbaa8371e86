// Logins from providers the simulator cannot verify yet: Google, Facebook, SAML and OIDC IdPs arrive with the
// federation issue, which registers a real provider for each key in front of this one. Until then a login for
// a provider the pool lists gets the answer AWS gives a token it cannot verify, and any other key the answer
// for a provider the pool does not support.
import { identityPoolErrors as errors } from '../errors';
import type { IdentityPool } from '../model';
import type { LoginProvider } from './registry';

/** Whether the pool lists this Logins key: a social provider, an OIDC provider's host or a SAML provider's ARN. */
export function poolSupports(pool: IdentityPool, key: string): boolean {
  return (
    key in pool.supportedLoginProviders ||
    pool.samlProviderArns.includes(key) ||
    pool.openIdConnectProviderArns.some((arn) => arn.endsWith(`:oidc-provider/${key}`))
  );
}

export const externalPlaceholderProvider: LoginProvider = {
  name: 'external identity provider (not simulated yet)',
  handles: () => true,
  async verify(ctx, key) {
    if (!poolSupports(ctx.pool, key)) {
      ctx.call.note({ kind: 'token-checked', summary: `${key} is not one of this identity pool's login providers.`, tokenUse: 'id', outcome: 'invalid', reason: 'unsupported provider' });
      throw errors.unsupportedProvider();
    }
    // [U] AWS's exact text differs per provider type (Facebook checks the token with the Graph API); this is the JWT answer.
    ctx.call.note({ kind: 'token-checked', summary: `The simulator cannot verify tokens from ${key} yet, so it answers as AWS does for a token it cannot verify.`, tokenUse: 'id', outcome: 'invalid', reason: 'provider not simulated' });
    throw errors.badSignature();
  },
};
