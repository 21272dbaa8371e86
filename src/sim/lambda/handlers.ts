// The built-in Lambda handlers a world chooses by name: pure functions of (event, context) that return the
// function's result or throw, as a Node.js handler does. They are small on purpose: each shows what a real
// function receives from API Gateway (claims, identity, scopes) and what it must answer (a proxy response,
// or an authorizer's IAM policy). The user pool's trigger handlers live in ./trigger-handlers.ts.
import type { LambdaHandlerName } from '../world/api-config';
import { TRIGGER_HANDLERS } from './trigger-handlers';

export interface LambdaContext {
  functionName: string;
  invokedFunctionArn: string;
  awsRequestId: string;
  /** Virtual time of the invocation, epoch ms. */
  now: number;
  /** The function's settings from the world (its environment variables, as it were). */
  settings: Readonly<Record<string, string>>;
}

export type LambdaHandler = (event: unknown, context: LambdaContext) => unknown;

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});

const proxyResponse = (statusCode: number, body: unknown) => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** The authorizer data a proxy event carries: REST (v1) requestContext.authorizer, HTTP API (v2) requestContext.authorizer.jwt. */
function authorizerOf(event: Json): Json | null {
  const authorizer = asObject(event.requestContext).authorizer;
  return authorizer === undefined || authorizer === null ? null : asObject(authorizer);
}

function claimsOf(event: Json): Record<string, string> {
  const authorizer = authorizerOf(event) ?? {};
  const claims = authorizer.claims ?? asObject(authorizer.jwt).claims;
  return asObject(claims) as Record<string, string>;
}

/** Answers with what API Gateway told it: the authorizer's claims or context, and the caller's identity. */
const echoClaims: LambdaHandler = (rawEvent, context) => {
  const event = asObject(rawEvent);
  const requestContext = asObject(event.requestContext);
  return proxyResponse(200, {
    message: `Hello from ${context.functionName}`,
    payloadVersion: typeof event.version === 'string' ? event.version : '1.0',
    authorizer: authorizerOf(event),
    identity: requestContext.identity ?? null,
  });
};

/** Lists the caller's notes: the owner comes from the token's claims, the notes are the function's own sample data. */
const listNotes: LambdaHandler = (rawEvent) => {
  const event = asObject(rawEvent);
  const claims = claimsOf(event);
  const owner = claims['cognito:username'] ?? claims.username ?? claims.sub;
  if (owner === undefined) return proxyResponse(401, { message: 'No user in the request: is the route behind an authorizer?' });
  return proxyResponse(200, {
    owner,
    scope: claims.scope ?? null,
    notes: [
      { noteId: 'welcome', title: `Welcome, ${owner}`, text: 'This list came from a Lambda function behind API Gateway.' },
      { noteId: 'scopes', title: 'Why a scope?', text: 'GET /notes needs an access token carrying notes-api/notes.read.' },
    ],
  });
};

/**
 * The decision both authorizer handlers make from a partner key: "allow-<name>" → Allow, "deny-<name>" → Deny,
 * "fail" → a crash (API Gateway answers 500), anything else → "Unauthorized" (API Gateway answers 401).
 * The policy names the exact method ARN, as AWS's blueprint does: a cached decision then covers only that method.
 */
function decide(key: string, methodArn: string) {
  if (key === 'fail') throw new Error('The partner directory is unavailable');
  const match = /^(allow|deny)-([A-Za-z0-9_.-]{1,64})$/.exec(key);
  if (!match) throw new Error('Unauthorized');
  const [, verdict, partner] = match as unknown as [string, 'allow' | 'deny', string];
  return {
    principalId: partner,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: verdict === 'allow' ? 'Allow' : 'Deny', Resource: methodArn }],
    },
    context: { partner, tier: partner.startsWith('gold') ? 'gold' : 'standard', verified: true },
  };
}

/** TOKEN authorizer: reads event.authorizationToken, "Bearer <partner key>". */
const tokenAuthorizer: LambdaHandler = (rawEvent) => {
  const event = asObject(rawEvent);
  const token = typeof event.authorizationToken === 'string' ? event.authorizationToken : '';
  return decide(token.replace(/^Bearer /, ''), String(event.methodArn ?? ''));
};

/** REQUEST authorizer: reads the x-partner-key header of the request event. */
const requestAuthorizer: LambdaHandler = (rawEvent) => {
  const event = asObject(rawEvent);
  const headers = asObject(event.headers) as Record<string, string>;
  const key = Object.entries(headers).find(([name]) => name.toLowerCase() === 'x-partner-key')?.[1] ?? '';
  return decide(key, String(event.methodArn ?? ''));
};

export const BUILT_IN_HANDLERS: { readonly [K in LambdaHandlerName]: LambdaHandler } = {
  'echo-claims': echoClaims,
  'list-notes': listNotes,
  'token-authorizer': tokenAuthorizer,
  'request-authorizer': requestAuthorizer,
  ...TRIGGER_HANDLERS,
};
