// GET /oauth2/idpresponse: where Google, Facebook and OIDC providers send the browser back [V COGDOC
// federation-endpoints.md]. With ?code&state the hosted UI redeems the code with the provider (nested calls: token
// endpoint, then the ID token's keys or the Graph API) and completes the sign-in; with ?error&state (the user cancelled
// at the provider) the error goes on to the app. The relay state decides which app request this answers.
import type { Handler } from '../context';
import { abandonFederation, completeFederatedSignIn, peekFederation, refuseRelayState } from './complete';
import { redeemFacebookCode } from './facebook';
import { redeemGoogleCode } from './google';
import type { Redeemed } from './provider-details';

export const idpResponse: Handler = async (ctx) => {
  const query = ctx.call.url.searchParams;
  const relayState = query.get('state');
  const pending = peekFederation(ctx, relayState);
  if (!pending) return refuseRelayState(ctx, relayState);
  const provider = ctx.pool.identityProviders.find((p) => p.name === pending.providerName)!;
  const error = query.get('error');
  if (error !== null) {
    const description = query.get('error_description') ?? error;
    return abandonFederation(ctx, pending, error, description, `${provider.name} answered error=${error}${error === 'access_denied' ? ' (the user cancelled or refused at the provider)' : ''}; Cognito passes the provider's error on to the app.`);
  }
  const code = query.get('code');
  if (!code) return abandonFederation(ctx, pending, 'invalid_request', 'Missing code from identity provider', `${provider.name} came back with neither a code nor an error.`);
  let redeemed: Redeemed;
  if (provider.type === 'Google') redeemed = await redeemGoogleCode(ctx, provider.name, code);
  else if (provider.type === 'Facebook') redeemed = await redeemFacebookCode(ctx, provider.name, code);
  else return abandonFederation(ctx, pending, 'invalid_request', 'Invalid identity provider response', `${provider.name} is a ${provider.type} provider, which answers elsewhere, not at /oauth2/idpresponse.`);
  if (!redeemed.ok) {
    ctx.call.note({ kind: 'federation', summary: redeemed.reason, provider: provider.name, providerType: provider.type, step: 'idp-token', outcome: 'refused' });
    return abandonFederation(ctx, pending, 'invalid_request', redeemed.description, redeemed.reason);
  }
  return completeFederatedSignIn(ctx, pending.relayState, redeemed.identity);
};
