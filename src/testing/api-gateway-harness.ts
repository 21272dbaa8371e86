// A learner's-eye harness for API Gateway: the identity-pool lab (sign-in, identity-pool credentials through
// the real SDK) plus calls to NotesApi and NotesHttpApi as a browser or an app makes them, requests signed by
// the AWS SDK's own SigV4 signer (@smithy/signature-v4), and ways to read the trace (the gateway's notes,
// the nested Lambda invocation and the event it carried).
import { SignJWT } from 'jose';
import { internalsOf, type Exchange, type Note } from '../sim/index';
import { smithySign } from '../sim/sigv4/smithy-oracle.testkit';
import { identityLab } from './identity-pool-harness';

export { START, MINUTE, HOUR, worldWith, claimsOf } from './identity-pool-harness';

export interface ApiAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown> | null;
}

async function answer(response: Response): Promise<ApiAnswer> {
  const text = await response.text();
  let json: Record<string, unknown> | null;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export interface AwsKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export async function gatewayLab(options: Parameters<typeof identityLab>[0] = {}) {
  const lab = await identityLab(options);
  const { sim } = lab;
  const summary = sim.describe();
  const rest = summary.restApis[0]!;
  const http = summary.httpApis[0]!;
  const poolInternals = () => internalsOf(sim).env.pools.get(lab.userPoolId)!;

  const gateway = {
    ...lab,
    restUrl: rest.invokeUrl,
    restApiId: rest.id,
    httpUrl: http.apiEndpoint,
    httpApiId: http.id,
    /** A GET (or any method) to a full URL, from the learner's app. */
    async fetch(url: string, init: RequestInit = {}): Promise<ApiAnswer> {
      return answer(await sim.fetch(new Request(url, init), { from: 'app' }));
    },
    /** GET {invokeUrl}{path} on NotesApi. */
    rest: (path: string, headers: Record<string, string> = {}) => gateway.fetch(`${rest.invokeUrl}${path}`, { headers }),
    /** GET {apiEndpoint}{path} on NotesHttpApi. */
    http: (path: string, headers: Record<string, string> = {}) => gateway.fetch(`${http.apiEndpoint}${path}`, { headers }),
    /** GET on NotesApi signed by @smithy/signature-v4 for execute-api, at the virtual time unless told otherwise. */
    async signedRest(path: string, keys: AwsKeys, signingDate = new Date(sim.clock.now())): Promise<ApiAnswer> {
      const url = new URL(`${rest.invokeUrl}${path}`);
      const signed = await smithySign(
        { method: 'GET', hostname: url.hostname, path: url.pathname, headers: { 'user-agent': 'notes-app/1.0' } },
        { service: 'execute-api', region: summary.region, accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey, ...(keys.sessionToken ? { sessionToken: keys.sessionToken } : {}), signingDate, applyChecksum: false },
      );
      const headers = new Headers();
      for (const [name, value] of Object.entries(signed.headers)) if (name !== 'host') headers.set(name, value);
      return gateway.fetch(signed.url, { headers });
    },
    /**
     * An access token as the hosted UI's token endpoint issues it (scope holding custom scopes, version 2),
     * signed with the pool's access-token key: API sign-ins only ever get aws.cognito.signin.user.admin.
     */
    async oauthAccessToken(username: string, scopes: string[], clientName = 'web'): Promise<string> {
      const pool = poolInternals();
      const user = pool.users.get(username.toLowerCase())!;
      const client = [...pool.clients.values()].find((c) => c.clientName === clientName)!;
      const key = await internalsOf(sim).env.keys.get(pool.id)!.get('access');
      const iat = Math.floor(sim.clock.now() / 1000);
      const claims = {
        sub: user.sub,
        iss: `https://cognito-idp.${summary.region}.amazonaws.com/${pool.id}`,
        version: 2,
        client_id: client.clientId,
        token_use: 'access',
        scope: scopes.join(' '),
        auth_time: iat,
        exp: iat + 3600,
        iat,
        jti: `jti-${iat}-${username}`,
        username: user.username,
      };
      return new SignJWT(claims).setProtectedHeader({ kid: key.kid, alg: 'RS256' }).sign(key.privateKey);
    },
    /** The last request API Gateway answered (the exchange to 'api-gateway'). */
    lastGatewayExchange: (): Exchange => sim.trace().filter((e) => e.to === 'api-gateway').at(-1)!,
    notesOf: (exchange: Exchange, kind: Note['kind']) => exchange.notes.filter((n) => n.kind === kind),
    /** The Lambda invocations made while handling an exchange, with the event each carried. */
    invocationsUnder(exchange: Exchange): { exchange: Exchange; functionName: string; event: Record<string, unknown> }[] {
      return sim
        .trace()
        .filter((e) => e.parentId === exchange.id && e.to === 'lambda')
        .map((e) => ({ exchange: e, functionName: decodeURIComponent(/functions\/([^/]+)\/invocations/.exec(e.request.url)![1]!), event: JSON.parse(e.request.body ?? '{}') as Record<string, unknown> }));
    },
    /** The body of the response as the JSON object a handler answered. */
    bodyOf: (a: ApiAnswer) => a.json as Record<string, unknown>,
  };
  return gateway;
}

export type GatewayLab = Awaited<ReturnType<typeof gatewayLab>>;

/** Re-signs nothing: changes one character in the middle of the payload, as a tamperer would. */
export function tamper(token: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  claims['cognito:username'] = 'mallory';
  claims.username = 'mallory';
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}
