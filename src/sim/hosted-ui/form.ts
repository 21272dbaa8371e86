// The form body of the token and revocation endpoints: `application/x-www-form-urlencoded` only [V COGDOC
// token-endpoint.md, revocation-endpoint.md: "Must always be"], and no parameter twice (RFC 6749 §3.2).
import { utf8 } from '../../lib/encoding';
import type { HostedUiContext } from './context';
import { OAuthError } from './oauth-error';

export function readForm(ctx: HostedUiContext): URLSearchParams {
  const type = (ctx.call.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  // [U] Cognito's answer to another content type is not documented; invalid_request is RFC 6749's for a malformed request.
  if (type !== 'application/x-www-form-urlencoded') throw new OAuthError('invalid_request', `The body must be application/x-www-form-urlencoded, not ${type || 'absent'}.`);
  const form = new URLSearchParams(utf8.decode(ctx.call.body));
  const seen = new Set<string>();
  for (const key of form.keys()) {
    if (seen.has(key)) throw new OAuthError('invalid_request', `The parameter ${key} appears more than once.`);
    seen.add(key);
  }
  return form;
}
