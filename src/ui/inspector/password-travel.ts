// Whether a Cognito sign-in request puts a password on the wire: USER_PASSWORD_AUTH (and its admin form) sends
// PASSWORD in AuthParameters, NEW_PASSWORD_REQUIRED sends NEW_PASSWORD, while USER_SRP_AUTH sends only SRP values
// (SRP_A, then the claim signature, the SECRET_BLOCK and a TIMESTAMP). Read from the recorded request alone.
import type { RecordedRequest } from '../../sim/index';

export interface PasswordTravel {
  /** 'password': a password is in the body; 'srp': only SRP values are. */
  carries: 'password' | 'srp';
  operation: string;
  /** The body's fields that say so, e.g. ['PASSWORD'] or ['SRP_A']. */
  fields: string[];
  /** The AuthFlow or ChallengeName the request names. */
  flow?: string;
}

const SIGN_IN = new Set(['InitiateAuth', 'AdminInitiateAuth', 'RespondToAuthChallenge', 'AdminRespondToAuthChallenge']);
const PASSWORD_FIELDS = ['PASSWORD', 'NEW_PASSWORD'];
const SRP_FIELDS = ['SRP_A', 'PASSWORD_CLAIM_SIGNATURE', 'PASSWORD_CLAIM_SECRET_BLOCK', 'TIMESTAMP'];

function header(request: RecordedRequest, name: string): string | undefined {
  return Object.entries(request.headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

export function passwordTravel(request: RecordedRequest): PasswordTravel | undefined {
  const target = header(request, 'x-amz-target') ?? '';
  const prefix = 'AWSCognitoIdentityProviderService.';
  const operation = target.startsWith(prefix) ? target.slice(prefix.length) : '';
  if (!SIGN_IN.has(operation) || !request.body) return undefined;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(request.body) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const initiate = operation.endsWith('InitiateAuth');
  const params = (initiate ? body.AuthParameters : body.ChallengeResponses) as Record<string, unknown> | undefined;
  if (!params || typeof params !== 'object') return undefined;
  const flow = initiate ? body.AuthFlow : body.ChallengeName;
  const base = { operation, ...(typeof flow === 'string' ? { flow } : {}) };
  const passwords = PASSWORD_FIELDS.filter((f) => f in params);
  if (passwords.length > 0) return { ...base, carries: 'password', fields: passwords };
  const srp = SRP_FIELDS.filter((f) => f in params);
  if (srp.length > 0) return { ...base, carries: 'srp', fields: srp };
  return undefined;
}
