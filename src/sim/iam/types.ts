// IAM's data: policy documents as AWS writes them, the request an evaluation is asked about, and the
// explanation it gives back (every statement, what matched, the variables substituted, the decision).

export type ConditionValue = string | number | boolean | (string | number | boolean)[];

export interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: '*' | Record<string, string | string[]>;
  NotPrincipal?: Record<string, string | string[]>;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  /** operator (e.g. "ForAllValues:StringEquals") → condition key → value(s) */
  Condition?: Record<string, Record<string, ConditionValue>>;
}

export interface PolicyDocument {
  Version?: '2012-10-17' | '2008-10-17';
  Id?: string;
  Statement: Statement | Statement[];
}

export interface NamedPolicy {
  name: string;
  document: PolicyDocument;
}

export interface Role {
  roleName: string;
  arn: string;
  /** AROA… — appears in aws:userid as "{roleId}:{sessionName}". */
  roleId: string;
  trustPolicy: PolicyDocument;
  policies: NamedPolicy[];
  maxSessionDurationSeconds: number;
}

/** What is being asked: may this principal do this action on this resource, given these condition keys? */
export interface AuthorizationRequest {
  action: string;
  resource: string;
  /** Condition keys (matched case-insensitively) with their values; multivalued keys are arrays. */
  context: Record<string, string | string[] | undefined>;
  /** For trust (resource) policies: who is asking, e.g. { Federated: 'cognito-identity.amazonaws.com' }. */
  principal?: Record<string, string>;
}

export interface ConditionExplanation {
  operator: string;
  key: string;
  /** The policy's values after variable substitution. */
  policyValues: string[];
  /** The policy's values as written, when substitution changed them (e.g. ['${cognito-identity.amazonaws.com:sub}']). */
  writtenValues?: string[];
  /** The request's values for the key (absent: undefined). */
  requestValues: string[] | undefined;
  matched: boolean;
  /** Why, when it is not only the values: an unknown operator, a variable without a value, a missing key under IfExists… */
  note?: string;
}

export interface StatementExplanation {
  policyName: string;
  /** Where the policy comes from. */
  policyType: 'identity' | 'session' | 'trust';
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  actionMatched: boolean;
  resourceMatched: boolean;
  principalMatched?: boolean;
  conditions: ConditionExplanation[];
  /** action ∧ resource (∧ principal) ∧ every condition */
  applies: boolean;
  /** e.g. { '${cognito-identity.amazonaws.com:sub}': 'us-east-1:…' } */
  substitutions: Record<string, string>;
  /** Variables the request had no single value for (the value holding them matched nothing). */
  unresolved?: string[];
}

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

export interface Evaluation {
  decision: Decision;
  /** In plain words, e.g. "Denied: no statement allows dynamodb:Scan" or "Allowed by statement 1 of policy NotesOwnerOnly". */
  reason: string;
  statements: StatementExplanation[];
  request: AuthorizationRequest;
  /** The statement that decided: the first matching Deny, or the Allow that granted (the identity or trust one). */
  decidingStatement?: StatementExplanation;
  /** For an implicit deny: the kind of policy in which no statement allowed the request. */
  missingAllow?: 'identity' | 'session' | 'trust';
}
