// Steps several identity-pool scenarios share: a user signs in, gets an identity id, and trades the ID
// token for temporary AWS credentials. Each helper takes exactly one step (one request) and is narrated.
import type { Credentials } from '../../client/aws-client';
import type { ScenarioContext, StepMeta } from './types';
import { DEMO } from './demo-users';

export function logins(ctx: ScenarioContext, idToken: string): Record<string, string> {
  const pool = ctx.world.userPools[0]!;
  return { [`cognito-idp.${ctx.world.region}.amazonaws.com/${pool.id}`]: idToken };
}

export function identityPoolId(ctx: ScenarioContext): string {
  return ctx.world.identityPools[0]!.id;
}

export async function signIn(ctx: ScenarioContext, who: keyof typeof DEMO, meta: StepMeta): Promise<string> {
  const web = ctx.world.userPools[0]!.clients.find((c) => c.name === 'web')!;
  const user = DEMO[who];
  const result = await ctx.step(meta, () =>
    ctx.idp.call<{ AuthenticationResult: { IdToken: string } }>('InitiateAuth', { ClientId: web.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: user.username, PASSWORD: user.password } }),
  );
  return result.ok ? result.output.AuthenticationResult.IdToken : '';
}

export async function getId(ctx: ScenarioContext, idToken: string | undefined, meta: StepMeta): Promise<string> {
  const result = await ctx.step(meta, () =>
    ctx.identity.call<{ IdentityId: string }>('GetId', { IdentityPoolId: identityPoolId(ctx), ...(idToken ? { Logins: logins(ctx, idToken) } : {}) }),
  );
  return result.ok ? result.output.IdentityId : '';
}

export async function getCredentials(ctx: ScenarioContext, identityId: string, idToken: string | undefined, meta: StepMeta): Promise<Credentials> {
  const result = await ctx.step(meta, () =>
    ctx.identity.call<{ Credentials: { AccessKeyId: string; SecretKey: string; SessionToken: string } }>('GetCredentialsForIdentity', {
      IdentityId: identityId,
      ...(idToken ? { Logins: logins(ctx, idToken) } : {}),
    }),
  );
  if (!result.ok) return { accessKeyId: '', secretAccessKey: '' };
  const c = result.output.Credentials;
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretKey, sessionToken: c.SessionToken };
}

/** A DynamoDB call signed with the given credentials, as one narrated step. */
export function dynamo<T = Record<string, unknown>>(ctx: ScenarioContext, credentials: Credentials, operation: string, input: object, meta: StepMeta) {
  return ctx.step(meta, () => ctx.dynamodb.call<T>(operation, input, { credentials }));
}
