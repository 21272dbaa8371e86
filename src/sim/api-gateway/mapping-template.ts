// A small part of API Gateway's mapping templates (Velocity), enough for a service integration's request:
// $input.params('name') (a path, query-string or header parameter, in that order) and $context.<path>
// (requestId, stage, identity.sourceIp, authorizer.claims.sub, …). Values are escaped for a JSON string,
// since templates write them inside quotes. Anything else is left as written.

export interface TemplateInput {
  pathParameters: Record<string, string>;
  query: URLSearchParams;
  headers: Headers;
  context: Record<string, unknown>;
}

const jsonEscape = (value: string) => JSON.stringify(value).slice(1, -1);

function lookup(context: Record<string, unknown>, path: string): string {
  let value: unknown = context;
  for (const key of path.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value === undefined || value === null ? '' : String(value);
}

export function renderTemplate(template: string, input: TemplateInput): string {
  return template
    .replace(/\$input\.params\('([^']+)'\)/g, (_match, name: string) => jsonEscape(input.pathParameters[name] ?? input.query.get(name) ?? input.headers.get(name) ?? ''))
    .replace(/\$context\.([A-Za-z0-9_.:-]+)/g, (_match, path: string) => jsonEscape(lookup(input.context, path)));
}
