// AssumeRoleWithWebIdentity (unsigned): the basic flow's second step. The web identity token is checked, then
// the role's trust policy must let the token's issuer assume it with the token's claims as condition keys
// (for Cognito: cognito-identity.amazonaws.com:aud and :amr), else AccessDenied 403. Credentials last
// DurationSeconds (900 to the role's maximum, default one hour), optionally narrowed by a session Policy.
import { AwsError } from '../core/errors';
import { validateInput } from '../wire/validate';
import type { PolicyDocument } from '../iam/types';
import type { StsAction } from './env';
import { stsErrors } from './errors';
import { issueRoleSession } from './session';
import { checkWebIdentityToken } from './web-identity-token';

interface Params {
  RoleArn: string;
  RoleSessionName: string;
  WebIdentityToken: string;
  ProviderId?: string;
  Policy?: string;
  DurationSeconds?: number | string;
}

// Constraints of BOTO sts 2011-06-15 (arnType, roleSessionNameType, clientTokenType, urlType,
// sessionPolicyDocumentType, roleDurationSecondsType).
const SHAPE = {
  RoleArn: { type: 'string', required: true, min: 20, max: 2048 },
  RoleSessionName: { type: 'string', required: true, min: 2, max: 64, pattern: '[\\w+=,.@-]*' },
  WebIdentityToken: { type: 'string', required: true, min: 4, max: 20000, sensitive: true },
  ProviderId: { type: 'string', min: 4, max: 2048 },
  Policy: { type: 'string', min: 1, max: 2048 },
  DurationSeconds: { type: 'integer', min: 900, max: 43200 },
} as const;

/** ISO-8601 without milliseconds, as STS writes Expiration (e.g. 2024-01-01T12:00:00Z). */
export const isoSeconds = (epochMs: number): string => new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');

function parsePolicy(text: string): PolicyDocument {
  try {
    const doc = JSON.parse(text) as PolicyDocument;
    if (doc && typeof doc === 'object' && doc.Statement !== undefined) return doc;
  } catch {
    // fall through
  }
  throw stsErrors.malformedPolicy();
}

export const assumeRoleWithWebIdentity: StsAction = {
  name: 'AssumeRoleWithWebIdentity',
  auth: 'none',
  async run(env, params, call) {
    const raw = Object.fromEntries(params) as Record<string, string>;
    const duration = raw.DurationSeconds;
    // [U] the Query protocol's wording for a parameter that is not a number.
    if (duration !== undefined && !/^-?\d+$/.test(duration)) throw new AwsError('ValidationError', `Invalid value for parameter DurationSeconds: ${duration}`);
    const input = validateInput<Params>({ ...raw, ...(duration !== undefined ? { DurationSeconds: Number(duration) } : {}) }, SHAPE, 'ValidationError');
    const now = env.clock.now();
    const { issuer, claims } = await checkWebIdentityToken(call, env.issuers, input.WebIdentityToken, now);

    const role = env.iam.roleByArn(input.RoleArn);
    if (!role) {
      // STS does not say whether the role exists.
      call.note({ kind: 'info', summary: `There is no role ${input.RoleArn} in this account.` });
      throw stsErrors.accessDenied();
    }
    const context = issuer.contextOf(claims);
    const evaluation = env.iam.evaluateTrust(role, { action: 'sts:AssumeRoleWithWebIdentity', resource: role.arn, principal: { Federated: issuer.provider }, context }, now);
    const trusted = evaluation.decision === 'Allow';
    call.note({
      kind: 'policy',
      summary: trusted ? `The trust policy of ${role.roleName} lets ${issuer.provider} tokens with these claims assume it: ${evaluation.reason}` : `The trust policy of ${role.roleName} refuses this token: ${evaluation.reason}`,
      evaluation,
      principalArn: issuer.provider,
    });
    if (!trusted) throw stsErrors.accessDenied();

    const seconds = (input.DurationSeconds as number | undefined) ?? 3600;
    if (seconds > role.maxSessionDurationSeconds) throw stsErrors.durationTooLong();
    const policy = input.Policy !== undefined ? parsePolicy(input.Policy) : undefined;
    const session = issueRoleSession(env, { role, sessionName: input.RoleSessionName, now, durationMs: seconds * 1000, sessionPolicies: policy ? [policy] : [], context });
    const subject = String(claims.sub ?? '');
    call.note({
      kind: 'credentials-issued',
      summary: `Temporary credentials for ${session.assumedRoleArn}, valid ${seconds / 60} minutes${policy ? ', narrowed by the session policy passed in the request' : ''}.`,
      accessKeyId: session.accessKeyId,
      secretAccessKey: session.secretAccessKey,
      sessionToken: session.sessionToken,
      expiresAt: session.expiresAt,
      roleArn: role.arn,
      ...(issuer.provider === 'cognito-identity.amazonaws.com' ? { identityId: subject } : {}),
    });
    return {
      SubjectFromWebIdentityToken: subject,
      Audience: Array.isArray(claims.aud) ? String(claims.aud[0]) : String(claims.aud ?? ''),
      AssumedRoleUser: { Arn: session.assumedRoleArn, AssumedRoleId: session.assumedRoleId },
      Credentials: { AccessKeyId: session.accessKeyId, SecretAccessKey: session.secretAccessKey, SessionToken: session.sessionToken, Expiration: isoSeconds(session.expiresAt) },
      Provider: issuer.provider,
      // [U] a percentage of the packed-size limit; AWS's packing is not public, so this is the policy's share of 2,048 characters.
      ...(input.Policy !== undefined ? { PackedPolicySize: Math.ceil((input.Policy.length / 2048) * 100) } : {}),
    };
  },
};
