// Identity pool scenario 3: a guest (unauthenticated identity) reads the catalog but cannot write notes.
import type { Scenario } from './types';
import { errorType, SCENARIO_START } from './helpers';
import { dynamo, getCredentials, getId } from './identity-steps';

export const guestCatalog: Scenario = {
  id: 'identity-pool-guest',
  title: 'Guests: read the catalog, nothing more',
  goal: 'Get guest credentials from an identity pool with no sign-in, read the public catalog, and be refused a write.',
  level: 'basic',
  services: ['Identity pool', 'IAM', 'DynamoDB'],
  minutes: 5,
  seed: 203,
  startTime: SCENARIO_START,
  outcome: 'The guest read a catalog item, but the PutItem into Notes was denied: the unauthenticated role allows only reading the catalog.',
  check: (last) => last.operation === 'PutItem' && last.response.status === 400 && errorType(last)?.endsWith('AccessDeniedException') === true,
  async script(ctx) {
    const identityId = await getId(ctx, undefined, {
      title: 'A guest identity',
      narration: 'A visitor who has not signed in: the app calls GetId with no Logins. The identity pool allows unauthenticated identities, so it creates a guest identity id.',
      examTip: 'Identity pools can give guests (unauthenticated identities) limited AWS access, e.g. to read public content.',
    });
    const credentials = await getCredentials(ctx, identityId, undefined, {
      title: 'Guest credentials',
      narration: 'GetCredentialsForIdentity with no login returns credentials for the unauthenticated role, Cognito_LearnerUnauth_Role, further limited by the identity pool\'s guest scope-down session policy.',
    });
    await dynamo(ctx, credentials, 'GetItem', { TableName: 'Catalog', Key: { sku: { S: 'BOOK-001' } } }, {
      title: 'Read the catalog',
      narration: 'The guest reads a catalog item. The unauthenticated role allows dynamodb:GetItem on the Catalog table, so DynamoDB returns it.',
    });
    await dynamo(ctx, credentials, 'PutItem', { TableName: 'Notes', Item: { ownerId: { S: identityId }, noteId: { S: 'spam' }, text: { S: 'hello' } } }, {
      title: 'Try to write a note',
      narration: 'The guest tries to write into Notes. No statement of the unauthenticated role mentions the Notes table, so the request is implicitly denied.',
    });
  },
};
