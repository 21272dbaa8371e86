// OAuth 2.0 errors as values, as AWS errors are elsewhere: the error code of RFC 6749 §5.2 / RFC 7009 §2.2.1, the HTTP
// status, the step that failed, and a reason for the trace note (Cognito's token endpoint answers with the code only).
import type { OAuthStep } from '../core/trace-types';

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'unsupported_token_type';

export class OAuthError extends Error {
  override readonly name = 'OAuthError';
  constructor(
    readonly error: OAuthErrorCode,
    /** Why, for the learner (recorded in the trace, not sent). */
    readonly reason: string,
    readonly step: OAuthStep = 'request',
    readonly status = 400,
  ) {
    super(reason);
  }
}

export const isOAuthError = (e: unknown): e is OAuthError => e instanceof OAuthError;
