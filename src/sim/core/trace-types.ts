// The trace: every request the simulator handles is recorded as an Exchange, with structured notes of
// what the service decided and why. The UI draws these and nothing else.
import type { Evaluation } from '../iam/types';

/** Who sends or receives an exchange. Services are named by their endpoint's role. */
export type ActorId =
  | 'browser'
  | 'app'
  | 'admin'
  | 'cognito-idp'
  | 'hosted-ui'
  | 'cognito-identity'
  | 'sts'
  | 'iam'
  | 'api-gateway'
  | 'lambda'
  | 'alb'
  | 'target'
  | 'dynamodb'
  | 'google'
  | 'facebook'
  | 'saml-idp'
  | 'email'
  | 'sms';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

export interface Exchange {
  id: string;
  parentId?: string;
  from: ActorId;
  to: ActorId;
  operation: string;
  request: RecordedRequest;
  response: RecordedResponse;
  at: number;
  notes: Note[];
}

/** Each note says, in `summary`, what happened in plain words; the other fields are the data behind it. */
export type Note =
  | { kind: 'sigv4'; summary: string; outcome: 'valid' | 'invalid'; accessKeyId?: string; code?: string; canonicalRequest?: string; stringToSign?: string; signedHeaders?: string[]; keyDerivation?: { step: string; hex: string }[]; signature?: string }
  | { kind: 'error'; summary: string; code: string; message: string; status: number }
  | { kind: 'code-sent'; summary: string; purpose: CodePurpose; channel: 'EMAIL' | 'SMS'; destination: string; expiresAt: number }
  | { kind: 'code-checked'; summary: string; purpose: CodePurpose; outcome: 'valid' | 'mismatch' | 'expired' | 'missing' | 'limit-exceeded' }
  | { kind: 'password-checked'; summary: string; username: string; outcome: 'correct' | 'incorrect' | 'locked' | 'unknown-user'; failedAttempts?: number }
  | { kind: 'password-policy'; summary: string; outcome: 'accepted' | 'rejected'; rule?: string }
  | { kind: 'lockout'; summary: string; username: string; failedAttempts: number; lockedUntil: number }
  | { kind: 'token-issued'; summary: string; tokenUse: 'id' | 'access' | 'refresh'; kid?: string; claims?: Record<string, unknown>; expiresAt: number }
  | { kind: 'token-checked'; summary: string; tokenUse: 'id' | 'access' | 'refresh'; outcome: 'valid' | 'invalid' | 'expired' | 'revoked'; reason?: string }
  | { kind: 'token-revoked'; summary: string; scope: 'refresh-token' | 'all-user-tokens'; username: string }
  | { kind: 'user-changed'; summary: string; username: string; change: string }
  | { kind: 'challenge'; summary: string; challengeName: string; expiresAt: number }
  | { kind: 'secret-hash'; summary: string; outcome: 'valid' | 'invalid' | 'missing' }
  | { kind: 'policy'; summary: string; evaluation: Evaluation; principalArn: string }
  | { kind: 'credentials-issued'; summary: string; accessKeyId: string; secretAccessKey: string; sessionToken: string; expiresAt: number; roleArn: string; identityId?: string }
  | { kind: 'role-chosen'; summary: string; roleArn: string; how: 'authenticated-role' | 'unauthenticated-role' | 'token-preferred-role' | 'token-custom-role' | 'rules' }
  | { kind: 'identity'; summary: string; identityId: string; created: boolean; logins: string[] }
  | { kind: 'oauth'; summary: string; step: OAuthStep; outcome: 'ok' | 'refused'; clientId?: string; scopes?: string[]; error?: string }
  | { kind: 'authorizer'; summary: string; authorizer: AuthorizerType; name?: string; outcome: 'allowed' | 'unauthorized' | 'forbidden' | 'error'; cached?: boolean; checks: AuthorizerCheck[]; principalId?: string }
  | { kind: 'mfa'; summary: string; factor: MfaFactor; step: 'associate' | 'verify' | 'preference' | 'challenge' | 'code-checked'; outcome: 'ok' | 'refused'; detail?: string }
  | { kind: 'srp'; summary: string; step: 'challenge' | 'verify'; outcome: 'ok' | 'refused'; username?: string; values?: Record<string, string> }
  | { kind: 'trigger'; summary: string; trigger: string; triggerSource: string; functionName: string; outcome: 'ok' | 'failed'; changes?: string[] }
  | { kind: 'federation'; summary: string; provider: string; providerType: 'Google' | 'Facebook' | 'SAML' | 'OIDC'; step: FederationStep; outcome: 'ok' | 'refused'; subject?: string; attributes?: Record<string, string> }
  | { kind: 'saml'; summary: string; issuer: string; outcome: 'ok' | 'refused'; signature: 'valid' | 'invalid' | 'missing'; nameId?: string; signatureMethod?: string; digestMethod?: string; audience?: string; notOnOrAfter?: number; attributes?: Record<string, string>; reason?: string }
  | { kind: 'info'; summary: string };

export type MfaFactor = 'SMS' | 'TOTP' | 'EMAIL';
/** The hops of a federated sign-in: to the IdP, the sign-in there, back with its token or assertion, the user pool user. */
export type FederationStep = 'redirect' | 'idp-sign-in' | 'idp-token' | 'assertion' | 'user-linked' | 'login';

/** API Gateway's method authorization: which authorizer ran and each thing it checked, in order. */
export type AuthorizerType = 'COGNITO_USER_POOLS' | 'AWS_IAM' | 'TOKEN' | 'REQUEST' | 'JWT' | 'NONE';
export interface AuthorizerCheck {
  check: string;
  passed: boolean;
  detail?: string;
}

/** The hosted UI's OAuth 2.0 decisions: request parameters, client, redirect URI, scopes, PKCE, code, session cookie. */
export type OAuthStep = 'request' | 'client' | 'redirect-uri' | 'scopes' | 'pkce' | 'code' | 'session' | 'logout';

export type CodePurpose = 'sign-up' | 'forgot-password' | 'attribute-verification' | 'temporary-password';

export type NoteKind = Note['kind'];
