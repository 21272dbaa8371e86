// request.userAttributes and clientMetadata as Cognito writes them into trigger events: every value a string
// ("email_verified": "true"), the user's sub first, then cognito:user_status and, for a verified alias,
// cognito:email_alias / cognito:phone_number_alias [V FIX trigger events captured from real pools, quoted in public code].
import { utf8 } from '../../../lib/encoding';
import type { ServiceContext } from '../../core/router';
import type { User, UserPool } from '../model';

export function eventAttributes(pool: UserPool, user: User): Record<string, string> {
  const attributes: Record<string, string> = { sub: user.sub };
  for (const [name, value] of user.attributes) if (name !== 'sub') attributes[name] = value;
  attributes['cognito:user_status'] = user.status;
  for (const alias of ['email', 'phone_number'] as const) {
    const value = user.attributes.get(alias);
    if (value && pool.aliasAttributes.includes(alias) && user.attributes.get(`${alias}_verified`) === 'true') attributes[`cognito:${alias}_alias`] = value;
  }
  return attributes;
}

/** clientMetadata goes into the request only when the caller sent some. */
export const withClientMetadata = (clientMetadata: Record<string, string> | undefined): { clientMetadata?: Record<string, string> } =>
  clientMetadata && Object.keys(clientMetadata).length > 0 ? { clientMetadata: { ...clientMetadata } } : {};

/**
 * The ClientMetadata of the operation being handled, read from its JSON body: RespondToAuthChallenge and
 * AdminRespondToAuthChallenge pass it on to the define, create and verify auth challenge and pre token generation
 * triggers [V BOTO RespondToAuthChallenge ClientMetadata documentation]; InitiateAuth's goes to none of these.
 */
export function challengeClientMetadata(call: ServiceContext): Record<string, string> | undefined {
  if (!/RespondToAuthChallenge$/.test(call.headers.get('x-amz-target') ?? '')) return undefined;
  try {
    const body = JSON.parse(utf8.decode(call.body)) as { ClientMetadata?: unknown };
    const metadata = body.ClientMetadata;
    if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return undefined;
    return Object.values(metadata).every((v) => typeof v === 'string') ? (metadata as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
}
