// A learner's-eye harness for the user pool's public API: a simulator from a seed on 1 January 2026, the real
// AWS SDK client, the default world's app clients, and short calls such as signIn('alice') and codeSentTo(…).
import { AdminDisableUserCommand, InitiateAuthCommand, type AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { createSimulator, defaultWorld, internalsOf, type WorldConfig } from '../sim/index';
import type { User, UserPool } from '../sim/user-pool/model';
import type { UserPoolConfig } from '../sim/world/config';
import { computeSecretHash } from '../sim/user-pool/secret-hash';
import { cognitoClient } from './sdk-handler';

export const START = Date.UTC(2026, 0, 1);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** The default world with the LearnerPool changed by `change` (a deep copy: the default stays as it is). */
export function worldWith(change: (pool: UserPoolConfig) => void): WorldConfig {
  const world = structuredClone(defaultWorld);
  change(world.userPools[0]!);
  return world;
}

export async function learnerLab(options: { seed?: number; world?: WorldConfig } = {}) {
  const sim = await createSimulator({ seed: options.seed ?? 7, startTime: START, ...(options.world ? { world: options.world } : {}) });
  const cognito = cognitoClient(sim);
  const summary = sim.describe().userPools[0]!;
  const clientId = (name: string) => summary.clients.find((c) => c.name === name)!.clientId;
  const state = (): UserPool => internalsOf(sim).env.pools.get(summary.id)!;
  const web = clientId('web');
  const alb = clientId('alb');
  const albSecret = state().clients.get(alb)!.clientSecret!;
  const admin = cognitoClient(sim);

  return {
    sim,
    cognito,
    poolId: summary.id,
    web,
    alb,
    albSecret,
    state,
    /** The pool's record of a user (for set-up only: assertions go through the API). */
    user: (username: string): User => state().users.get(username.toLowerCase())!,
    secretHash: (username: string, id = alb) => computeSecretHash(state().clients.get(id)!.clientSecret!, username, id),
    async signIn(username: string, password: string, client = web, secretHash?: string): Promise<AuthenticationResultType> {
      const out = await cognito.send(new InitiateAuthCommand({
        ClientId: client,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: password, ...(secretHash ? { SECRET_HASH: secretHash } : {}) },
      }));
      if (!out.AuthenticationResult) throw new Error(`expected tokens, got challenge ${out.ChallengeName}`);
      return out.AuthenticationResult;
    },
    /** An administrator disables the user (a SigV4-signed AdminDisableUser with the account's credentials). */
    disable: (username: string) => admin.send(new AdminDisableUserCommand({ UserPoolId: summary.id, Username: username })),
    /** The code in the newest message to this address, as the learner reads it in their inbox. */
    codeSentTo(destination: string): string {
      const message = sim.messages().filter((m) => m.destination === destination).at(-1);
      if (!message?.code) throw new Error(`no code was sent to ${destination}`);
      return message.code;
    },
    messagesTo: (destination: string) => sim.messages().filter((m) => m.destination === destination),
  };
}

export type LearnerLab = Awaited<ReturnType<typeof learnerLab>>;

/** The AWS error a call failed with, by name and message; fails the test if the call succeeded. */
export async function awsError(call: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await call;
  } catch (error) {
    const { name, message } = error as Error;
    return { name, message };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** A wrong code for a six-digit code: never equal to it. */
export const wrongCode = (code: string): string => (code === '000000' ? '111111' : '000000');
