// The user attributes a set of OAuth scopes lets a client see, in the ID token and at /oauth2/userInfo
// [V COGDOC userinfo-endpoint.md (live page): openid alone returns every attribute the app client can read; with
// profile, email or phone only those groups; aws.cognito.signin.user.admin changes nothing]. [P] The same limits apply
// to the hosted UI's ID token. userInfo sends booleans as strings [V aws-behaviour.md §4.3].
import type { AppClient, User } from '../user-pool/model';
import { identitiesClaim } from '../user-pool/tokens';

const PROFILE = new Set(['name', 'family_name', 'given_name', 'middle_name', 'nickname', 'preferred_username', 'profile', 'picture', 'website', 'gender', 'birthdate', 'zoneinfo', 'locale', 'updated_at']);
const GROUPS: Record<string, (attribute: string) => boolean> = {
  profile: (a) => PROFILE.has(a) || a.startsWith('custom:'),
  email: (a) => a === 'email' || a === 'email_verified',
  phone: (a) => a === 'phone_number' || a === 'phone_number_verified',
};
const BOOLEANS = new Set(['email_verified', 'phone_number_verified']);

export function scopedAttributes(client: AppClient, user: User, scopes: readonly string[], form: 'token' | 'userinfo'): Record<string, unknown> {
  const groups = Object.keys(GROUPS).filter((g) => scopes.includes(g));
  const visible = (a: string) => a === 'identities' || groups.length === 0 || groups.some((g) => GROUPS[g]!(a));
  const out: Record<string, unknown> = {};
  for (const [name, value] of user.attributes) {
    if (name === 'sub' || !visible(name)) continue;
    if (client.readAttributes && !client.readAttributes.includes(name)) continue;
    if (form === 'token' && BOOLEANS.has(name)) out[name] = value === 'true';
    else if (form === 'token' && name === 'identities') out[name] = identitiesClaim(value);
    else out[name] = value;
  }
  return out;
}
