// A service calling a Lambda function: the Invoke request goes through the router, so the invocation (and the
// event sent) appears in the trace as an exchange nested under the caller's, from the caller to 'lambda'.
import type { ServiceContext } from '../core/router';

export type InvokeOutcome =
  /** The function returned: its result, parsed from JSON. */
  | { kind: 'result'; payload: unknown }
  /** The function threw: Lambda's error payload ({errorType, errorMessage, trace}). */
  | { kind: 'function-error'; errorType: string; errorMessage: string }
  /** Invoke itself failed (no such function, refused): its status and body. */
  | { kind: 'invoke-error'; status: number; body: string };

export async function invokeFunction(call: Pick<ServiceContext, 'fetch'>, region: string, functionName: string, event: unknown): Promise<InvokeOutcome> {
  const url = `https://lambda.${region}.amazonaws.com/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`;
  const response = await call.fetch(
    new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-amz-invocation-type': 'RequestResponse' },
      body: JSON.stringify(event),
    }),
  );
  const body = await response.text();
  if (response.status !== 200) return { kind: 'invoke-error', status: response.status, body };
  const payload: unknown = body === '' ? null : JSON.parse(body);
  if (response.headers.has('x-amz-function-error')) {
    const error = (payload ?? {}) as { errorType?: unknown; errorMessage?: unknown };
    return { kind: 'function-error', errorType: String(error.errorType ?? 'Error'), errorMessage: String(error.errorMessage ?? '') };
  }
  return { kind: 'result', payload };
}
