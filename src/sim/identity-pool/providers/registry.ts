// The identity pool's login providers: each Logins key (a user pool, accounts.google.com, graph.facebook.com,
// a SAML provider's ARN, an OIDC host) is answered by one provider that verifies the token and says who the
// user is. User pools are built in; the external IdPs plug in here when they exist (the federation issue).
import type { ServiceContext } from '../../core/router';
import type { IdentityPool } from '../model';

export interface LoginContext {
  call: ServiceContext;
  pool: IdentityPool;
  region: string;
  /** virtual clock, epoch ms */
  now: number;
}

export interface VerifiedLogin {
  /** The Logins key, e.g. cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123xyz */
  provider: string;
  /** The user's stable id at the provider (a user pool's sub); the same subject always gets the same identity. */
  subject: string;
  /** The key RoleMappings are looked up by: "{provider}:{clientId}" for user pools, else the provider. */
  roleMappingKey: string;
  /** What the provider adds to the identity's amr, after "authenticated". */
  amr: string[];
  /** The token's claims, for token-based and rules-based role mapping. */
  claims: Record<string, unknown>;
}

export interface LoginProvider {
  /** A name for the trace, e.g. 'Cognito user pool'. */
  readonly name: string;
  handles(providerKey: string): boolean;
  /** Verifies the token for this pool or throws AWS's NotAuthorizedException; records a note either way. */
  verify(ctx: LoginContext, providerKey: string, token: string): Promise<VerifiedLogin>;
}

export interface LoginProviderRegistry {
  /** Adds a provider; providers registered later are asked first, so a real IdP replaces a placeholder. */
  register(provider: LoginProvider): void;
  find(providerKey: string): LoginProvider | undefined;
}

export function createLoginProviderRegistry(initial: LoginProvider[] = []): LoginProviderRegistry {
  const providers = [...initial];
  return {
    register: (provider) => void providers.unshift(provider),
    find: (key) => providers.find((p) => p.handles(key)),
  };
}
