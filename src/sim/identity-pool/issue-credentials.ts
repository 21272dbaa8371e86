// The enhanced flow's last step: Cognito assumes the chosen role on the identity's behalf. The role's trust
// policy must let cognito-identity.amazonaws.com assume it for this pool (aud) and this kind of identity (amr);
// a refusal is InvalidIdentityPoolConfigurationException. Credentials last an hour on the virtual clock, for
// the session "CognitoIdentityCredentials", with the guest scope-down for unauthenticated identities.
import type { ServiceContext } from '../core/router';
import { issueRoleSession, ONE_HOUR_MS } from '../sts/session';
import type { IdentityPoolEnv } from './env';
import { identityPoolErrors as errors } from './errors';
import { GUEST_SCOPE_DOWN_POLICY } from './guest-scope-down';
import type { Identity, IdentityPool } from './model';
import type { VerifiedLogin } from './providers/registry';
import { chooseRole } from './role-choice';

export const COGNITO_FEDERATED_PRINCIPAL = 'cognito-identity.amazonaws.com';
export const SESSION_NAME = 'CognitoIdentityCredentials';

export interface CognitoCredentials {
  AccessKeyId: string;
  SecretKey: string;
  SessionToken: string;
  /** epoch seconds (JSON 1.1 timestamps are numbers) */
  Expiration: number;
}

/** amr as the identity pool's OpenID token and role sessions carry it (aws-behaviour.md §5.3). */
export const amrOf = (logins: VerifiedLogin[]): string[] => (logins.length > 0 ? ['authenticated', ...logins.flatMap((l) => l.amr)] : ['unauthenticated']);

export function cognitoContext(pool: IdentityPool, identity: Identity, amr: string[]): Record<string, string | string[]> {
  return {
    'cognito-identity.amazonaws.com:aud': pool.id,
    'cognito-identity.amazonaws.com:sub': identity.id,
    'cognito-identity.amazonaws.com:amr': amr,
  };
}

export function issueIdentityCredentials(
  env: IdentityPoolEnv,
  call: ServiceContext,
  request: { pool: IdentityPool; identity: Identity; logins: VerifiedLogin[]; customRoleArn?: string },
): CognitoCredentials {
  const { pool, identity, logins } = request;
  const now = env.clock.now();
  const choice = chooseRole(pool, logins, request.customRoleArn);
  call.note({ kind: 'role-chosen', summary: choice.summary, roleArn: choice.roleArn, how: choice.how });

  const role = env.iam.roleByArn(choice.roleArn);
  if (!role) {
    call.note({ kind: 'info', summary: `The role ${choice.roleArn} does not exist in this account, so Cognito cannot assume it.` });
    throw errors.invalidConfiguration();
  }
  const amr = amrOf(logins);
  const context = cognitoContext(pool, identity, amr);
  const evaluation = env.iam.evaluateTrust(
    role,
    { action: 'sts:AssumeRoleWithWebIdentity', resource: role.arn, principal: { Federated: COGNITO_FEDERATED_PRINCIPAL }, context },
    now,
  );
  const trusted = evaluation.decision === 'Allow';
  call.note({
    kind: 'policy',
    summary: trusted
      ? `The trust policy of ${role.roleName} lets the identity pool assume it for this identity: ${evaluation.reason}`
      : `The trust policy of ${role.roleName} does not let this identity pool (aud ${pool.id}, amr ${amr[0]}) assume it: ${evaluation.reason}`,
    evaluation,
    principalArn: COGNITO_FEDERATED_PRINCIPAL,
  });
  if (!trusted) throw errors.invalidConfiguration();

  const guest = logins.length === 0;
  const session = issueRoleSession(env, {
    role,
    sessionName: SESSION_NAME,
    now,
    durationMs: ONE_HOUR_MS,
    sessionPolicies: guest ? [GUEST_SCOPE_DOWN_POLICY] : [],
    context,
  });
  call.note({
    kind: 'credentials-issued',
    summary: `Temporary credentials for ${session.assumedRoleArn}, valid for one hour${guest ? ', limited by the guest scope-down session policy' : ''}.`,
    accessKeyId: session.accessKeyId,
    secretAccessKey: session.secretAccessKey,
    sessionToken: session.sessionToken,
    expiresAt: session.expiresAt,
    roleArn: role.arn,
    identityId: identity.id,
  });
  return { AccessKeyId: session.accessKeyId, SecretKey: session.secretAccessKey, SessionToken: session.sessionToken, Expiration: session.expiresAt / 1000 };
}
