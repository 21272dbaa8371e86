// Short, plain-words meanings of the claims and header fields a learner meets in Cognito's tokens
// (aws-behaviour.md §2), shown beside each name in the Tokens tab.

const CLAIMS: Record<string, string> = {
  sub: 'Subject: the user’s unique, never-reused id in this user pool (a UUID). Use it, not the username, as the key for the user’s data.',
  iss: 'Issuer: the user pool that signed the token. Its public keys are at this URL plus /.well-known/jwks.json.',
  aud: 'Audience: the app client the ID token was issued to. Check it equals your client id.',
  client_id: 'The app client the access token was issued to. Access tokens carry this instead of aud.',
  token_use: 'Which token this is: “id” (who the user is) or “access” (what the app may do). Verifiers reject the wrong kind.',
  scope: 'The permissions granted to the access token, separated by spaces. aws.cognito.signin.user.admin lets the user call the pool’s self-service APIs.',
  auth_time: 'When the user actually signed in (seconds since 1970). Stays the same when tokens are refreshed.',
  iat: 'Issued at: when this token was created (seconds since 1970).',
  exp: 'Expiry: the moment after which the token must be rejected (seconds since 1970). One hour after iat by default.',
  nbf: 'Not before: the token must be rejected before this moment (seconds since 1970).',
  jti: 'JWT id: a unique id for this one token, used to tell tokens apart and to revoke them.',
  origin_jti: 'The id of the original sign-in these tokens come from. Refreshed tokens keep it, so revoking the refresh token revokes them all.',
  event_id: 'A unique id of the sign-in event that produced this token, useful for tracing it in logs.',
  'cognito:username': 'The user’s username in the pool (ID token). It cannot change; a UUID when users sign in with e-mail or phone as their username.',
  username: 'The user’s username in the pool (access token). It cannot change.',
  'cognito:groups': 'The user pool groups the user belongs to, as a list. Apps and API authorizers use it for group-based access.',
  'cognito:roles': 'The IAM roles of the user’s groups. An identity pool can let the user choose one of them.',
  'cognito:preferred_role': 'The IAM role of the user’s group with the lowest precedence number: the one an identity pool picks by default.',
  email: 'The user’s e-mail address attribute.',
  email_verified: 'Whether the user proved they own the e-mail address (by entering a code sent to it).',
  phone_number: 'The user’s phone number attribute, in E.164 form (+ and digits).',
  phone_number_verified: 'Whether the user proved they own the phone number (by entering a code sent by SMS).',
  name: 'The user’s full name attribute.',
  given_name: 'The user’s first name attribute.',
  family_name: 'The user’s last name attribute.',
  preferred_username: 'A username the user chose to show; unlike cognito:username it can change.',
  at_hash: 'Access-token hash: binds this ID token to the access token issued with it (OAuth flows).',
  nonce: 'A random value the app sent to the authorize endpoint; it must come back unchanged, which defeats replayed tokens.',
  identities: 'The external identity providers (Google, Facebook, SAML…) linked to this user, with their ids there.',
  version: 'The format version of the access token; tokens from the OAuth endpoints say 2.',
  device_key: 'The remembered device the user signed in from, when device tracking is on.',
  azp: 'Authorized party: the client the token was issued to.',
  amr: 'Authentication methods references: how the user proved who they are.',
  acr: 'Authentication context class: how strong the sign-in was.',
};

const HEADER_FIELDS: Record<string, string> = {
  kid: 'Key id: which of the issuer’s published keys signed this token. Verifiers look it up in the JWKS.',
  alg: 'The signature algorithm. RS256 is RSA with SHA-256: the pool signs with its private key, anyone can check with the public key.',
  typ: 'The media type of the token.',
  cty: 'Content type: what the token wraps.',
  enc: 'The encryption algorithm of an encrypted token.',
  signer: 'The load balancer that signed these claims.',
  client: 'The app client the load balancer used.',
};

/** A claim's meaning in plain words; custom attributes get a generic one. */
export function explainClaim(name: string): string | undefined {
  if (Object.hasOwn(CLAIMS, name)) return CLAIMS[name];
  if (name.startsWith('custom:')) {
    return `A custom attribute of the user pool (${name.slice('custom:'.length)}). Custom attributes are always strings in tokens, whatever their declared type.`;
  }
  return undefined;
}

/** A JWT header field's meaning in plain words. */
export function explainHeaderField(name: string): string | undefined {
  return Object.hasOwn(HEADER_FIELDS, name) ? HEADER_FIELDS[name] : undefined;
}

/** Claims whose value is a time in seconds since 1970. */
export const TIME_CLAIMS: ReadonlySet<string> = new Set(['iat', 'exp', 'auth_time', 'nbf']);
