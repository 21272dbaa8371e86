// Identity pool scenario 5: temporary credentials expire after an hour of virtual time.
import type { Scenario } from './types';
import { HOUR, MINUTE, SCENARIO_START } from './helpers';
import { dynamo, getCredentials, getId } from './identity-steps';

export const credentialsExpire: Scenario = {
  id: 'identity-pool-credentials-expire',
  title: 'Temporary credentials expire',
  goal: 'Use temporary credentials, let an hour pass on the virtual clock, see them refused, and get fresh ones.',
  level: 'basic',
  services: ['Identity pool', 'STS', 'DynamoDB'],
  minutes: 5,
  seed: 205,
  startTime: SCENARIO_START,
  outcome: 'After the hour the old credentials were refused with ExpiredTokenException; fresh credentials from the identity pool worked again.',
  check: (last) => last.operation === 'GetItem' && last.response.status === 200,
  async script(ctx) {
    const identityId = await getId(ctx, undefined, { title: 'A guest identity', narration: 'A guest (no sign-in) asks the identity pool for an identity id, and gets a new unauthenticated one.' });
    const first = await getCredentials(ctx, identityId, undefined, {
      title: 'Credentials',
      narration: 'The guest gets temporary credentials. Their Expiration is one hour from now on the virtual clock.',
    });
    const key = { TableName: 'Catalog', Key: { sku: { S: 'MUG-042' } } };
    await dynamo(ctx, first, 'GetItem', key, { title: 'Use them', narration: 'A GetItem on the catalog, signed with the temporary credentials, is verified and allowed: it succeeds.' });
    ctx.advance(HOUR + MINUTE);
    await dynamo(ctx, first, 'GetItem', key, {
      title: 'An hour later',
      narration: 'An hour and a minute pass. The same request, signed with the same keys, is refused: DynamoDB checks the session token\'s expiry and answers ExpiredTokenException. The signature itself is still correct.',
      examTip: 'Credentials from STS last from 15 minutes to 12 hours (identity pools: 1 hour). SDKs refresh them before they expire.',
    });
    const fresh = await getCredentials(ctx, identityId, undefined, {
      title: 'Fresh credentials',
      narration: 'The app asks the identity pool again with the same identity id and gets new credentials, with a new expiry.',
    });
    await dynamo(ctx, fresh, 'GetItem', key, { title: 'Use the new ones', narration: 'With the fresh credentials the same signed GetItem is verified and allowed again, and succeeds.' });
  },
};
