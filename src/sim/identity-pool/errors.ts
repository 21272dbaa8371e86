// The identity pool's errors with AWS's exact messages (aws-behaviour.md §5.5; each source cited there).
import { AwsError } from '../core/errors';

const notAuthorized = (message: string) => new AwsError('NotAuthorizedException', message);

export const identityPoolErrors = {
  tokenExpired: (nowSec: number, expSec: number) => notAuthorized(`Invalid login token. Token expired: ${nowSec} >= ${expSec}`),
  badSignature: () => notAuthorized("Invalid login token. Couldn't verify signed token."),
  issuerMismatch: () => notAuthorized("Invalid login token. Issuer doesn't match providerName"),
  missingAud: () => notAuthorized('Invalid login token. Missing a required claim: aud'),
  notCognitoToken: () => notAuthorized('Invalid login token. Not a Cognito token.'),
  unsupportedProvider: () => notAuthorized('Token is not from a supported provider of this identity pool.'),
  loginsDontMatch: () => notAuthorized("Logins don't match. Please include at least one valid login for this identity or identity pool."),
  guestsNotAllowed: () => notAuthorized('Unauthenticated access is not supported for this identity pool.'),
  forbidden: (identityId: string) => notAuthorized(`Access to Identity '${identityId}' is forbidden.`),
  // aws-amplify/amplify-js#3621 quotes "The ambiguous role mapping rules for: accounts.google.com denied this request."
  ambiguousDenied: (provider: string) => notAuthorized(`The ambiguous role mapping rules for: ${provider} denied this request.`),
  // [U] role-based-access-control.md says only "deny access" when CustomRoleArn is not in cognito:roles; the wording is ours.
  customRoleDenied: (roleArn: string) => notAuthorized(`The CustomRoleArn ${roleArn} is not one of the roles this login may assume.`),
  invalidConfiguration: () => new AwsError('InvalidIdentityPoolConfigurationException', 'Invalid identity pool configuration. Check assigned IAM roles for this pool.'),
  poolNotFound: (poolId: string) => new AwsError('ResourceNotFoundException', `IdentityPool '${poolId}' not found.`),
  // aws-amplify/amplify-js#2301: "ResourceNotFoundException: Identity 'us-west-2:…' not found."
  identityNotFound: (identityId: string) => new AwsError('ResourceNotFoundException', `Identity '${identityId}' not found.`),
  // aws/aws-cli#7652: "InvalidParameterException … Basic (classic) flow is not enabled, please use enhanced flow."
  classicFlowDisabled: () => new AwsError('InvalidParameterException', 'Basic (classic) flow is not enabled, please use enhanced flow.'),
  // [U] BOTO documents ResourceConflictException for "a login which is already linked to another account"; the wording is ours.
  loginConflict: () => new AwsError('ResourceConflictException', 'The logins given are linked to different identities.'),
};
