// Facebook as a user pool identity provider, Cognito's half [V COGDOC cognito-user-pools-social-idp.md]: the
// redirect to the Facebook Login dialog with the pool's app id, ProviderDetails.authorize_scopes and redirect_uri
// https://{domain}/oauth2/idpresponse; back at idpresponse, the code traded for a user access token at the Graph API
// with the app secret, then the user's attributes read from GET /me with the token (nested calls from the hosted UI).
// Facebook's tokens are opaque: asking the Graph API is the only way to learn whose they are. [P] Cognito's Facebook
// ProviderDetails carry attributes_url https://graph.facebook.com/{api_version}/me?fields= and
// attributes_url_add_attributes true: the fields asked for are the attributes the pool maps.
import type { HostedUiContext } from '../context';
import { redirect, withQuery } from '../responses';
import { detailsOf, idpResponseUrl, type Redeemed } from './provider-details';
import type { FederationConnector } from './types';

const version = (details: Record<string, string>) => details.api_version ?? 'v17.0';

export const facebookConnector: FederationConnector = {
  type: 'Facebook',
  async start(ctx, provider, pending) {
    const details = detailsOf(ctx, provider.name);
    const location = withQuery(`https://www.facebook.com/${version(details)}/dialog/oauth`, {
      client_id: details.client_id,
      redirect_uri: idpResponseUrl(ctx),
      state: pending.relayState,
      scope: details.authorize_scopes ?? 'public_profile,email',
      response_type: 'code',
    });
    ctx.call.note({
      kind: 'federation',
      summary: `identity_provider=${provider.name}: the hosted UI keeps the app's request under an opaque relay state and sends the browser to the Facebook Login dialog with the user pool's Facebook app id and redirect_uri ${idpResponseUrl(ctx)}.`,
      provider: provider.name,
      providerType: 'Facebook',
      step: 'redirect',
      outcome: 'ok',
    });
    return redirect(location);
  },
};

async function getJson(ctx: HostedUiContext, url: string): Promise<{ status: number; body: Record<string, unknown> } | undefined> {
  try {
    const response = await ctx.call.fetch(new Request(url));
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  } catch {
    return undefined;
  }
}

/** At /oauth2/idpresponse: the code for a Facebook access token, then the user's fields from the Graph API. */
export async function redeemFacebookCode(ctx: HostedUiContext, providerName: string, code: string): Promise<Redeemed> {
  const details = detailsOf(ctx, providerName);
  const graph = `https://graph.facebook.com/${version(details)}`;
  const exchange = new URL(`${graph}/oauth/access_token`);
  for (const [k, v] of Object.entries({ client_id: details.client_id ?? '', redirect_uri: idpResponseUrl(ctx), client_secret: details.client_secret ?? '', code })) exchange.searchParams.set(k, v);
  const token = await getJson(ctx, exchange.toString());
  if (!token || token.status !== 200 || typeof token.body.access_token !== 'string') {
    return { ok: false, description: 'Error getting tokens from identity provider', reason: `Facebook's Graph API did not trade the code for a token: ${token ? `${token.status} ${JSON.stringify(token.body)}` : 'unreachable'}.` };
  }
  const mapping = ctx.pool.identityProviders.find((p) => p.name === providerName)?.attributeMapping ?? {};
  const fields = [...new Set(['id', ...Object.values(mapping).filter((f) => /^[a-z_]+$/.test(f))])];
  const me = new URL(`${graph}/me`);
  me.searchParams.set('fields', fields.join(','));
  me.searchParams.set('access_token', token.body.access_token);
  const profile = await getJson(ctx, me.toString());
  if (!profile || profile.status !== 200 || typeof profile.body.id !== 'string') {
    return { ok: false, description: 'Error getting user attributes from identity provider', reason: `The Graph API did not answer /me: ${profile ? `${profile.status} ${JSON.stringify(profile.body)}` : 'unreachable'}.` };
  }
  const attributes = Object.fromEntries(Object.entries(profile.body).map(([k, v]) => [k, String(v)]));
  ctx.call.note({
    kind: 'federation',
    summary: `The hosted UI traded the code for a Facebook access token (with the app secret) and asked the Graph API who it belongs to (/me?fields=${fields.join(',')}): Facebook user ${attributes.id}.`,
    provider: providerName,
    providerType: 'Facebook',
    step: 'idp-token',
    outcome: 'ok',
    subject: attributes.id!,
    attributes,
  });
  return { ok: true, identity: { providerName, providerType: 'Facebook', subject: attributes.id!, issuer: null, attributes } };
}
