// HTTP status lines as a learner reads them: the reason phrase, and what kind of outcome it is, so the
// inspector can colour it and say it in words (colour is never the only signal).

const PHRASES: Record<number, string> = {
  100: 'Continue', 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content',
  301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict',
  413: 'Content Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

export type StatusOutcome = 'success' | 'redirect' | 'client-error' | 'server-error' | 'informational';

export function reasonPhrase(status: number): string {
  return PHRASES[status] ?? '';
}

export function statusOutcome(status: number): StatusOutcome {
  if (status >= 500) return 'server-error';
  if (status >= 400) return 'client-error';
  if (status >= 300) return 'redirect';
  if (status >= 200) return 'success';
  return 'informational';
}

/** "200 OK", "400 Bad Request"; the bare number when the phrase is unknown. */
export function statusLine(status: number): string {
  const phrase = reasonPhrase(status);
  return phrase ? `${status} ${phrase}` : String(status);
}

export const OUTCOME_WORDS: Record<StatusOutcome, string> = {
  success: 'success',
  redirect: 'redirect',
  'client-error': 'refused',
  'server-error': 'server error',
  informational: 'informational',
};
