// The AWS Query protocol as STS speaks it (aws-behaviour.md §1.3): form-encoded parameters (POST body or
// query string), XML answers in the 2011-06-15 namespace, and errors as <ErrorResponse> with Type, Code,
// Message and the RequestId.
import { utf8 } from '../../lib/encoding';
import type { AwsError } from '../core/errors';

export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

export function parseQueryParams(url: URL, body: Uint8Array): Map<string, string> {
  const params = new Map<string, string>();
  for (const [key, value] of url.searchParams) params.set(key, value);
  for (const [key, value] of new URLSearchParams(utf8.decode(body))) params.set(key, value);
  return params;
}

/** Text content needs only &, < and > escaped; AWS leaves quotes as they are in messages. */
export const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export type XmlValue = string | number | { [member: string]: XmlValue | undefined };

/** Members in the order given; undefined members are left out. */
export function toXml(members: { [member: string]: XmlValue | undefined }): string {
  return Object.entries(members)
    .filter(([, v]) => v !== undefined)
    .map(([name, v]) => `<${name}>${typeof v === 'object' ? toXml(v) : escapeXml(String(v))}</${name}>`)
    .join('');
}

const xmlHeaders = (requestId: string) => ({ 'content-type': 'text/xml', 'x-amzn-requestid': requestId });

export function xmlResponse(action: string, result: { [member: string]: XmlValue | undefined }, requestId: string): Response {
  const body =
    `<${action}Response xmlns="${STS_NAMESPACE}">` +
    `<${action}Result>${toXml(result)}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
    `</${action}Response>`;
  return new Response(body, { status: 200, headers: xmlHeaders(requestId) });
}

export function xmlErrorResponse(error: AwsError, requestId: string): Response {
  const type = error.status >= 500 ? 'Receiver' : 'Sender';
  const body =
    `<ErrorResponse xmlns="${STS_NAMESPACE}">` +
    `<Error><Type>${type}</Type><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId>` +
    `</ErrorResponse>`;
  return new Response(body, { status: error.status, headers: xmlHeaders(requestId) });
}
