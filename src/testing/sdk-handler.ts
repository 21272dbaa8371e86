// Drives the simulator with the real AWS SDK for JavaScript v3: a request handler that turns the SDK's
// HttpRequest into a WHATWG Request, hands it to sim.fetch and returns the SDK's HttpResponse.
import { HttpResponse, type HttpRequest } from '@smithy/protocol-http';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { STSClient } from '@aws-sdk/client-sts';
import type { Simulator } from '../sim/index';

export function simulatorHandler(sim: Pick<Simulator, 'fetch'>) {
  return {
    async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
      const query = new URLSearchParams();
      for (const [key, value] of Object.entries(request.query ?? {})) {
        for (const v of Array.isArray(value) ? value : [value]) if (v !== null && v !== undefined) query.append(key, v);
      }
      const port = request.port ? `:${request.port}` : '';
      const qs = query.toString();
      const url = `${request.protocol}//${request.hostname}${port}${request.path}${qs ? `?${qs}` : ''}`;
      const headers = new Headers();
      for (const [k, v] of Object.entries(request.headers)) {
        if (k.toLowerCase() === 'host' || k.toLowerCase() === 'content-length') continue;
        headers.set(k, v);
      }
      const body = request.body === undefined || request.body === null ? undefined : typeof request.body === 'string' ? request.body : new Uint8Array(request.body as ArrayBuffer) as Uint8Array<ArrayBuffer>;
      const res = await sim.fetch(new Request(url, { method: request.method, headers, ...(body !== undefined && request.method !== 'GET' ? { body } : {}) }), { from: 'app' });
      const responseHeaders: Record<string, string> = {};
      res.headers.forEach((v, k) => {
        responseHeaders[k] = v;
      });
      return { response: new HttpResponse({ statusCode: res.status, headers: responseHeaders, body: new Uint8Array(await res.arrayBuffer()) }) };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs() {
      return {};
    },
  };
}

type SdkCredentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/**
 * The SDK signs with the wall clock, the simulator checks SigV4 dates against its virtual clock (which tests
 * start wherever they like and move forward), so before each request the SDK's clock offset is set to the
 * virtual time, as its own clock-skew correction would do after a first rejected request.
 */
function followVirtualClock(sim: Simulator, client: { config: { systemClockOffset?: number }; middlewareStack: { add: (...args: never[]) => void } }) {
  // Each client's stack is typed by its own service's inputs; this middleware touches none of them.
  const add = client.middlewareStack.add.bind(client.middlewareStack) as (middleware: unknown, options: unknown) => void;
  add(
    (next: (args: unknown) => unknown) => (args: unknown) => {
      client.config.systemClockOffset = sim.clock.now() - Date.now();
      return next(args);
    },
    { step: 'initialize', name: 'virtualClockOffset' },
  );
}

/** A Cognito user-pool client whose requests go to the simulator, signed with the given (or admin) credentials. */
export function cognitoClient(sim: Simulator, credentials: SdkCredentials = sim.adminCredentials) {
  const client = new CognitoIdentityProviderClient({ region: sim.describe().region, credentials, requestHandler: simulatorHandler(sim), maxAttempts: 1 });
  followVirtualClock(sim, client);
  return client;
}

/**
 * A Cognito identity-pool client whose requests go to the simulator. GetId, GetCredentialsForIdentity and
 * GetOpenIdToken are unsigned; the administrator operations are signed with the given (or admin) credentials.
 */
export function cognitoIdentityClient(sim: Simulator, credentials: SdkCredentials = sim.adminCredentials) {
  const client = new CognitoIdentityClient({ region: sim.describe().region, credentials, requestHandler: simulatorHandler(sim), maxAttempts: 1 });
  followVirtualClock(sim, client);
  return client;
}

/** An STS client whose requests go to the simulator (AssumeRoleWithWebIdentity is unsigned). */
export function stsClient(sim: Simulator, credentials: SdkCredentials = sim.adminCredentials) {
  const client = new STSClient({ region: sim.describe().region, credentials, requestHandler: simulatorHandler(sim), maxAttempts: 1 });
  followVirtualClock(sim, client);
  return client;
}

/** A DynamoDB client whose requests go to the simulator, signed with the given (or admin) credentials. */
export function dynamoClient(sim: Simulator, credentials: SdkCredentials = sim.adminCredentials) {
  const client = new DynamoDBClient({ region: sim.describe().region, credentials, requestHandler: simulatorHandler(sim), maxAttempts: 1 });
  followVirtualClock(sim, client);
  return client;
}
