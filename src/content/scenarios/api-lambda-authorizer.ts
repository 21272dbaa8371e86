// API Gateway scenario 5: a Lambda (TOKEN) authorizer, its Allow and Deny policies, and its cache.
import type { Scenario } from './types';
import { SCENARIO_START } from './helpers';
import { api } from './api-steps';

export const apiLambdaAuthorizer: Scenario = {
  id: 'api-gateway-lambda-authorizer',
  title: 'A Lambda authorizer',
  goal: 'Protect a method with your own token logic in a Lambda authorizer, and watch API Gateway cache its answer.',
  level: 'advanced',
  services: ['API Gateway'],
  minutes: 5,
  seed: 305,
  startTime: SCENARIO_START,
  outcome: 'The partner-authorizer allowed "allow-acme" (and API Gateway reused that decision from its cache on the second call) and denied "deny-globex" with 403.',
  check: (last) => last.request.url.endsWith('/partner') && last.response.status === 403,
  async script(ctx) {
    await api(ctx, {
      title: 'Allowed partner',
      narration: 'A partner calls GET /partner with "Bearer allow-acme". The method uses a TOKEN Lambda authorizer: API Gateway invokes the partner-authorizer function with the token and the method ARN (nested), and it returns an IAM policy allowing execute-api:Invoke. Then the backend Lambda runs.',
      examTip: 'Lambda authorizers are for custom or third-party tokens (or request parameters): your function returns an IAM policy, and API Gateway caches it for the TTL.',
    }, '/partner', { token: 'Bearer allow-acme' });
    await api(ctx, {
      title: 'Same token again',
      narration: 'The same token a moment later: the decision is cached for five minutes per token, so API Gateway does not invoke the authorizer again, only the backend.',
    }, '/partner', { token: 'Bearer allow-acme' });
    await api(ctx, {
      title: 'Denied partner',
      narration: 'Another partner sends "Bearer deny-globex". The authorizer returns a policy with an explicit Deny, and API Gateway answers 403 "User is not authorized to access this resource with an explicit deny".',
    }, '/partner', { token: 'Bearer deny-globex' });
  },
};
