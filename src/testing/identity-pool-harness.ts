// A learner's-eye harness for identity pools and STS: a simulator from a seed on 1 January 2026, the real AWS
// SDK clients (user pool, identity pool, STS), and short calls such as signIn('alice'), getId(logins) and
// credentialsFor(identityId, logins), plus ways to look into the trace.
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { GetCredentialsForIdentityCommand, GetIdCommand, GetOpenIdTokenCommand } from '@aws-sdk/client-cognito-identity';
import { createSimulator, defaultWorld, DEMO_PASSWORDS, internalsOf, type Exchange, type WorldConfig } from '../sim/index';
import type { IdentityPoolConfig, RoleConfig } from '../sim/world/config';
import { cognitoClient, cognitoIdentityClient, stsClient } from './sdk-handler';

export const START = Date.UTC(2026, 0, 1);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** The default world with LearnerIdentities (and, if asked, the roles) changed by `change`; the default stays as it is. */
export function worldWith(change: (pool: IdentityPoolConfig, world: WorldConfig) => void): WorldConfig {
  const world = structuredClone(defaultWorld);
  change(world.identityPools[0]!, world);
  return world;
}

export const roleNamed = (world: WorldConfig, name: string): RoleConfig => world.roles.find((r) => r.name === name)!;

export async function identityLab(options: { seed?: number; world?: WorldConfig } = {}) {
  const sim = await createSimulator({ seed: options.seed ?? 7, startTime: START, ...(options.world ? { world: options.world } : {}) });
  const summary = sim.describe();
  const userPool = summary.userPools[0]!;
  const web = userPool.clients.find((c) => c.name === 'web')!.clientId;
  const identityPoolId = summary.identityPools[0]!.id;
  const providerKey = `cognito-idp.${summary.region}.amazonaws.com/${userPool.id}`;
  const cognito = cognitoClient(sim);
  const identity = cognitoIdentityClient(sim);
  const sts = stsClient(sim);
  const roleArn = (name: string) => `arn:aws:iam::${summary.accountId}:role/${name}`;

  const lab = {
    sim,
    identity,
    sts,
    identityPoolId,
    userPoolId: userPool.id,
    web,
    providerKey,
    roleArn,
    /** USER_PASSWORD_AUTH with the web client and the demo password; returns the three tokens. */
    async signIn(username: keyof typeof DEMO_PASSWORDS) {
      const out = await cognito.send(new InitiateAuthCommand({ ClientId: web, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: DEMO_PASSWORDS[username] } }));
      return out.AuthenticationResult!;
    },
    /** The Logins map for a user pool ID token (or any token under the pool's key). */
    logins: (token: string): Record<string, string> => ({ [providerKey]: token }),
    async getId(logins?: Record<string, string>, poolId = identityPoolId): Promise<string> {
      const out = await identity.send(new GetIdCommand({ IdentityPoolId: poolId, ...(logins ? { Logins: logins } : {}) }));
      return out.IdentityId!;
    },
    credentialsFor: (identityId: string, logins?: Record<string, string>, customRoleArn?: string) =>
      identity.send(new GetCredentialsForIdentityCommand({ IdentityId: identityId, ...(logins ? { Logins: logins } : {}), ...(customRoleArn ? { CustomRoleArn: customRoleArn } : {}) })),
    openIdToken: (identityId: string, logins?: Record<string, string>) => identity.send(new GetOpenIdTokenCommand({ IdentityId: identityId, ...(logins ? { Logins: logins } : {}) })),
    /** Signs in and gets the user's identity and credentials in one go (the enhanced flow). */
    async enhancedFlow(username: keyof typeof DEMO_PASSWORDS, customRoleArn?: string) {
      const tokens = await lab.signIn(username);
      const logins = lab.logins(tokens.IdToken!);
      const identityId = await lab.getId(logins);
      return { tokens, logins, identityId, result: await lab.credentialsFor(identityId, logins, customRoleArn) };
    },
    /** The account's record of an access key (role session, principal, expiry), for assertions on what was issued. */
    credentialRecord: (accessKeyId: string) => internalsOf(sim).credentials.get(accessKeyId),
    /** The last exchange with this operation name. */
    lastExchange: (operation: string): Exchange => sim.trace().filter((e) => e.operation === operation).at(-1)!,
    childrenOf: (exchange: Exchange): Exchange[] => sim.trace().filter((e) => e.parentId === exchange.id),
  };
  return lab;
}

export type IdentityLab = Awaited<ReturnType<typeof identityLab>>;

/** The payload of a JWT, decoded without verifying it. */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** The AWS error a call failed with, by name and message; fails the test if the call succeeded. */
export async function awsError(call: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await call;
  } catch (error) {
    const { name, message } = error as Error;
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    return { name, message, ...(status !== undefined ? { status } : {}) };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
