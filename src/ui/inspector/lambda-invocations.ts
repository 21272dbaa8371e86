// The Lambda functions API Gateway invoked while handling a request, read from the Invoke calls it made
// (POST …/2015-03-31/functions/{name}/invocations): the event each received (the request body) and what it
// answered (the response body, or the error Lambda reported in x-amz-function-error). A Lambda authorizer's
// event has a type (TOKEN or REQUEST) and a methodArn; an integration's is the proxy event.
import type { Exchange } from '../../sim/index';

export type Json = Record<string, unknown>;

const INVOCATIONS = /\/functions\/([^/]+)\/invocations$/;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function parse(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export interface FunctionError {
  errorType: string;
  errorMessage: string;
}

interface Base {
  source: Exchange;
  functionName: string;
  /** The event the function received, parsed. */
  event: Json;
  /** What the function returned, parsed; undefined when it failed. */
  result: unknown;
  error?: FunctionError;
}

export interface AuthorizerCall extends Base {
  role: 'authorizer';
  type: 'TOKEN' | 'REQUEST';
  methodArn?: string;
  /** TOKEN: the header's value, "Bearer …" and all. */
  token?: string;
}

export interface IntegrationCall extends Base {
  role: 'integration';
}

export type Invocation = AuthorizerCall | IntegrationCall;

function functionErrorOf(x: Exchange, result: unknown): FunctionError | undefined {
  const flagged = Object.keys(x.response.headers).some((k) => k.toLowerCase() === 'x-amz-function-error');
  if (!flagged && x.response.status < 400) return undefined;
  const body = isObject(result) ? result : {};
  const errorType = typeof body.errorType === 'string' ? body.errorType : typeof body.Type === 'string' ? body.Type : `HTTP ${x.response.status}`;
  const errorMessage = typeof body.errorMessage === 'string' ? body.errorMessage : typeof body.message === 'string' ? body.message : (x.response.body ?? '');
  return { errorType, errorMessage };
}

/** Each Lambda invocation among the calls, in the order made (an authorizer's comes before the integration's). */
export function findInvocations(nested: readonly Exchange[]): Invocation[] {
  const found: Invocation[] = [];
  for (const source of nested) {
    const match = INVOCATIONS.exec(source.request.url.split('?')[0] ?? '');
    if (source.to !== 'lambda' && !match) continue;
    const functionName = match?.[1] ? decodeURIComponent(match[1]) : source.operation;
    const parsed = parse(source.request.body);
    const event = isObject(parsed) ? parsed : {};
    const returned = parse(source.response.body);
    const error = functionErrorOf(source, returned);
    const base = { source, functionName, event, result: error ? undefined : returned, ...(error ? { error } : {}) };
    if (event.type === 'TOKEN' || event.type === 'REQUEST') {
      found.push({
        ...base,
        role: 'authorizer',
        type: event.type,
        ...(typeof event.methodArn === 'string' ? { methodArn: event.methodArn } : {}),
        ...(typeof event.authorizationToken === 'string' ? { token: event.authorizationToken } : {}),
      });
    } else {
      found.push({ ...base, role: 'integration' });
    }
  }
  return found;
}

export interface PolicyStatementView {
  effect: string;
  actions: string[];
  resources: string[];
}

export interface AuthorizerAnswer {
  principalId?: string;
  statements: PolicyStatementView[];
  /** The context the authorizer returned, with the types it gave them (API Gateway passes them on as strings). */
  context?: Json;
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)]);

/** The policy a Lambda authorizer returned, statement by statement; undefined when it is not an object. */
export function authorizerAnswer(result: unknown): AuthorizerAnswer | undefined {
  if (!isObject(result)) return undefined;
  const document = isObject(result.policyDocument) ? result.policyDocument : {};
  const raw = document.Statement;
  const statements = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(isObject).map((s) => ({
    effect: String(s.Effect ?? '?'),
    actions: list(s.Action),
    resources: list(s.Resource),
  }));
  return {
    ...(typeof result.principalId === 'string' ? { principalId: result.principalId } : {}),
    statements,
    ...(isObject(result.context) ? { context: result.context } : {}),
  };
}

export interface ProxyAnswer {
  statusCode?: number;
  headers?: Record<string, string>;
  body?: string;
}

/** A Lambda proxy integration's answer: the HTTP response API Gateway turns it into. */
export function proxyAnswer(result: unknown): ProxyAnswer | undefined {
  if (!isObject(result)) return undefined;
  const headers = isObject(result.headers) ? Object.fromEntries(Object.entries(result.headers).map(([k, v]) => [k, String(v)])) : undefined;
  return {
    ...(typeof result.statusCode === 'number' ? { statusCode: result.statusCode } : {}),
    ...(headers ? { headers } : {}),
    ...(typeof result.body === 'string' ? { body: result.body } : {}),
  };
}
