// The AWS JSON protocol (1.0 and 1.1): POST / with X-Amz-Target "{prefix}.{Operation}" and a JSON body.
// Success is 200 with the output as JSON; an error is 400 (or its own status) with
// {"__type": code, "message": text} and the x-amzn-ErrorType / x-amzn-ErrorMessage headers.
import { AwsError } from '../core/errors';
import { utf8 } from '../../lib/encoding';

export interface JsonProtocol {
  targetPrefix: string;
  contentType: 'application/x-amz-json-1.0' | 'application/x-amz-json-1.1';
  /** DynamoDB namespaces its error codes; Cognito sends the bare code. */
  errorNamespace?: (code: string) => string;
  /** DynamoDB writes AccessDeniedException's text as "Message". */
  messageKey?: (code: string) => 'message' | 'Message';
}

/** 1 MiB: larger bodies are refused before parsing. [U] AWS's own limit and wording differ per service. */
export const MAX_BODY_BYTES = 1024 * 1024;

export function parseJsonRequest(
  protocol: JsonProtocol,
  method: string,
  headers: Headers,
  body: Uint8Array,
): { operation: string; input: unknown } {
  const target = headers.get('x-amz-target') ?? '';
  const dot = target.lastIndexOf('.');
  if (method !== 'POST' || dot < 0 || target.slice(0, dot) !== protocol.targetPrefix || dot === target.length - 1) {
    // [U] AWS answers an unknown or missing target with UnknownOperationException and no further text.
    throw new AwsError('UnknownOperationException', '');
  }
  const operation = target.slice(dot + 1);
  if (body.length > MAX_BODY_BYTES) {
    throw new AwsError('SerializationException', 'Request body exceeds the maximum allowed size.', 413);
  }
  const text = utf8.decode(body).trim();
  if (text === '') return { operation, input: {} };
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    throw new AwsError('SerializationException', 'Unexpected character found where a JSON value was expected.');
  }
  return { operation, input };
}

export function jsonResponse(protocol: JsonProtocol, output: unknown, requestId: string): Response {
  return new Response(JSON.stringify(output ?? {}), {
    status: 200,
    headers: { 'content-type': protocol.contentType, 'x-amzn-requestid': requestId },
  });
}

export function jsonErrorResponse(protocol: JsonProtocol, error: AwsError, requestId: string): Response {
  const type = protocol.errorNamespace ? protocol.errorNamespace(error.code) : error.code;
  const messageKey = protocol.messageKey ? protocol.messageKey(error.code) : 'message';
  const body: Record<string, unknown> = { __type: type, ...(error.message ? { [messageKey]: error.message } : {}), ...error.extra };
  const headers: Record<string, string> = {
    'content-type': protocol.contentType,
    'x-amzn-requestid': requestId,
    'x-amzn-errortype': `${error.code}:`,
  };
  // Header values must be ByteStrings: keep the first line, in Latin-1.
  const headerMessage = error.message.split('\n')[0]?.replace(/[^\x20-\x7e]/g, '?') ?? '';
  if (headerMessage) headers['x-amzn-errormessage'] = headerMessage;
  return new Response(JSON.stringify(body), { status: error.status, headers });
}
