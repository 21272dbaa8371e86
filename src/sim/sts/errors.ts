// STS errors (Query protocol codes and statuses per aws-behaviour.md §1.3; messages cited per line).
import { AwsError } from '../core/errors';

export const stsErrors = {
  // aws-sdk-java-v2#5709: "Token expired: current date/time 1731098245 must be before the expiration date/time 1731095240"
  expiredToken: (nowSec: number, expSec: number) =>
    new AwsError('ExpiredTokenException', `Token expired: current date/time ${nowSec} must be before the expiration date/time ${expSec}`),
  // mozilla-iam/mozilla-aws-cli#127 (raw XML): "No OpenIDConnect provider found in your account for https://auth.mozilla.auth0.com/"
  noProvider: (iss: string) => new AwsError('InvalidIdentityToken', `No OpenIDConnect provider found in your account for ${iss}`),
  // aws-sdk-js-v3#3052 (note the double space).
  noVerificationKey: () =>
    new AwsError('InvalidIdentityToken', "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements"),
  // [U] the STS API reference's description of InvalidIdentityToken, used where AWS's own text is unknown.
  invalidToken: () =>
    new AwsError('InvalidIdentityToken', 'The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.'),
  // COGDOC role-trust-and-permissions.md; aws-sdk-ios#119 shows Type Sender, Code AccessDenied.
  accessDenied: () => new AwsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403),
  // [P] the wording AWS answers when DurationSeconds is above the role's MaxSessionDuration.
  durationTooLong: () => new AwsError('ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'),
  // [U] STS's text for a session policy that is not JSON.
  malformedPolicy: () => new AwsError('MalformedPolicyDocument', 'Syntax errors in policy.'),
  // [P] the Query protocol's answer to an action the version does not have.
  invalidAction: (action: string) => new AwsError('InvalidAction', `Could not find operation ${action} for version 2011-06-15`),
  // aws/aws-sdk-php#3246: STS answers MissingAuthenticationToken to unsigned calls of signed actions; [P] the 403.
  missingAuthentication: () => new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403),
};
