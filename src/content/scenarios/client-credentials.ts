// Machine to machine: the reports-job app client authenticates as itself at the token endpoint (client credentials
// grant), gets an access token with the resource server's custom scope notes-api/notes.read, and calls the NotesApi
// with it. A public client is refused the grant, and the machine's token (an access token, never an ID token) opens
// only methods that check scopes.
import { decodeJwt } from '../../client/jwt';
import type { Scenario, ScenarioContext } from './types';
import { SCENARIO_START } from './helpers';
import { api } from './api-steps';

function tokenRequest(ctx: ScenarioContext, domain: string, body: Record<string, string>, basic?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', ...(basic ? { authorization: `Basic ${basic}` } : {}) };
  return ctx.fetch(new Request(`${domain}/oauth2/token`, { method: 'POST', headers, body: new URLSearchParams(body).toString() }), { from: 'app' });
}

export const clientCredentials: Scenario = {
  id: 'client-credentials',
  title: 'Machine to machine: the client credentials grant',
  goal: 'Give a back-end job its own access token with a custom scope, with no user involved, and call an API that checks that scope.',
  level: 'intermediate',
  services: ['Hosted UI', 'User pool', 'API Gateway'],
  minutes: 6,
  seed: 313,
  startTime: SCENARIO_START,
  outcome: 'The reports job proved who it is with its client secret, got an access token whose sub is the app client itself and whose scope is notes-api/notes.read, and GET /notes accepted it; the public web client could not use the grant at all.',
  check: (last) => {
    const claims = decodeJwt(last.request.headers.authorization ?? '')?.payload ?? {};
    return last.request.url.endsWith('/notes') && last.response.status === 200 && claims.sub === claims.client_id && claims.username === undefined;
  },
  async script(ctx) {
    const pool = ctx.world.userPools[0]!;
    const job = pool.clients.find((c) => c.name === 'reports-job')!;
    const web = pool.clients.find((c) => c.name === 'web')!;
    const domain = `https://${pool.domain}.auth.${ctx.world.region}.amazoncognito.com`;

    const described = await ctx.step(
      {
        title: 'Read the job\'s client secret',
        narration: 'The reports job is an app client of the user pool with a client secret and only one OAuth flow allowed: client_credentials, for the custom scope notes-api/notes.read of the pool\'s resource server "notes-api". An administrator reads the secret with DescribeUserPoolClient (a signed, IAM-authorised call) to hand it to the job\'s server.',
        examTip: 'Keep a client secret on a server (for example in AWS Secrets Manager), never in a browser or mobile app.',
      },
      () => ctx.idp.call<{ UserPoolClient: { ClientSecret?: string } }>('DescribeUserPoolClient', { UserPoolId: pool.id, ClientId: job.clientId }, { credentials: ctx.adminCredentials, from: 'admin' }),
    );
    const secret = described.ok ? (described.output.UserPoolClient.ClientSecret ?? '') : '';

    await ctx.step(
      {
        title: 'A public client is refused',
        narration: 'First, the web app tries the same grant. It is a public client: it has no secret, so nothing would prove the request comes from it rather than from anyone who read its client id in the page source. The token endpoint refuses with 400 unauthorized_client.',
        examTip: 'The client credentials grant needs an app client with a client secret; it returns only an access token (no ID token, no refresh token).',
      },
      () => tokenRequest(ctx, domain, { grant_type: 'client_credentials', client_id: web.clientId, scope: 'notes-api/notes.read' }),
    );

    const token = await ctx.step(
      {
        title: 'The job gets its token',
        narration: 'The job posts grant_type=client_credentials and scope=notes-api/notes.read to /oauth2/token, authenticating with Authorization: Basic base64(client_id:client_secret). No user and no browser take part. The answer is an access token only: its sub and client_id are the app client itself, it has no username, and its scope is the custom scope.',
        examTip: 'Custom scopes are defined on a resource server in the user pool (identifier/scope, e.g. notes-api/notes.read); machine clients request them with the client credentials grant.',
      },
      () => tokenRequest(ctx, domain, { grant_type: 'client_credentials', scope: 'notes-api/notes.read' }, btoa(`${job.clientId}:${secret}`)),
    );
    const accessToken = ((await token.json()) as { access_token?: string }).access_token ?? '';

    await api(ctx, {
      title: 'No ID token for /profile',
      narration: 'GET /profile has a Cognito authorizer without OAuth scopes, so it wants an ID token, and a machine never has one. The authorizer refuses the access token with 401 before the Lambda function runs.',
    }, '/profile', { token: accessToken });

    await api(ctx, {
      title: 'Call GET /notes',
      narration: 'GET /notes has the scope notes-api/notes.read on its Cognito authorizer, so it wants an access token carrying that scope. The job\'s token is signed by the pool, unexpired and carries the scope: API Gateway lets it through, and the Lambda function sees the app client\'s id as the caller.',
      examTip: 'Service-to-service calls to API Gateway: a Cognito user pool authorizer with OAuth scopes plus the client credentials grant (or IAM authorization with SigV4 for AWS workloads).',
    }, '/notes', { token: accessToken });
  },
};
