// SAML scenario: an employee of CorpAD (a corporate directory behind an AD FS-style SAML 2.0 identity provider) signs in
// to the learner app through the user pool's hosted UI. The app's authorize names identity_provider=CorpAD; the user
// pool sends an AuthnRequest to CorpAD; CorpAD checks the corporate password and posts a signed assertion back to the
// pool's /saml2/idpresponse; the pool checks it and gives the app a code, which the app exchanges for the pool's tokens.
import { readForm } from '../../client/html-form';
import { decodeJwt } from '../../client/jwt';
import { toBase64Url, utf8 } from '../../lib/encoding';
import type { Scenario, ScenarioContext } from './types';
import { responseJson, SCENARIO_START } from './helpers';

const CALLBACK = 'https://app.learner-lab.example/callback';
/** CorpAD's demo employee; content may not import the simulator, so the password is repeated (a test checks it). */
export const CORP_AD_DEMO = { username: 'carol.corp', password: 'Carol#Corp2026', entityId: 'http://adfs.corp.example/adfs/services/trust' } as const;
/** A fixed verifier, so the scenario replays identically (a real app makes a random one for every sign-in). */
const VERIFIER = 'carol-saml-pkce-verifier-0123456789-abcdefghijklmnopqrstu';

function post(ctx: ScenarioContext, action: string, fields: Record<string, string>) {
  return ctx.browser.request(action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
}

export const samlCorporateSignIn: Scenario = {
  id: 'saml-corporate-sign-in',
  title: 'Corporate users sign in with SAML (CorpAD)',
  goal: 'Let employees sign in to the app with their corporate accounts: the user pool trusts CorpAD as a SAML 2.0 identity provider and turns its signed assertion into the pool\'s own tokens.',
  level: 'advanced',
  services: ['Hosted UI', 'Federation', 'User pool'],
  minutes: 12,
  seed: 733,
  startTime: SCENARIO_START,
  outcome: 'Carol signed in with her CorpAD password at CorpAD only; the user pool checked the signed SAML assertion and gave the app tokens for CorpAD_carol.corp, whose identities claim names the SAML provider CorpAD and its entity ID.',
  check: (last) => {
    if (last.operation !== 'POST /oauth2/token' || last.response.status !== 200) return false;
    const token = responseJson(last).id_token;
    const claims = typeof token === 'string' ? decodeJwt(token)?.payload : undefined;
    const identities = claims?.identities as { providerType?: string; issuer?: string }[] | undefined;
    return claims?.['cognito:username'] === 'CorpAD_carol.corp' && identities?.[0]?.providerType === 'SAML' && identities[0].issuer === CORP_AD_DEMO.entityId;
  },
  async script(ctx) {
    const pool = ctx.world.userPools[0]!;
    const web = pool.clients.find((c) => c.name === 'web')!;
    const domain = `https://${pool.domain}.auth.${ctx.world.region}.amazoncognito.com`;
    const b = ctx.browser;
    const challenge = toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(VERIFIER) as Uint8Array<ArrayBuffer>)));
    const authorizeUrl = `${domain}/oauth2/authorize?${new URLSearchParams({ response_type: 'code', client_id: web.clientId, redirect_uri: CALLBACK, scope: 'openid email profile', state: 'saml-733', identity_provider: 'CorpAD', code_challenge: challenge, code_challenge_method: 'S256' }).toString()}`;

    const authorize = await ctx.step(
      {
        title: 'Authorize with identity_provider=CorpAD',
        narration:
          'The app sends Carol\'s browser to the hosted UI\'s /oauth2/authorize with identity_provider=CorpAD, so the hosted UI skips its own login page. The user pool is the SAML service provider here: the first time it uses CorpAD it reads CorpAD\'s metadata (the nested request), which gives the sign-in URL and the certificate that must sign every assertion. It parks the app\'s request under a RelayState and redirects to CorpAD with an AuthnRequest (its own ID, Issuer urn:amazon:cognito:sp:<pool id>, "answer at /saml2/idpresponse"), deflated and base64-encoded in the URL: the HTTP-Redirect binding.',
        examTip: '"Users sign in with their corporate (Active Directory / ADFS) credentials using SAML 2.0" to a web or mobile app → add the SAML IdP to a Cognito user pool. The app only ever sees the user pool\'s JWTs.',
      },
      () => b.request(authorizeUrl),
    );
    const signInPage = await ctx.step(
      { title: 'CorpAD\'s sign-in page', narration: 'The browser follows the redirect to CorpAD. CorpAD decodes the AuthnRequest, finds a relying party trust for this user pool\'s entity ID and its assertion consumer service URL, and shows the corporate sign-in page. The corporate password is typed here, at CorpAD: the user pool never sees it.' },
      () => b.follow(authorize),
    );
    const signInForm = readForm(await signInPage.text(), b.urlOf(signInPage));
    const answered = await ctx.step(
      {
        title: 'Sign in at CorpAD',
        narration:
          'Carol signs in as carol.corp. CorpAD writes a SAML Response holding one Assertion: Issuer is CorpAD\'s entity ID, the NameID is carol.corp, the bearer confirmation names the pool\'s ACS and the AuthnRequest ID, the Conditions allow five minutes for the audience urn:amazon:cognito:sp:<pool id> only, and the attributes (e-mail, name, department, groups) are named by claim URIs. It signs the assertion with XML Signature (exclusive C14N, RSA-SHA256, SHA-256 digest) and answers with a form that posts itself to the user pool: the HTTP-POST binding.',
      },
      () => post(ctx, signInForm.action, { ...signInForm.hidden, UserName: CORP_AD_DEMO.username, Password: CORP_AD_DEMO.password }),
    );
    const samlForm = readForm(await answered.text(), b.urlOf(answered));
    const back = await ctx.step(
      {
        title: 'The assertion reaches /saml2/idpresponse',
        narration:
          'The browser posts SAMLResponse and RelayState to the pool\'s /saml2/idpresponse. The user pool checks the signature against the certificate from CorpAD\'s metadata (not the one inside the message), that the response answers its own AuthnRequest and only once, that it is addressed to this ACS and this user pool, and that the five minutes are not over. Then the NameID becomes the user CorpAD_carol.corp (status EXTERNAL_PROVIDER), the attribute mapping copies the claim URIs into email, name, custom:department and custom:groups, and the browser goes back to the app with a one-time code.',
        examTip: 'Two SAML paths on the exam: a Cognito user pool SAML IdP gives app users JWTs; an identity pool (or IAM SAML federation with AssumeRoleWithSAML) gives temporary AWS credentials. For employees signing in to the AWS console or many AWS accounts, the answer is IAM Identity Center, not Cognito.',
      },
      () => post(ctx, samlForm.action, samlForm.hidden),
    );
    const code = new URL(back.headers.get('location') ?? CALLBACK).searchParams.get('code') ?? '';
    await ctx.step(
      {
        title: 'Exchange the code for tokens',
        narration: 'The app posts the code with its PKCE code_verifier to /oauth2/token and gets the user pool\'s ID, access and refresh tokens. The ID token\'s identities claim says how Carol signed in: providerName CorpAD, providerType SAML, issuer = CorpAD\'s entity ID, userId = the NameID. From here the app treats her like any other user pool user.',
        examTip: 'Federated users are still user pool users: groups, the pre-token-generation trigger, API Gateway\'s Cognito authorizer and identity pools all work on the same tokens.',
      },
      () => ctx.fetch(new Request(`${domain}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'authorization_code', client_id: web.clientId, code, redirect_uri: CALLBACK, code_verifier: VERIFIER }).toString() }), { from: 'app' }),
    );
  },
};
