// API Gateway scenario 4: /reports uses AWS_IAM authorization: signed with identity-pool credentials, denied for guests.
import type { Scenario } from './types';
import { SCENARIO_START } from './helpers';
import { api } from './api-steps';
import { getCredentials, getId, signIn } from './identity-steps';

export const apiIamReports: Scenario = {
  id: 'api-gateway-iam-authorization',
  title: 'API Gateway with IAM authorization',
  goal: 'Call an AWS_IAM method with SigV4-signed requests: allowed for a signed-in user\'s role, denied for a guest\'s.',
  level: 'advanced',
  services: ['Identity pool', 'IAM', 'API Gateway'],
  minutes: 8,
  seed: 304,
  startTime: SCENARIO_START,
  outcome: 'Bob\'s signed request reached the Lambda with his Cognito identity in requestContext.identity; the guest\'s, signed just as well, was denied because the unauthenticated role has no execute-api:Invoke permission.',
  check: (last) => last.request.url.endsWith('/reports') && last.response.status === 403,
  async script(ctx) {
    const idToken = await signIn(ctx, 'bob', { title: 'Sign in', narration: 'Bob signs in to the user pool and receives his ID token.' });
    const bobId = await getId(ctx, idToken, { title: 'Identity', narration: 'The identity pool verifies the ID token and gives Bob his identity id.' });
    const bobKeys = await getCredentials(ctx, bobId, idToken, { title: 'Credentials', narration: 'Bob gets temporary credentials for Cognito_LearnerAuth_Role, which allows execute-api:Invoke on GET /reports.' });
    await api(ctx, {
      title: 'Signed call to /reports',
      narration: 'The app signs GET /reports with SigV4 for the execute-api service using the temporary credentials (with their session token). API Gateway verifies the signature (5-minute clock window), then asks IAM whether the role may invoke this method\'s ARN. It may, so the Lambda runs and sees Bob\'s identity id and provider in requestContext.identity.',
      examTip: 'AWS_IAM authorization: callers sign with SigV4 and IAM policies decide (execute-api:Invoke). Use it for IAM users, roles, and identity-pool credentials.',
    }, '/reports', { credentials: bobKeys });
    const guestId = await getId(ctx, undefined, { title: 'A guest', narration: 'A visitor who has not signed in gets a guest identity id.' });
    const guestKeys = await getCredentials(ctx, guestId, undefined, { title: 'Guest credentials', narration: 'The guest gets credentials for Cognito_LearnerUnauth_Role, which only reads the catalog.' });
    await api(ctx, {
      title: 'The guest calls /reports',
      narration: 'The guest signs the same request correctly, so SigV4 passes, but IAM finds no statement allowing execute-api:Invoke for the unauthenticated role: 403 with AccessDeniedException naming the role.',
    }, '/reports', { credentials: guestKeys });
  },
};
