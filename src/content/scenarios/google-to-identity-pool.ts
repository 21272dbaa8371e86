// Federation scenario: Gina signs in with Google through the user pool's hosted UI (every browser hop a step), the app
// redeems Cognito's code, and the user pool's ID token (not Google's) buys AWS credentials from the identity pool:
// the pattern AWS recommends, since the app then handles one kind of token whatever the provider.
import { toBase64Url, utf8 } from '../../lib/encoding';
import { readForm } from '../../client/html-form';
import type { Scenario } from './types';
import { responseJson, SCENARIO_START } from './helpers';
import { dynamo, getCredentials, getId } from './identity-steps';

/** Gina's Google account (the simulated Google's demo account; a test checks these match). */
export const GOOGLE_DEMO = { email: 'gina.google@gmail.example', password: 'Gina#Google1' } as const;

const CALLBACK = 'https://app.learner-lab.example/callback';
/** A fixed PKCE verifier, so the scenario replays identically (a real app makes a random one per sign-in). */
const VERIFIER = 'google-to-identity-pool-verifier-0123456789-abcdefghij';

async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', utf8.encode(verifier) as Uint8Array<ArrayBuffer>);
  return toBase64Url(new Uint8Array(digest));
}

export const googleToIdentityPool: Scenario = {
  id: 'google-to-identity-pool',
  title: 'Sign in with Google, then get AWS credentials',
  goal: 'Follow a Google sign-in through the hosted UI to user pool tokens, then trade the user pool ID token for temporary AWS credentials and write to DynamoDB.',
  level: 'advanced',
  services: ['Federation', 'Hosted UI', 'User pool', 'Identity pool', 'STS', 'DynamoDB'],
  minutes: 10,
  seed: 401,
  startTime: SCENARIO_START,
  outcome: 'Gina, who has no password in the user pool, saved a note in DynamoDB: Google proved who she is, the user pool turned that into its own tokens, and the identity pool traded the user pool ID token for temporary AWS credentials.',
  check: (last) => last.operation === 'PutItem' && last.response.status === 200 && responseJson(last).__type === undefined,
  async script(ctx) {
    const pool = ctx.world.userPools[0]!;
    const web = pool.clients.find((c) => c.name === 'web')!;
    const domain = `https://${pool.domain}.auth.${ctx.world.region}.amazoncognito.com`;
    const b = ctx.browser;
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: web.clientId,
      redirect_uri: CALLBACK,
      scope: 'openid email profile',
      state: 'scenario-401',
      identity_provider: 'Google',
      code_challenge: await challengeOf(VERIFIER),
      code_challenge_method: 'S256',
    });
    const toGoogle = await ctx.step(
      {
        title: 'Continue with Google',
        narration: 'Gina clicks "Continue with Google". The app sends her browser to the hosted UI\'s /oauth2/authorize with identity_provider=Google, so Cognito skips its own login page: it parks the app\'s request under an opaque relay state and redirects to Google with the user pool\'s Google client id and its callback https://…/oauth2/idpresponse.',
        examTip: 'A user pool can federate social identity providers (Google, Facebook, Apple, Amazon), SAML and OIDC providers: the app keeps talking to one place, the hosted UI.',
      },
      () => b.request(`${domain}/oauth2/authorize?${query.toString()}`),
    );
    const googlePage = await ctx.step(
      {
        title: 'Google\'s sign-in page',
        narration: 'The browser arrives at accounts.google.com. Google shows its own sign-in page: the password goes to Google only, never to Cognito or to the app.',
      },
      () => b.follow(toGoogle),
    );
    const form = readForm(await googlePage.text(), b.urlOf(googlePage));
    const backToCognito = await ctx.step(
      {
        title: 'Sign in at Google',
        narration: 'Gina enters her Google e-mail and password. Google redirects her browser back to the user pool\'s /oauth2/idpresponse with a one-time Google code and the relay state.',
      },
      () => b.request(form.action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...form.hidden, identifier: GOOGLE_DEMO.email, Passwd: GOOGLE_DEMO.password }).toString() }),
    );
    const toApp = await ctx.step(
      {
        title: 'Cognito meets Google',
        narration: 'At /oauth2/idpresponse the hosted UI trades Google\'s code at Google\'s token endpoint with the client secret, then checks the Google ID token against Google\'s public keys (nested calls). It finds the user Google_104857600000000000001 (status EXTERNAL_PROVIDER), updates her mapped attributes (email, name, picture), sets its session cookie and redirects to the app with Cognito\'s own authorization code.',
        examTip: 'Federated users live in the user pool as {Provider}_{id} with status EXTERNAL_PROVIDER; attribute mapping copies the provider\'s claims into user pool attributes at every sign-in.',
      },
      () => b.follow(backToCognito),
    );
    const code = new URL(toApp.headers.get('location') ?? CALLBACK).searchParams.get('code') ?? '';
    const token = await ctx.step(
      {
        title: 'Redeem the code',
        narration: 'The app posts Cognito\'s code and its PKCE code_verifier to /oauth2/token. It gets user pool tokens, not Google\'s: the ID token names cognito:username Google_104857600000000000001 and carries the identities claim (providerName Google, userId = Google\'s id for Gina).',
      },
      () => ctx.fetch(new Request(`${domain}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'authorization_code', client_id: web.clientId, code, redirect_uri: CALLBACK, code_verifier: VERIFIER }).toString() }), { from: 'app' }),
    );
    const idToken = ((await token.json()) as { id_token?: string }).id_token ?? '';
    const identityId = await getId(ctx, idToken, {
      title: 'GetId with the user pool token',
      narration: 'The app asks the identity pool for Gina\'s identity, presenting the user pool ID token under the key cognito-idp.us-east-1.amazonaws.com/{poolId}. The identity pool checks it against the user pool\'s keys. It could instead take Google\'s own ID token under accounts.google.com (it would check Google\'s keys and that aud is the app\'s Google client id), but then the app would juggle a different token per provider.',
      examTip: 'Recommended pattern: federate social and SAML providers in a user pool, then give the identity pool the user pool\'s ID token. An identity pool can also take Google, Facebook, Apple, SAML and OIDC tokens directly.',
    });
    const credentials = await getCredentials(ctx, identityId, idToken, {
      title: 'Get AWS credentials',
      narration: 'GetCredentialsForIdentity: the identity pool picks the authenticated role (Gina is in no group with a role), STS issues temporary credentials for it, and the app receives an ASIA… key, a secret and a session token valid for one hour.',
      examTip: 'Identity pools (federated identities) are the answer when users of a web or mobile app need direct access to AWS services such as S3 or DynamoDB.',
    });
    await dynamo(ctx, credentials, 'PutItem', { TableName: 'Notes', Item: { ownerId: { S: identityId }, noteId: { S: 'from-google' }, text: { S: 'Signed in with Google' } } }, {
      title: 'Save a note',
      narration: 'The app writes Gina\'s note to DynamoDB, signed with the temporary credentials. The role\'s policy allows items whose partition key equals ${cognito-identity.amazonaws.com:sub}, her identity id, so the write succeeds: Google sign-in all the way to an AWS API call.',
    });
  },
};
