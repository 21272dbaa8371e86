// The identity pool's state: pools with their providers, roles and role mappings, and the identities
// they have handed out (guests have no linked logins; authenticated identities have one or more).
// Shapes only; the rules live in the modules beside this one.

export interface RoleMappingRule {
  Claim: string;
  MatchType: 'Equals' | 'Contains' | 'StartsWith' | 'NotEqual';
  Value: string;
  RoleARN: string;
}

export interface RoleMapping {
  Type: 'Token' | 'Rules';
  AmbiguousRoleResolution: 'AuthenticatedRole' | 'Deny';
  RulesConfiguration?: { Rules: RoleMappingRule[] };
}

/** A user pool app client the identity pool accepts ID tokens from. */
export interface CognitoProvider {
  /** cognito-idp.{region}.amazonaws.com/{userPoolId}: the Logins key. */
  ProviderName: string;
  ClientId: string;
  ServerSideTokenCheck: boolean;
}

export interface Identity {
  id: string;
  poolId: string;
  /** Linked logins: provider name (the Logins key) → the user's id at that provider. Empty for a guest. */
  logins: Map<string, string>;
  createdAt: number;
  lastModified: number;
}

export interface IdentityPool {
  id: string;
  name: string;
  arn: string;
  allowUnauthenticated: boolean;
  allowClassicFlow: boolean;
  cognitoProviders: CognitoProvider[];
  /** Social providers: accounts.google.com, graph.facebook.com, … → the app's client id there. */
  supportedLoginProviders: Record<string, string>;
  openIdConnectProviderArns: string[];
  samlProviderArns: string[];
  roles: { authenticated?: string; unauthenticated?: string };
  /** By provider: "cognito-idp.{region}.amazonaws.com/{userPoolId}:{clientId}" or a social provider's name. */
  roleMappings: Record<string, RoleMapping>;
  identities: Map<string, Identity>;
  /** loginKey(provider, subject) → identity id */
  byLogin: Map<string, string>;
  createdAt: number;
}

export const loginKey = (provider: string, subject: string): string => `${provider}\n${subject}`;

export const isAuthenticated = (identity: Identity): boolean => identity.logins.size > 0;
