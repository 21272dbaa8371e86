// An AWS service integration's credentials: API Gateway assumes the integration's role as the service
// principal apigateway.amazonaws.com (the role's trust policy must allow it) and signs its call to the
// service with the role session's keys, so IAM decides the call like any other. Sessions are kept until
// five minutes before they expire. The session name is BackplaneAssumeRoleSession, as AccessDenied messages
// from such integrations show it [P]. A role that cannot be assumed is a configuration error: 500.
import type { ServiceContext } from '../core/router';
import { issueRoleSession, ONE_HOUR_MS } from '../sts/session';
import type { GatewayEnv, IssuedSession } from './env';
import { REST_ERRORS, type GatewayError } from './responses';

export const INTEGRATION_SESSION_NAME = 'BackplaneAssumeRoleSession';
const RENEW_BEFORE_MS = 5 * 60 * 1000;

export function integrationSession(env: GatewayEnv, call: ServiceContext, roleName: string): IssuedSession | GatewayError {
  const now = env.clock.now();
  const role = env.iam.roles.get(roleName);
  if (!role) {
    call.note({ kind: 'info', summary: `Execution failed due to configuration error: the integration's role ${roleName} does not exist.` });
    return REST_ERRORS.configuration();
  }
  const kept = env.sessions.get(roleName);
  if (kept && kept.expiresAt - RENEW_BEFORE_MS > now) {
    call.note({ kind: 'info', summary: `API Gateway reuses its session of ${roleName} (${kept.accessKeyId}, valid until ${new Date(kept.expiresAt).toISOString()}) to sign the integration request.` });
    return kept;
  }
  const evaluation = env.iam.evaluateTrust(role, { action: 'sts:AssumeRole', resource: role.arn, principal: { Service: 'apigateway.amazonaws.com' }, context: {} }, now);
  call.note({ kind: 'policy', summary: `The trust policy of ${roleName}, for API Gateway assuming it: ${evaluation.reason}`, evaluation, principalArn: 'apigateway.amazonaws.com' });
  if (evaluation.decision !== 'Allow') {
    call.note({ kind: 'info', summary: `Execution failed due to configuration error: API Gateway does not have permission to assume the provided role ${role.arn}.` });
    return REST_ERRORS.configuration();
  }
  const issued = issueRoleSession(
    { accountId: env.accountId, random: env.random, credentials: env.credentials },
    { role, sessionName: INTEGRATION_SESSION_NAME, now, durationMs: ONE_HOUR_MS, sessionPolicies: [], context: {} },
  );
  call.note({
    kind: 'credentials-issued',
    summary: `API Gateway assumed ${roleName} for the integration: ${issued.assumedRoleArn}, valid for one hour.`,
    accessKeyId: issued.accessKeyId,
    secretAccessKey: issued.secretAccessKey,
    sessionToken: issued.sessionToken,
    expiresAt: issued.expiresAt,
    roleArn: role.arn,
  });
  const session: IssuedSession = { accessKeyId: issued.accessKeyId, secretAccessKey: issued.secretAccessKey, sessionToken: issued.sessionToken, expiresAt: issued.expiresAt };
  env.sessions.set(roleName, session);
  return session;
}

export const isGatewayError = (value: unknown): value is GatewayError => typeof value === 'object' && value !== null && 'responseType' in value;
