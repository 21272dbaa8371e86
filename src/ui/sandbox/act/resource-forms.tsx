// The app reaching AWS resources: credentials from the identity pool (signed in or as a guest), the REST API's
// routes (listed from the world's config) with a token, SigV4 or nothing, and DynamoDB calls on the world's tables.
import { useState } from 'react';
import type { SandboxAction } from '../../../content/sandbox/actions';
import type { WorldConfig } from '../../../sim/world/config';
import { ActForm, SelectField, TextField } from './fields';

type Auth = Extract<SandboxAction, { kind: 'call-api' }>['auth'];
type DynamoOperation = Extract<SandboxAction, { kind: 'dynamodb' }>['operation'];

export interface ResourceFormsProps {
  busy: boolean;
  onAct(action: SandboxAction): void;
  world: WorldConfig;
  /** The session's identity id, once credentials were fetched: the partition key of one's own items. */
  identityId?: string;
}

export function CredentialsForm({ busy, onAct }: Pick<ResourceFormsProps, 'busy' | 'onAct'>) {
  const [as, setAs] = useState<'signed-in' | 'guest'>('signed-in');
  return (
    <ActForm title="Get AWS credentials" onSubmit={() => onAct({ kind: 'get-credentials', as })}>
      <SelectField
        label="As"
        value={as}
        options={[
          { value: 'signed-in', label: 'Signed-in user (ID token)' },
          { value: 'guest', label: 'Guest (no token)' },
        ]}
        onChange={setAs}
        hint="GetId, then GetCredentialsForIdentity: the identity pool picks the role."
      />
      <button type="submit" className="button" disabled={busy}>
        Get credentials
      </button>
    </ActForm>
  );
}

const AUTHS: readonly { value: Auth; label: string }[] = [
  { value: 'id-token', label: 'ID token (Authorization header)' },
  { value: 'access-token', label: 'Access token (Authorization header)' },
  { value: 'sigv4', label: 'SigV4 with the identity pool’s credentials' },
  { value: 'none', label: 'None' },
];

interface RouteChoice {
  key: string;
  method: 'GET' | 'POST';
  path: string;
  authorization: string;
  scopes?: string[];
}

/** The first REST API's GET and POST routes, as the runner calls the first API. */
export function apiRoutes(world: WorldConfig): RouteChoice[] {
  const api = world.restApis[0];
  if (!api) return [];
  return api.routes.flatMap((r) => {
    const method = r.method.toUpperCase();
    if (method !== 'GET' && method !== 'POST') return [];
    return [{ key: `${method} ${r.path}`, method, path: r.path, authorization: r.authorization, ...(r.scopes ? { scopes: r.scopes } : {}) }];
  });
}

/** The authorization a route expects, as the learner's app would send it. */
function expectedAuth(route: RouteChoice): Auth {
  switch (route.authorization) {
    case 'COGNITO_USER_POOLS':
      return route.scopes?.length ? 'access-token' : 'id-token';
    case 'AWS_IAM':
      return 'sigv4';
    default:
      return 'none';
  }
}

const AUTHORIZATION_WORDS: Record<string, string> = {
  COGNITO_USER_POOLS: 'Cognito user pool authorizer',
  AWS_IAM: 'AWS_IAM (SigV4)',
  NONE: 'open',
  CUSTOM: 'Lambda authorizer',
};

function routeLabel(route: RouteChoice): string {
  const scopes = route.scopes?.length ? `, scope ${route.scopes.join(' ')}` : '';
  return `${route.method} ${route.path} (${AUTHORIZATION_WORDS[route.authorization] ?? route.authorization}${scopes})`;
}

/** `{name}` segments of a path template. */
const parameters = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);

export function ApiForm({ busy, onAct, world }: Pick<ResourceFormsProps, 'busy' | 'onAct' | 'world'>) {
  const routes = apiRoutes(world);
  const [key, setKey] = useState(routes[0]?.key ?? '');
  const route = routes.find((r) => r.key === key) ?? routes[0];
  const [auth, setAuth] = useState<Auth>(route ? expectedAuth(route) : 'none');
  const [params, setParams] = useState<Record<string, string>>({});
  if (!route) return <p className="muted">This world has no REST API.</p>;
  const names = parameters(route.path);
  const path = route.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  return (
    <ActForm title={`Call ${world.restApis[0]!.name}`} wide onSubmit={() => onAct({ kind: 'call-api', method: route.method, path, auth })}>
      <SelectField
        label="Route"
        value={route.key}
        options={routes.map((r) => ({ value: r.key, label: routeLabel(r) }))}
        onChange={(k) => {
          setKey(k);
          const next = routes.find((r) => r.key === k);
          if (next) setAuth(expectedAuth(next));
        }}
      />
      {names.map((name) => (
        <TextField key={name} label={`Path parameter ${name}`} value={params[name] ?? ''} onChange={(v) => setParams({ ...params, [name]: v })} />
      ))}
      <SelectField label="Authorization" value={auth} options={AUTHS} onChange={setAuth} hint="Pick another than the route expects to see it refused." />
      <button type="submit" className="button" disabled={busy}>
        Send {route.method} {route.path}
      </button>
    </ActForm>
  );
}

const OPERATIONS: readonly { value: DynamoOperation; label: string }[] = [
  { value: 'GetItem', label: 'GetItem' },
  { value: 'PutItem', label: 'PutItem' },
  { value: 'Query', label: 'Query (by partition key)' },
  { value: 'DeleteItem', label: 'DeleteItem' },
];

export function DynamoForm({ busy, onAct, world, identityId }: ResourceFormsProps) {
  const [tableName, setTableName] = useState(world.tables[0]?.name ?? '');
  const [operation, setOperation] = useState<DynamoOperation>('PutItem');
  const [keys, setKeys] = useState<Record<string, string>>({});
  const [text, setText] = useState('Remember the milk');
  const table = world.tables.find((t) => t.name === tableName) ?? world.tables[0];
  if (!table) return <p className="muted">This world has no DynamoDB table.</p>;
  const pk = table.partitionKey.name;
  const sk = operation === 'Query' ? undefined : table.sortKey?.name;
  // An empty partition key is left out: the runner then uses the caller's own identity id.
  const key: Record<string, string> = {};
  if (keys[pk]?.trim()) key[pk] = keys[pk].trim();
  if (sk) key[sk] = keys[sk] ?? '';

  function submit() {
    if (operation === 'PutItem') onAct({ kind: 'dynamodb', operation, table: table!.name, item: { ...key, ...(text ? { text } : {}) } });
    else onAct({ kind: 'dynamodb', operation, table: table!.name, key });
  }

  return (
    <ActForm title="Call DynamoDB" onSubmit={submit}>
      <SelectField label="Table" value={table.name} options={world.tables.map((t) => ({ value: t.name, label: t.name }))} onChange={setTableName} />
      <SelectField label="Operation" value={operation} options={OPERATIONS} onChange={setOperation} />
      <TextField
        label={`Partition key ${pk}`}
        value={keys[pk] ?? ''}
        onChange={(v) => setKeys({ ...keys, [pk]: v })}
        hint={identityId ? `Empty: your own identity id, ${identityId}.` : 'Empty: your own identity id (get credentials first).'}
      />
      {sk && <TextField label={`Sort key ${sk}`} value={keys[sk] ?? ''} onChange={(v) => setKeys({ ...keys, [sk]: v })} />}
      {operation === 'PutItem' && <TextField label="Attribute text" value={text} onChange={setText} />}
      <button type="submit" className="button" disabled={busy}>
        Send {operation}
      </button>
    </ActForm>
  );
}

export function ResourceForms(props: ResourceFormsProps) {
  return (
    <div className="act-cards">
      <CredentialsForm {...props} />
      <ApiForm {...props} />
      <DynamoForm {...props} />
    </div>
  );
}
