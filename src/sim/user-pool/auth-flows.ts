// What InitiateAuth and AdminInitiateAuth share: each flow must be allowed on the app client, refresh works
// the same in both, and custom auth runs on the pool's define, create and verify auth challenge triggers. Each
// operation keeps its own password flow (USER_PASSWORD_AUTH is public, ADMIN_USER_PASSWORD_AUTH is for signed back ends).
import { AwsError } from '../core/errors';
import type { ServiceContext } from '../core/router';
import type { ExplicitAuthFlow } from '../world/config';
import type { UserPoolEnv } from './env';
import type { AppClient, UserPool } from './model';
import type { InitiateAuthOutput } from './password-auth';
import { refreshSignIn } from './refresh-auth';
import { srpSignIn } from './srp-auth';
import { customAuthConfigured, startCustomAuth } from './triggers/custom-auth';

export const AUTH_FLOWS = ['USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'CUSTOM_AUTH', 'ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH', 'ADMIN_USER_PASSWORD_AUTH', 'USER_AUTH'] as const;
export type AuthFlow = (typeof AUTH_FLOWS)[number];

export function requireFlow(client: AppClient, allowed: ExplicitAuthFlow, message: string): void {
  if (!client.explicitAuthFlows.includes(allowed)) throw new AwsError('InvalidParameterException', message);
}

/** The flows both operations handle alike; `passwordFlowHint` names the flow to use instead of USER_AUTH, which is not simulated. */
export async function sharedFlow(
  flow: Exclude<AuthFlow, 'USER_PASSWORD_AUTH' | 'ADMIN_USER_PASSWORD_AUTH' | 'ADMIN_NO_SRP_AUTH'>,
  env: UserPoolEnv,
  call: ServiceContext,
  pool: UserPool,
  client: AppClient,
  params: Record<string, string>,
  passwordFlowHint: string,
): Promise<InitiateAuthOutput> {
  switch (flow) {
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN':
      requireFlow(client, 'ALLOW_REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN_AUTH flow not enabled for this client');
      return refreshSignIn(env, call, pool, client, params);
    case 'CUSTOM_AUTH':
      // [CUSTOM-AUTH] the define, create and verify auth challenge triggers run the sign-in (triggers/custom-auth.ts).
      if (!customAuthConfigured(pool)) throw new AwsError('InvalidParameterException', 'Custom auth lambda trigger is not configured for the user pool.');
      // [P] by analogy with "USER_PASSWORD_AUTH flow not enabled for this client" (aws-behaviour.md §3.3).
      requireFlow(client, 'ALLOW_CUSTOM_AUTH', 'CUSTOM_AUTH flow not enabled for this client');
      return startCustomAuth(env, call, pool, client, params);
    case 'USER_SRP_AUTH':
      // [SRP] Secure Remote Password: InitiateAuth here, the proof in challenges/password-verifier.ts.
      // [P] by analogy with "USER_PASSWORD_AUTH flow not enabled for this client" (aws-behaviour.md §3.3).
      requireFlow(client, 'ALLOW_USER_SRP_AUTH', 'USER_SRP_AUTH flow not enabled for this client');
      return srpSignIn(env, call, pool, client, params);
    case 'USER_AUTH':
      // Choice-based sign-in is not simulated yet.
      throw new AwsError('InvalidParameterException', `${flow} flow is not simulated by Cognito Lab yet; use ${passwordFlowHint}`);
  }
}
