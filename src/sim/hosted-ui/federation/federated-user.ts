// The user pool's side of a federated sign-in: the user "{ProviderName}_{subject}" (aws-behaviour.md §4.4), created on
// the first sign-in with status EXTERNAL_PROVIDER and updated on every later one. Its attributes come from the
// provider's through the pool's attribute mapping [V COGDOC cognito-user-pools-specifying-attribute-mapping.md: mapped
// attributes are written when the user is created and updated on each sign-in], and its `identities` attribute names the
// provider and the subject (JSON: primary true, dateCreated as epoch milliseconds in the attribute view, §4.4).
// A new user must get every required attribute through the mapping: otherwise the sign-in fails with
// error_description "attributes required: [email]" [P widely reported hosted UI redirect, e.g. "error_description=
// attributes+required%3A+%5Bemail%5D&error=invalid_request"]. [P] Pools that are case-insensitive have been seen to
// lower-case the prefix (google_…); the simulator keeps the provider's name as it is, like the default world's demo
// users, and finds users case-insensitively either way.
import { newUser } from '../../user-pool/create';
import type { PoolIdentityProvider, User } from '../../user-pool/model';
import type { HostedUiContext } from '../context';
import type { FederatedIdentity } from './types';

/** Attributes a mapping may not write: the pool sets them itself. */
const NOT_MAPPABLE = new Set(['sub', 'identities', 'username']);

export type Linked = { ok: true; user: User; created: boolean; mapped: Record<string, string> } | { ok: false; description: string; reason: string };

export const federatedUsername = (identity: FederatedIdentity): string => `${identity.providerName}_${identity.subject}`;

/** The provider attributes the mapping picks, under the pool's attribute names. */
export function mapAttributes(provider: PoolIdentityProvider, identity: FederatedIdentity): Record<string, string> {
  const mapped: Record<string, string> = {};
  for (const [poolAttribute, providerAttribute] of Object.entries(provider.attributeMapping ?? {})) {
    const value = identity.attributes[providerAttribute];
    if (value !== undefined && !NOT_MAPPABLE.has(poolAttribute)) mapped[poolAttribute] = value;
  }
  return mapped;
}

function identitiesValue(identity: FederatedIdentity, dateCreated: number): string {
  return JSON.stringify([{ userId: identity.subject, providerName: identity.providerName, providerType: identity.providerType, issuer: identity.issuer, primary: true, dateCreated }]);
}

export function linkFederatedUser(ctx: HostedUiContext, provider: PoolIdentityProvider, identity: FederatedIdentity): Linked {
  const { pool } = ctx;
  const username = federatedUsername(identity);
  const mapped = mapAttributes(provider, identity);
  const now = ctx.env.clock.now();
  const existing = pool.users.get(username.toLowerCase());
  if (existing) {
    // [U] A native user cannot normally hold a "{Provider}_…" name; refusing keeps a provider from taking it over.
    if (existing.status !== 'EXTERNAL_PROVIDER') return { ok: false, description: 'User already exists', reason: `${existing.username} is a user of the pool itself (status ${existing.status}), not a ${provider.name} user.` };
    for (const [name, value] of Object.entries(mapped)) existing.attributes.set(name, value);
    if (!existing.attributes.has('identities')) existing.attributes.set('identities', identitiesValue(identity, existing.createdAt));
    existing.lastModified = now;
    return { ok: true, user: existing, created: false, mapped };
  }
  const missing = pool.requiredAttributes.filter((a) => mapped[a] === undefined);
  if (missing.length > 0) {
    return { ok: false, description: `attributes required: [${missing.join(', ')}]`, reason: `${provider.name} gave no value for the pool's required attribute${missing.length > 1 ? 's' : ''} ${missing.join(', ')} through the attribute mapping, so the user cannot be created.` };
  }
  const user = newUser(ctx.env, username, new Map(Object.entries(mapped)), 'EXTERNAL_PROVIDER');
  user.attributes.set('identities', identitiesValue(identity, now));
  pool.users.set(username.toLowerCase(), user);
  return { ok: true, user, created: true, mapped };
}
