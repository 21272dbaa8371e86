// A Logins entry for graph.facebook.com: the value is a Facebook user access token, an opaque string that only
// Facebook can read [V aws-behaviour.md §5.1]. The identity pool holds just the Facebook app id (no secret), so it
// asks the Graph API with the token itself, in nested calls that show in the trace: GET /app (which app was the token
// issued to? it must be the app id the pool lists) and GET /me?fields=id (whose token is it?). [U] How AWS calls
// Facebook is not documented; these are the Graph API's ways for a party without the app secret.
// Errors: a token of another app gets "Token is not from a supported provider of this identity pool." [P ISS
// aws-amplify/amplify-js#3839, aws-sdk-android#1131]; [U] a token Facebook refuses gets "Invalid login token. "
// followed by Facebook's own message (e.g. "Error validating access token: Session has expired on …").
import { AwsError } from '../../core/errors';
import { identityPoolErrors as errors } from '../errors';
import type { LoginContext, LoginProvider, VerifiedLogin } from './registry';

export const FACEBOOK_LOGIN_KEY = 'graph.facebook.com';
const GRAPH = 'https://graph.facebook.com/v17.0';

type GraphAnswer = { ok: true; body: Record<string, unknown> } | { ok: false; message: string; expired: boolean };

async function graph(ctx: LoginContext, path: string, token: string): Promise<GraphAnswer> {
  try {
    const url = new URL(`${GRAPH}${path}`);
    url.searchParams.set('access_token', token);
    const response = await ctx.call.fetch(new Request(url.toString()));
    const body = (await response.json()) as Record<string, unknown> & { error?: { message?: string; code?: number; error_subcode?: number } };
    if (response.ok && !body.error) return { ok: true, body };
    return { ok: false, message: String(body.error?.message ?? 'Invalid OAuth access token.'), expired: body.error?.error_subcode === 463 };
  } catch {
    return { ok: false, message: 'Facebook could not be reached.', expired: false };
  }
}

export const facebookLoginProvider: LoginProvider = {
  name: 'Facebook',
  handles: (key) => key === FACEBOOK_LOGIN_KEY,
  async verify(ctx: LoginContext, key: string, token: string): Promise<VerifiedLogin> {
    const refuse = (summary: string, error: AwsError, outcome: 'invalid' | 'expired' = 'invalid'): never => {
      ctx.call.note({ kind: 'token-checked', summary, tokenUse: 'access', outcome, reason: error.message });
      throw error;
    };
    const appId = ctx.pool.supportedLoginProviders[key];
    if (appId === undefined) return refuse(`The identity pool ${ctx.pool.name} does not list Facebook (graph.facebook.com) as a login provider.`, errors.unsupportedProvider());
    const app = await graph(ctx, '/app', token);
    if (!app.ok) return refuse(`Facebook's Graph API refused the token: ${app.message}`, new AwsError('NotAuthorizedException', `Invalid login token. ${app.message}`), app.expired ? 'expired' : 'invalid');
    if (String(app.body.id) !== appId) {
      return refuse(`The token was issued to the Facebook app ${String(app.body.id)} (${String(app.body.name)}), but the identity pool trusts only the app ${appId}.`, errors.unsupportedProvider());
    }
    const me = await graph(ctx, '/me?fields=id', token);
    if (!me.ok) return refuse(`Facebook's Graph API refused the token: ${me.message}`, new AwsError('NotAuthorizedException', `Invalid login token. ${me.message}`), me.expired ? 'expired' : 'invalid');
    const id = String(me.body.id);
    ctx.call.note({ kind: 'token-checked', summary: `Facebook's Graph API says the token belongs to the app ${appId} and to the Facebook user ${id}: the login is valid.`, tokenUse: 'access', outcome: 'valid' });
    // [U] AWS's amr entries for Facebook logins beyond the provider name.
    return { provider: key, subject: id, roleMappingKey: key, amr: [key, `${key}:${appId}:${id}`], claims: { id, app_id: appId } };
  },
};
