// The Gateway tab on exchanges from real simulator runs: NotesApi (REST) and NotesHttpApi called as the
// learner's app calls them, with alice in two groups so cognito:groups shows its comma-separated string.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Exchange, Note } from '../../sim/index';
import { gatewayLab, worldWith, type GatewayLab } from '../../testing/api-gateway-harness';
import { Inspector } from './inspector';

interface Run {
  exchange: Exchange;
  nested: Exchange[];
}

const runs: Record<string, Run> = {};
let lab: GatewayLab;

/** The exchange API Gateway answered last, and its direct calls (as the player hands them to the inspector). */
async function record(name: string, call: () => Promise<unknown>) {
  await call();
  const exchange = lab.lastGatewayExchange();
  runs[name] = { exchange, nested: lab.sim.trace().filter((x) => x.parentId === exchange.id) };
}

beforeAll(async () => {
  lab = await gatewayLab({ world: worldWith((_pool, world) => world.userPools[0]!.users!.find((u) => u.username === 'alice')!.groups!.push('readers')) });
  const alice = await lab.signIn('alice');
  await record('profile', () => lab.rest('/profile', { Authorization: alice.IdToken! }));
  await record('profileWithAccessToken', () => lab.rest('/profile', { Authorization: alice.AccessToken! }));
  const flow = await lab.enhancedFlow('bob');
  const c = flow.result.Credentials!;
  await record('reports', () => lab.signedRest('/reports', { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretKey!, sessionToken: c.SessionToken! }));
  await record('partner', () => lab.rest('/partner', { Authorization: 'Bearer allow-acme' }));
  await record('partnerCached', () => lab.rest('/partner', { Authorization: 'Bearer allow-acme' }));
  await record('catalog', () => lab.rest('/catalog'));
  await lab.rest('/catalog');
  await record('throttled', () => lab.rest('/catalog'));
  await record('noRoute', () => lab.rest('/nope'));
  await record('httpProfile', () => lab.http('/profile', { Authorization: `Bearer ${alice.AccessToken!}` }));
  runs.initiateAuth = { exchange: lab.lastExchange('InitiateAuth'), nested: [] };
}, 30_000);

const verifyToken = vi.fn(async () => ({ status: 'invalid' as const, reason: 'not checked here' }));

function setup(name: string) {
  const run = runs[name]!;
  const user = userEvent.setup();
  const view = render(<Inspector exchange={run.exchange} nested={run.nested} verifyToken={verifyToken} />);
  return { user, ...view };
}

const tabNames = () => within(screen.getByRole('tablist', { name: 'Inspector' })).getAllByRole('tab').map((t) => t.textContent);

async function openGateway(name: string) {
  const { user } = setup(name);
  await user.click(screen.getByRole('tab', { name: 'Gateway' }));
  return { user, panel: screen.getByRole('tabpanel', { name: 'Gateway' }) };
}

const authorizerCard = (panel: HTMLElement) => within(panel).getByRole('article', { name: /^Authorizer:/ });
const checks = (card: HTMLElement) => within(within(card).getByRole('list', { name: /^Checks/ })).getAllByRole('listitem');
const cellsOf = (table: HTMLElement, name: string | RegExp) => within(within(table).getByRole('row', { name })).getAllByRole('cell').map((c) => c.textContent);

describe('When the Gateway tab shows', () => {
  it('appears for API Gateway requests, after Items and before Decision, and not for a user-pool call', () => {
    const { rerender } = setup('initiateAuth');
    expect(tabNames()).not.toContain('Gateway');
    const show = (name: string) => rerender(<Inspector exchange={runs[name]!.exchange} nested={runs[name]!.nested} verifyToken={verifyToken} />);
    // The first /catalog call assumes the integration role (Credentials) and scans DynamoDB with it.
    show('catalog');
    expect(tabNames()).toEqual(['HTTP', 'Tokens', 'Credentials', 'Policy', 'SigV4', 'Items', 'Gateway', 'Decision']);
    show('profile');
    expect(tabNames()).toEqual(['HTTP', 'Tokens', 'Gateway', 'Decision']);
    show('throttled');
    expect(tabNames()).toEqual(['HTTP', 'Tokens', 'Gateway', 'Decision']);
  });

  it('appears for another exchange when one of its calls ran an authorizer', () => {
    const gateway = runs.profile!.exchange;
    const alb: Exchange = { ...runs.initiateAuth!.exchange, to: 'alb', request: { method: 'GET', url: 'https://learner-alb.example.com/app', headers: {} } };
    render(<Inspector exchange={alb} nested={[{ ...gateway, parentId: alb.id }]} verifyToken={verifyToken} />);
    expect(tabNames()).toContain('Gateway');
  });

  it('is reached with the arrow keys, and End then ArrowLeft lands on it', async () => {
    const { user } = setup('catalog');
    await user.tab();
    for (let i = 0; i < 6; i++) await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Gateway', selected: true })).toHaveFocus();
    expect(screen.getByRole('tabpanel', { name: 'Gateway' })).toBeVisible();
    await user.keyboard('{End}{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Gateway', selected: true })).toHaveFocus();
    expect(screen.getByRole('tabpanel', { name: 'Gateway' })).toHaveTextContent('Route');
  });
});

describe('The Cognito user pool authorizer', () => {
  it('names the route, stage and authorizer, its outcome in words, and each check with ✓ and “passed”', async () => {
    const { panel } = await openGateway('profile');
    const route = within(panel).getByRole('region', { name: 'Route' });
    expect(route).toHaveTextContent(`REST API ${lab.restApiId} in us-east-1`);
    expect(route).toHaveTextContent('RouteGET /profile');
    expect(route).toHaveTextContent('Stageprod');
    const card = authorizerCard(panel);
    expect(card).toHaveAccessibleName('Authorizer: Cognito user pool authorizer LearnerPoolAuthorizer');
    expect(card).toHaveTextContent('✔ Allowed — the request went on to the integration.');
    expect(card).toHaveTextContent('Method authorizationCOGNITO_USER_POOLS');
    const items = checks(card);
    expect(items.map((li) => li.querySelector('strong')?.textContent)).toEqual(['token in the Authorization header', 'JWT format', 'issuer (iss)', 'signing key', 'signature (RS256)', 'not expired (exp)', 'token type']);
    expect(items.every((li) => li.textContent?.startsWith('✓ passed'))).toBe(true);
    expect(card).toHaveTextContent('7 checks, none failed.');
  });

  it('marks the check that refused an access token sent where an ID token is wanted, and explains the 401', async () => {
    const { panel } = await openGateway('profileWithAccessToken');
    const card = authorizerCard(panel);
    expect(card).toHaveTextContent('✖ Refused: 401 Unauthorized');
    const last = checks(card).at(-1)!;
    expect(last).toHaveTextContent(/^✗ failed token type — token_use is access; .*refused the request$/);
    expect(card).toHaveTextContent('Refused at check 7 of 7: token type.');
    expect(within(panel).getByRole('region', { name: 'Route' })).toHaveTextContent('401 Unauthorized (gateway response UNAUTHORIZED, UnauthorizedException): the authorizer found no valid token');
    expect(within(panel).queryByRole('article', { name: /^Event / })).not.toBeInTheDocument();
  });

  it('tables the claims the Lambda received, every value a quoted string, cognito:groups comma-separated', async () => {
    const { panel } = await openGateway('profile');
    const event = within(panel).getByRole('article', { name: 'Event notes-profile received' });
    expect(event).toHaveTextContent('Every value is a string, numbers, booleans and dates included, and cognito:groups is one comma-separated string');
    const table = within(event).getByRole('table', { name: /^Claims in requestContext\.authorizer\.claims \(\d+\)$/ });
    expect(cellsOf(table, /^cognito:groups/)).toEqual(['"admins,readers"', 'a list in one string, joined by commas: 2 items (admins, readers) — split it before use']);
    expect(cellsOf(table, /^auth_time/)).toEqual(['"1767225600"', 'a number, sent as a string']);
    expect(cellsOf(table, /^email_verified/)).toEqual(['"true"', 'a boolean, sent as a string']);
    expect(cellsOf(table, /^exp/)[0]).toBe('"Thu Jan 01 01:00:00 UTC 2026"');
    const values = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[0]!.textContent!);
    expect(values.every((v) => v.startsWith('"') && v.endsWith('"'))).toBe(true);
    expect(within(event).getByRole('region', { name: 'The function’s answer' })).toHaveTextContent('statusCode200 OK');
  });
});

describe('AWS_IAM', () => {
  it('shows the SigV4 and IAM checks, then the caller API Gateway put in requestContext.identity', async () => {
    const { panel } = await openGateway('reports');
    const card = authorizerCard(panel);
    expect(card).toHaveAccessibleName('Authorizer: IAM authorization (SigV4)');
    expect(checks(card).map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^✓ passed SigV4 signature \(execute-api, 5-minute skew\) — signed with ASIA/),
      expect.stringMatching(/^✓ passed IAM: execute-api:Invoke — arn:aws:execute-api:.*\/prod\/GET\/reports: Allow$/),
    ]);
    const identity = within(panel).getByRole('table', { name: 'IAM caller in requestContext.identity' });
    const event = JSON.parse(runs.reports!.nested.find((x) => x.to === 'lambda')!.request.body!) as { requestContext: { identity: Record<string, string> } };
    const { cognitoIdentityId, cognitoAuthenticationProvider } = event.requestContext.identity;
    expect(cellsOf(identity, /^cognitoIdentityId/)[0]).toBe(`"${cognitoIdentityId}"`);
    expect(cellsOf(identity, /^cognitoAuthenticationType/)).toEqual(['"authenticated"', 'signed in through a login provider']);
    expect(cellsOf(identity, /^cognitoAuthenticationProvider/)[1]).toBe(`the login that got the credentials; the user pool user’s sub is ${cognitoAuthenticationProvider!.split(':CognitoSignIn:')[1]}`);
    expect(cellsOf(identity, /^userArn/)[0]).toBe('"arn:aws:sts::123456789012:assumed-role/Cognito_LearnerAuth_Role/CognitoIdentityCredentials"');
  });
});

describe('The Lambda authorizer', () => {
  it('shows the token it got and the policy it returned, then the context the integration received as strings', async () => {
    const { panel } = await openGateway('partner');
    expect(authorizerCard(panel)).toHaveAccessibleName('Authorizer: Lambda authorizer (TOKEN) PartnerTokenAuthorizer');
    expect(authorizerCard(panel)).toHaveTextContent('✗ miss authorizer cache');
    const asked = within(panel).getByRole('article', { name: 'Event partner-authorizer received (TOKEN authorizer)' });
    expect(asked).toHaveTextContent('authorizationTokenBearer allow-acme');
    const policy = within(asked).getByRole('region', { name: 'The policy it returned' });
    expect(policy).toHaveTextContent(`principalIdacmeAllow execute-api:Invoke on arn:aws:execute-api:us-east-1:123456789012:${lab.restApiId}/prod/GET/partner`);
    expect(cellsOf(within(policy).getByRole('table', { name: 'Context it returned' }), /^verified/)).toEqual(['true', 'a boolean: the integration receives the string "true"']);
    const event = within(panel).getByRole('article', { name: 'Event partner-data received' });
    expect(cellsOf(within(event).getByRole('table', { name: 'Authorizer context in requestContext.authorizer' }), /^verified/)[0]).toBe('"true"');
  });

  it('says when the decision came from the cache, and shows no invocation of the authorizer', async () => {
    const { panel } = await openGateway('partnerCached');
    const card = authorizerCard(panel);
    expect(card).toHaveTextContent('Cached decision. From the authorizer cache: the function was not invoked for this request');
    expect(card).toHaveTextContent(/✓ hit authorizer cache — decision cached at/);
    expect(within(panel).queryByRole('article', { name: /^Event partner-authorizer/ })).not.toBeInTheDocument();
    expect(within(panel).getAllByRole('article', { name: /^Event / })).toHaveLength(1);
    expect(within(panel).getByRole('article', { name: 'Event partner-data received' })).toBeInTheDocument();
  });

  it('does not claim a cache for a decision made afresh', async () => {
    const { panel } = await openGateway('partner');
    expect(authorizerCard(panel)).not.toHaveTextContent('Cached decision.');
    expect(authorizerCard(panel)).toHaveTextContent('DecisionDecided for this request: the function was invoked');
  });
});

describe('Gateway responses', () => {
  it('explains a throttled call in one line, with the bucket’s rate and burst, and says no authorizer ran', async () => {
    const { panel } = await openGateway('throttled');
    const route = within(panel).getByRole('region', { name: 'Route' });
    expect(route).toHaveTextContent('429 Throttled (gateway response THROTTLED, TooManyRequestsException): the method’s bucket of requests was empty');
    expect(route).toHaveTextContent('Throttling (method throttling: rate 1 requests/s, burst 2): the bucket is empty');
    expect(panel).toHaveTextContent('No authorizer ran: API Gateway throttled the request first.');
    expect(within(panel).queryByRole('region', { name: 'Integration' })).not.toBeInTheDocument();
    expect(within(panel).queryByRole('article')).not.toBeInTheDocument();
  });

  it('says no route matched for an unknown path, and what “Missing Authentication Token” really means', async () => {
    const { panel } = await openGateway('noRoute');
    const route = within(panel).getByRole('region', { name: 'Route' });
    expect(route).toHaveTextContent('Routenone matched GET /nope');
    expect(route).toHaveTextContent('403 Missing Authentication Token (gateway response MISSING_AUTHENTICATION_TOKEN, MissingAuthenticationTokenException): a REST API says this for a route or stage that does not exist');
  });

  it('says nothing of a gateway response for a success, and names the DynamoDB service integration', async () => {
    const { panel } = await openGateway('catalog');
    expect(within(panel).getByRole('region', { name: 'Route' })).not.toHaveTextContent('gateway response');
    expect(within(panel).getByRole('region', { name: 'Integration' })).toHaveTextContent('No Lambda function: API Gateway called DynamoDB itself (Scan)');
  });
});

describe('The HTTP API’s JWT authorizer', () => {
  it('shows the $default stage and the claims in requestContext.authorizer.jwt.claims, lists written as [a b]', async () => {
    const { panel } = await openGateway('httpProfile');
    expect(within(panel).getByRole('region', { name: 'Route' })).toHaveTextContent(`HTTP API ${lab.httpApiId}`);
    expect(within(panel).getByRole('region', { name: 'Route' })).toHaveTextContent('Stage$default');
    expect(authorizerCard(panel)).toHaveAccessibleName('Authorizer: JWT authorizer LearnerPoolJwt');
    const note = runs.httpProfile!.exchange.notes.find((n): n is Extract<Note, { kind: 'authorizer' }> => n.kind === 'authorizer')!;
    expect(checks(authorizerCard(panel))).toHaveLength(note.checks.length);
    const table = within(panel).getByRole('table', { name: /^Claims in requestContext\.authorizer\.jwt\.claims/ });
    expect(cellsOf(table, /^cognito:groups/)).toEqual(['"[admins readers]"', 'a list in one string, written as [a b]: 2 items (admins, readers) — split it before use']);
    expect(panel).toHaveTextContent('Payload format 2.0 (HTTP API event)');
  });
});

describe('The whole event', () => {
  it('keeps the full proxy event one click away, pretty-printed', async () => {
    const { user, panel } = await openGateway('profile');
    const summary = within(panel).getAllByText('The whole event (JSON)').at(-1)!;
    expect(summary.closest('details')).not.toHaveAttribute('open');
    await user.click(summary);
    const pre = summary.closest('details')!.querySelector('pre')!;
    expect(pre.textContent).toContain('"resourcePath": "/profile"');
    expect(pre.textContent).toContain('"cognito:groups": "admins,readers"');
  });
});
