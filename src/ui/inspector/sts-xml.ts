// A tiny reader for the small XML documents STS answers with (query protocol): the text of an element
// found by its path, entities decoded. Enough for credentials and errors; not a general XML parser.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlText(text: string): string {
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(text);
  if (cdata) return cdata[1] ?? '';
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

/** The raw content of the first element named `name` (any namespace prefix) inside `xml`. */
function inner(xml: string, name: string): string | undefined {
  const open = new RegExp(`<(?:[\\w.-]+:)?${name}(?:\\s[^>]*?)?(/?)>`).exec(xml);
  if (!open) return undefined;
  if (open[1] === '/') return '';
  const start = open.index + open[0].length;
  const close = new RegExp(`</(?:[\\w.-]+:)?${name}\\s*>`).exec(xml.slice(start));
  return close ? xml.slice(start, start + close.index) : undefined;
}

/** The text of the element at `path`, e.g. ['Credentials', 'AccessKeyId'], searched at any depth for the first name. */
export function xmlText(xml: string, path: readonly string[]): string | undefined {
  let scope: string | undefined = xml;
  for (const name of path) {
    scope = inner(scope, name);
    if (scope === undefined) return undefined;
  }
  return decodeXmlText(scope.trim());
}

export interface StsCredentials {
  accessKeyId: string;
  secretAccessKey?: string;
  sessionToken?: string;
  /** As STS wrote it: ISO 8601. */
  expiration?: string;
  /** arn:aws:sts::{account}:assumed-role/{RoleName}/{session} */
  assumedRoleArn?: string;
  subject?: string;
}

/** The credentials of an AssumeRole* answer, or undefined for anything else (an ErrorResponse…). */
export function parseStsCredentials(xml: string): StsCredentials | undefined {
  const credentials = inner(xml, 'Credentials');
  if (credentials === undefined) return undefined;
  const accessKeyId = xmlText(credentials, ['AccessKeyId']);
  if (!accessKeyId) return undefined;
  const optional = (key: keyof StsCredentials, value: string | undefined) => (value === undefined ? {} : { [key]: value });
  return {
    accessKeyId,
    ...optional('secretAccessKey', xmlText(credentials, ['SecretAccessKey'])),
    ...optional('sessionToken', xmlText(credentials, ['SessionToken'])),
    ...optional('expiration', xmlText(credentials, ['Expiration'])),
    ...optional('assumedRoleArn', xmlText(xml, ['AssumedRoleUser', 'Arn'])),
    ...optional('subject', xmlText(xml, ['SubjectFromWebIdentityToken'])),
  };
}
