// Worlds with Lambda triggers for the trigger tests: the default world's LearnerPool with the given triggers, each
// naming a function of the world, and readers for the nested cognito-idp → lambda invocations in the trace.
import { expect, vi } from 'vitest';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { defaultWorld, type Exchange, type Note, type Simulator } from '../../index';
import type { LambdaFunctionConfig, LambdaHandlerName } from '../../world/api-config';
import type { LambdaTriggersConfig, UserPoolConfig, WorldConfig } from '../../world/config';

export interface TriggerSpec {
  handler: LambdaHandlerName;
  settings?: Record<string, string>;
}

/** The default world with `triggers` on LearnerPool: each becomes a function named "<trigger>-fn". */
export function triggerWorld(triggers: Partial<Record<keyof LambdaTriggersConfig, TriggerSpec>>, change?: (pool: UserPoolConfig) => void): WorldConfig {
  const world = structuredClone(defaultWorld);
  const pool = world.userPools[0]!;
  pool.lambdaTriggers = Object.fromEntries(Object.keys(triggers).map((t) => [t, `${t}-fn`]));
  change?.(pool);
  const functions: LambdaFunctionConfig[] = Object.entries(triggers).map(([t, spec]) => ({ name: `${t}-fn`, handler: spec!.handler, ...(spec!.settings ? { settings: spec!.settings } : {}) }));
  world.functions = [...(world.functions ?? []), ...functions];
  return world;
}

/** The Lambda invocations nested under an exchange (by default the last top-level one), oldest first. */
export function invocations(sim: Simulator, parent?: Exchange): Exchange[] {
  const top = parent ?? sim.trace().filter((x) => x.parentId === undefined).at(-1)!;
  return sim.trace().filter((x) => x.parentId === top.id && x.to === 'lambda');
}

/** The event Cognito sent in an invocation, and the function's answer. */
export const eventOf = (x: Exchange): Record<string, unknown> => JSON.parse(x.request.body ?? '{}') as Record<string, unknown>;
export const answerOf = (x: Exchange): Record<string, unknown> => JSON.parse(x.response.body ?? 'null') as Record<string, unknown>;

/** The one invocation of a trigger source under the last top-level exchange. */
export function invocationOf(sim: Simulator, triggerSource: string): { exchange: Exchange; event: Record<string, unknown> } {
  const found = invocations(sim).filter((x) => eventOf(x).triggerSource === triggerSource);
  expect(found, `one ${triggerSource} invocation`).toHaveLength(1);
  const exchange = found[0]!;
  expect([exchange.from, exchange.to, exchange.operation, exchange.request.method]).toEqual(['cognito-idp', 'lambda', 'Invoke', 'POST']);
  return { exchange, event: eventOf(exchange) };
}

/** The 'trigger' notes of the last top-level exchange. */
export function triggerNotes(sim: Simulator): Extract<Note, { kind: 'trigger' }>[] {
  const top = sim.trace().filter((x) => x.parentId === undefined).at(-1)!;
  return top.notes.filter((n): n is Extract<Note, { kind: 'trigger' }> => n.kind === 'trigger');
}

/** The common fields of every trigger event [V COGDOC cognito-user-identity-pools-working-with-aws-lambda-triggers.md]. */
export function expectCommonFields(event: Record<string, unknown>, expected: { triggerSource: string; poolId: string; userName: string; clientId: string; sdk?: RegExp }): void {
  expect(event).toMatchObject({
    version: '1',
    triggerSource: expected.triggerSource,
    region: 'us-east-1',
    userPoolId: expected.poolId,
    userName: expected.userName,
    callerContext: { clientId: expected.clientId },
  });
  expect((event.callerContext as { awsSdkVersion: string }).awsSdkVersion).toMatch(expected.sdk ?? /^aws-sdk-js-3\.\d+\.\d+$/);
  expect(Object.keys(event)).toEqual(['version', 'triggerSource', 'region', 'userPoolId', 'userName', 'callerContext', 'request', 'response']);
}

/**
 * Verifies an ID token and an access token with awslabs' aws-jwt-verify, against the JWKS the pool publishes, at the
 * simulator's virtual time; returns their payloads. Throws if either is not a genuine token of this pool and client.
 */
export async function verifiedClaims(sim: Simulator, poolId: string, clientId: string, tokens: { IdToken?: string | undefined; AccessToken?: string | undefined }) {
  const jwks = (await (await sim.fetch(new Request(`https://cognito-idp.us-east-1.amazonaws.com/${poolId}/.well-known/jwks.json`))).json()) as Jwks;
  const verifier = (tokenUse: 'id' | 'access') => {
    const v = CognitoJwtVerifier.create({ userPoolId: poolId, tokenUse, clientId });
    v.cacheJwks(jwks);
    return v;
  };
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(sim.clock.now());
  try {
    return {
      id: await verifier('id').verify(tokens.IdToken ?? '') as Record<string, unknown>,
      access: await verifier('access').verify(tokens.AccessToken ?? '') as Record<string, unknown>,
    };
  } finally {
    vi.useRealTimers();
  }
}
