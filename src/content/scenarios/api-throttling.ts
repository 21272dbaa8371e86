// API Gateway scenario 6: throttling with a token bucket (rate and burst) and 429 Too Many Requests.
import type { Scenario } from './types';
import { SCENARIO_START } from './helpers';
import { api } from './api-steps';

export const apiThrottling: Scenario = {
  id: 'api-gateway-throttling',
  title: 'Throttling: 429 Too Many Requests',
  goal: 'Exceed a method\'s rate and burst limits and see API Gateway answer 429, then recover when the bucket refills.',
  level: 'basic',
  services: ['API Gateway', 'DynamoDB'],
  minutes: 4,
  seed: 306,
  startTime: SCENARIO_START,
  outcome: 'The third call in the same instant was throttled with 429; two seconds later the bucket had refilled and the call went through again.',
  check: (last) => last.request.url.endsWith('/catalog') && last.response.status === 200,
  async script(ctx) {
    await api(ctx, {
      title: 'First call',
      narration: 'GET /catalog is open but throttled to 1 request per second with a burst of 2. The first call takes a token from the bucket; API Gateway reads the Catalog table through its DynamoDB service integration (nested, signed with the integration\'s role).',
      examTip: 'API Gateway throttles with a token bucket: the rate refills it, the burst is its size. Over the limit the client gets 429 and should retry with backoff; usage plans set per-client limits.',
    }, '/catalog');
    await api(ctx, { title: 'Second call', narration: 'A second call in the same instant uses the second token of the burst, and is answered normally.' }, '/catalog');
    await api(ctx, { title: 'Third call', narration: 'A third call in the same instant finds the bucket empty: 429 {"message":"Too Many Requests"}, and the integration is never called.' }, '/catalog');
    ctx.advance(2_000);
    await api(ctx, { title: 'Two seconds later', narration: 'Two seconds later the bucket has refilled at one token per second, and the call succeeds again.' }, '/catalog');
  },
};
