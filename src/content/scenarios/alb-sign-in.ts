// ALB scenario: authenticate-cognito end to end — every browser hop a step — and the target verifying
// the x-amzn-oidc-data the load balancer signed.
import { readForm } from '../../client/html-form';
import type { Scenario } from './types';
import { responseJson, SCENARIO_START } from './helpers';
import { DEMO } from './demo-users';

export const albSignIn: Scenario = {
  id: 'alb-authenticate-cognito',
  title: 'An ALB signs users in with Cognito',
  goal: 'Follow the browser through the load balancer\'s authenticate-cognito action: hosted UI, code, cookies, and the signed headers the app receives.',
  level: 'advanced',
  services: ['ALB', 'Hosted UI', 'User pool'],
  minutes: 8,
  seed: 307,
  startTime: SCENARIO_START,
  outcome: 'The app behind the load balancer received Alice\'s identity in x-amzn-oidc-* headers and verified the ALB\'s ES256 signature on x-amzn-oidc-data, without a line of sign-in code of its own.',
  check: (last) => last.request.url.endsWith('/app/home') && last.response.status === 200 && responseJson(last).signedIn === true,
  async script(ctx) {
    const alb = `https://${ctx.world.loadBalancers[0]!.dnsName}`;
    const b = ctx.browser;
    const first = await ctx.step(
      {
        title: 'Open the app',
        narration: 'Alice opens https://…/app/home. The listener rule for /app/* has an authenticate-cognito action and she has no session cookie, so the ALB answers 302 to the user pool\'s hosted UI /oauth2/authorize, with its own callback /oauth2/idpresponse and a state that remembers where she was going.',
        examTip: '"Authenticate users at the load balancer without changing the app" → ALB listener rule with authenticate-cognito (or authenticate-oidc). HTTPS listeners only.',
      },
      () => b.request(`${alb}/app/home`),
    );
    const authorize = await ctx.step(
      { title: 'Hosted UI: authorize', narration: 'The browser follows the redirect to the hosted UI. Alice has no Cognito session yet, so /oauth2/authorize sends her to its login page.' },
      () => b.follow(first),
    );
    const loginPage = await ctx.step(
      { title: 'The login page', narration: 'The hosted UI serves its sign-in form: an HTML page hosted by Cognito on the pool\'s domain, so the app never sees the password.' },
      () => b.follow(authorize),
    );
    const form = readForm(await loginPage.text(), b.urlOf(loginPage));
    const afterLogin = await ctx.step(
      {
        title: 'Sign in',
        narration: 'Alice submits her username and password. The hosted UI checks them (the same lockout and error rules as the API), sets its own session cookie and redirects to the ALB\'s /oauth2/idpresponse with a one-time authorization code.',
      },
      () => b.request(form.action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...form.hidden, username: DEMO.alice.username, password: DEMO.alice.password }).toString() }),
    );
    const callback = await ctx.step(
      {
        title: 'The ALB redeems the code',
        narration: 'The browser brings the code to the ALB. The ALB itself (nested calls) redeems it at the token endpoint with the alb client\'s secret, checks the ID token, and calls /oauth2/userInfo. It then sets the AWSELBAuthSessionCookie-0 cookie (encrypted; split into -1, -2… when large) and redirects back to /app/home.',
      },
      () => b.follow(afterLogin),
    );
    await ctx.step(
      {
        title: 'The app receives the user',
        narration: 'With the session cookie, the ALB forwards the request to the target, adding x-amzn-oidc-accesstoken (Cognito\'s access token), x-amzn-oidc-identity (the user\'s sub) and x-amzn-oidc-data (the user\'s claims in a JWT the ALB signs with ES256). The target fetches the ALB\'s public key by kid (nested) and verifies the signature, signer, client, issuer and expiry.',
        examTip: 'Behind an ALB the app must verify x-amzn-oidc-data itself (ES256, key from public-keys.auth.elb.{region}.amazonaws.com) and should only accept traffic from the ALB.',
      },
      () => b.follow(callback),
    );
    await ctx.step(
      {
        title: 'Later requests ride the cookie',
        narration: 'Alice reloads the page: the session cookie is enough, no redirect, no sign-in. The ALB keeps no session table of its own; the encrypted cookie is the session, valid for the rule\'s SessionTimeout.',
      },
      () => b.request(`${alb}/app/home`),
    );
  },
};
