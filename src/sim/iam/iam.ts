// The account's IAM as the other services use it: its roles, the authorizer that decides a signed caller's
// request (identity policies ∩ session policies, explicit deny first), and trust-policy checks for role
// assumption. Implemented by createIam in ./create.ts.
import type { CredentialRecord } from '../core/credentials';
import type { Note } from '../core/trace-types';
import type { AuthorizationRequest, Evaluation, Role } from './types';

export interface AuthorizeResult {
  allowed: boolean;
  evaluation: Evaluation;
  /** AWS's AccessDenied text when refused, e.g. "User: arn:aws:sts::…:assumed-role/R/CognitoIdentityCredentials is not authorized to perform: dynamodb:GetItem on resource: arn:… because no identity-based policy allows the dynamodb:GetItem action". */
  message?: string;
  /** A 'policy' note for the trace, explaining the evaluation in plain words. */
  note: Extract<Note, { kind: 'policy' }>;
}

export interface Iam {
  readonly roles: ReadonlyMap<string, Role>;
  roleByArn(arn: string): Role | undefined;
  /**
   * Decides a request made with these credentials. The condition keys given are merged with the session's
   * (caller.session.context) and the global ones (aws:CurrentTime, aws:EpochTime at `now`, aws:PrincipalArn,
   * aws:userid, aws:PrincipalType …). The administrator is evaluated against AdministratorAccess.
   */
  authorize(caller: CredentialRecord, request: { action: string; resource: string; context?: AuthorizationRequest['context'] }, now: number): AuthorizeResult;
  /** Evaluates a role's trust policy for an assumption request (principal, action, condition keys). */
  evaluateTrust(role: Role, request: AuthorizationRequest, now: number): Evaluation;
}
