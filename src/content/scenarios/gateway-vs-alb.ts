// Scenario: the same user reaches an app behind API Gateway and behind an ALB — when to choose which.
import { readForm } from '../../client/html-form';
import type { Scenario } from './types';
import { responseJson, SCENARIO_START } from './helpers';
import { DEMO } from './demo-users';
import { api, signInForTokens } from './api-steps';

export const gatewayVsAlb: Scenario = {
  id: 'api-gateway-versus-alb',
  title: 'API Gateway or ALB?',
  goal: 'Reach the same user\'s profile through API Gateway (the app sends a token) and through an ALB (the load balancer signs the user in), and learn when each fits.',
  level: 'intermediate',
  services: ['API Gateway', 'ALB', 'Hosted UI', 'User pool'],
  minutes: 9,
  seed: 308,
  startTime: SCENARIO_START,
  outcome: 'Both paths identified Alice: API Gateway by validating the JWT her app attached, the ALB by running the hosted UI sign-in itself and handing the app signed x-amzn-oidc-* headers.',
  check: (last) => last.request.url.endsWith('/app/home') && last.response.status === 200 && responseJson(last).signedIn === true,
  async script(ctx) {
    const tokens = await signInForTokens(ctx, 'alice', DEMO.alice.password, {
      title: 'API path: sign in in the app',
      narration: 'With API Gateway, the client app does the sign-in itself (here InitiateAuth; often the hosted UI or Amplify) and holds the tokens.',
    });
    await api(ctx, {
      title: 'API path: call with the token',
      narration: 'The app attaches the ID token to each API call; the Cognito authorizer validates it and the Lambda receives the claims. Good for APIs called by SPAs and mobile apps, with per-method authorizers, throttling and usage plans.',
      examTip: 'API Gateway: REST/HTTP APIs, token- or IAM-based auth per method, throttling, usage plans, caching. ALB: web apps on EC2/ECS/Lambda that should not handle sign-in themselves.',
    }, '/profile', { token: tokens.IdToken });

    const b = ctx.browser;
    const alb = `https://${ctx.world.loadBalancers[0]!.dnsName}`;
    const first = await ctx.step(
      { title: 'ALB path: open the app', narration: 'With an ALB, the browser just opens the page. The load balancer sees no session cookie and redirects to the hosted UI: the app itself contains no sign-in code.' },
      () => b.request(`${alb}/app/home`),
    );
    const authorize = await ctx.step({ title: 'ALB path: authorize', narration: 'The hosted UI\'s /oauth2/authorize sees no Cognito session and sends the browser to its login page.' }, () => b.follow(first));
    const loginPage = await ctx.step({ title: 'ALB path: login page', narration: 'The hosted UI serves the sign-in form on the user pool\'s domain.' }, () => b.follow(authorize));
    const form = readForm(await loginPage.text(), b.urlOf(loginPage));
    const afterLogin = await ctx.step(
      { title: 'ALB path: sign in', narration: 'Alice signs in on the hosted UI, which redirects to the ALB\'s /oauth2/idpresponse with a code.' },
      () => b.request(form.action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...form.hidden, username: DEMO.alice.username, password: DEMO.alice.password }).toString() }),
    );
    const callback = await ctx.step(
      { title: 'ALB path: the ALB redeems the code', narration: 'The load balancer redeems the code with the client secret it holds (nested calls), sets its encrypted session cookie and sends the browser back to the page.' },
      () => b.follow(afterLogin),
    );
    await ctx.step(
      {
        title: 'ALB path: the app receives the user',
        narration: 'The request reaches the app with x-amzn-oidc-accesstoken, x-amzn-oidc-identity and x-amzn-oidc-data, which the app verifies with the ALB\'s public key. The browser never held a token: the session is a cookie.',
      },
      () => b.follow(callback),
    );
  },
};
