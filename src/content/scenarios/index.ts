// Every scenario, in the order the library shows them.
import type { Scenario } from './types';
import { signUpAndSignIn } from './sign-up-and-sign-in';
import { forgotPassword } from './forgot-password';
import { lockout } from './lockout';
import { tokenLifecycle } from './token-lifecycle';
import { adminCreatedUser } from './admin-created-user';
import { groupsAndRoles } from './groups-and-roles';
import { ownNotes } from './own-notes';
import { othersNotesDenied } from './others-notes-denied';
import { guestCatalog } from './guest-catalog';
import { basicVsEnhanced } from './basic-vs-enhanced';
import { credentialsExpire } from './credentials-expire';
import { scanAndForAllValues } from './scan-and-forallvalues';
import { adminRole } from './admin-role';
import { apiProfile } from './api-profile';
import { apiTokenSwap } from './api-token-swap';
import { apiIamReports } from './api-iam-reports';
import { apiLambdaAuthorizer } from './api-lambda-authorizer';
import { apiThrottling } from './api-throttling';
import { albSignIn } from './alb-sign-in';
import { apiScopes } from './api-scopes';
import { gatewayVsAlb } from './gateway-vs-alb';
import { totpMfa } from './totp-mfa';
import { smsMfa } from './sms-mfa';
import { hostedUiPkce } from './hosted-ui-pkce';
import { clientCredentials } from './client-credentials';
import { samlCorporateSignIn } from './saml-corporate-sign-in';
import { srpVsPassword } from './srp-vs-password';
import { googleToIdentityPool } from './google-to-identity-pool';
import { preTokenClaim } from './pre-token-claim';
import { customAuthChallenge } from './custom-auth-challenge';

/** The user-pool scenarios. */
export const userPoolScenarios: readonly Scenario[] = [signUpAndSignIn, forgotPassword, lockout, tokenLifecycle, adminCreatedUser, groupsAndRoles];

/** The identity-pool, STS, IAM and DynamoDB scenarios. */
export const identityPoolScenarios: readonly Scenario[] = [ownNotes, othersNotesDenied, guestCatalog, basicVsEnhanced, credentialsExpire, scanAndForAllValues, adminRole];

/** The API Gateway and load balancer scenarios. */
export const integrationScenarios: readonly Scenario[] = [apiProfile, apiTokenSwap, apiScopes, apiIamReports, apiLambdaAuthorizer, apiThrottling, albSignIn, gatewayVsAlb];

/** MFA, SRP, the hosted UI, federation and Lambda triggers. */
export const signInScenarios: readonly Scenario[] = [
  // [MFA]
  totpMfa, smsMfa,
  // [SRP]
  srpVsPassword,
  // [HOSTED-UI]
  hostedUiPkce, clientCredentials,
  // [FEDERATION]
  googleToIdentityPool,
  // [SAML]
  samlCorporateSignIn,
  // [TRIGGERS]
  preTokenClaim, customAuthChallenge,
];

export const scenarios: readonly Scenario[] = [...userPoolScenarios, ...signInScenarios, ...identityPoolScenarios, ...integrationScenarios];

export function findScenario(id: string): Scenario | undefined {
  return scenarios.find((s) => s.id === id);
}
