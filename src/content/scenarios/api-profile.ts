// API Gateway scenario 1: call /profile with the ID token; the Cognito authorizer checks it, the Lambda
// receives the claims.
import type { Scenario } from './types';
import { SCENARIO_START } from './helpers';
import { DEMO } from './demo-users';
import { api, signInForTokens } from './api-steps';

export const apiProfile: Scenario = {
  id: 'api-gateway-cognito-authorizer',
  title: 'API Gateway with a Cognito authorizer',
  goal: 'Call a REST API method protected by a Cognito user pool authorizer with the ID token, and see the claims the Lambda receives.',
  level: 'intermediate',
  services: ['User pool', 'API Gateway'],
  minutes: 5,
  seed: 301,
  startTime: SCENARIO_START,
  outcome: 'API Gateway verified Alice\'s ID token against the user pool\'s keys and passed her claims to the Lambda function, which answered 200; without a token the same call was refused with 401.',
  check: (last) => last.request.url.endsWith('/profile') && last.response.status === 200,
  async script(ctx) {
    await api(ctx, {
      title: 'No token',
      narration: 'The app calls GET /profile on NotesApi without a token. The method uses a Cognito user pool authorizer, so API Gateway answers 401 {"message":"Unauthorized"} before anything runs.',
      examTip: 'To protect a REST API with user sign-in, attach a Cognito user pool authorizer: API Gateway validates the JWT itself, no code needed.',
    }, '/profile');
    const tokens = await signInForTokens(ctx, 'alice', DEMO.alice.password, { title: 'Sign in', narration: 'Alice signs in to the user pool and gets her ID and access tokens.' });
    await api(ctx, {
      title: 'Call with the ID token',
      narration: 'The app sends the ID token in the Authorization header. The authorizer fetches the pool\'s JWKS (nested), checks the signature, the issuer, the expiry and the audience, then invokes the Lambda with the claims in requestContext.authorizer.claims, every value a string, cognito:groups comma-separated. Open the Gateway tab.',
    }, '/profile', { token: tokens.IdToken });
  },
};
