// What every part of the CloudFormation export shares while it builds: the world, the logical ids handed out,
// the template's sections being filled, and the notes on what this world does differently on real AWS.
import type { WorldConfig } from '../../sim/index';
import { getAtt, LogicalIds, sub, type CfnParameter, type CfnResource, type CfnValue } from './cfn-intrinsics';

export interface ExportContext {
  world: WorldConfig;
  ids: LogicalIds;
  resources: Record<string, CfnResource>;
  parameters: Record<string, CfnParameter>;
  outputs: Record<string, { Description: string; Value: CfnValue }>;
  /** Differences that this world's contents bring (the general ones are added by the exporter). */
  notes: string[];
}

export const key = {
  userPool: (pool: string) => `userPool:${pool}`,
  client: (pool: string, client: string) => `client:${pool}/${client}`,
  idp: (pool: string, idp: string) => `idp:${pool}/${idp}`,
  resourceServer: (pool: string, identifier: string) => `resourceServer:${pool}/${identifier}`,
  identityPool: (name: string) => `identityPool:${name}`,
  role: (name: string) => `role:${name}`,
  table: (name: string) => `table:${name}`,
  fn: (name: string) => `function:${name}`,
  restApi: (name: string) => `restApi:${name}`,
  httpApi: (name: string) => `httpApi:${name}`,
};

export function createContext(world: WorldConfig): ExportContext {
  const ids = new LogicalIds();
  // Named things first, so a policy may name an API declared after it and still resolve.
  for (const role of world.roles) ids.id(key.role(role.name), role.name, 'Role');
  for (const table of world.tables) ids.id(key.table(table.name), table.name, 'Table');
  for (const fn of world.functions ?? []) ids.id(key.fn(fn.name), fn.name, 'Function');
  for (const pool of world.userPools) {
    ids.id(key.userPool(pool.name), pool.name, 'UserPool');
    for (const client of pool.clients) ids.id(key.client(pool.name, client.name), `${pool.name} ${client.name}`, 'Client');
  }
  for (const pool of world.identityPools) ids.id(key.identityPool(pool.name), pool.name, 'IdentityPool');
  for (const api of world.restApis) ids.id(key.restApi(api.name), api.name, 'RestApi');
  for (const api of world.httpApis ?? []) ids.id(key.httpApi(api.name), api.name, 'HttpApi');
  return { world, ids, resources: {}, parameters: {}, outputs: {}, notes: [] };
}

/** The logical id behind a world placeholder ({{userPool:X}}, {{identityPool:X}}, {{restApi:X}}). */
export function placeholderResolver(ctx: ExportContext) {
  return (kind: string, name: string): string | undefined => {
    switch (kind) {
      case 'userPool':
        return ctx.ids.find(key.userPool(name));
      case 'identityPool':
        return ctx.ids.find(key.identityPool(name));
      case 'restApi':
        return ctx.ids.find(key.restApi(name));
      default:
        return undefined;
    }
  };
}

/** A role of the world by name: its Arn attribute; a role the world does not define, by its would-be ARN. */
export function roleArn(ctx: ExportContext, roleName: string): CfnValue {
  const id = ctx.ids.find(key.role(roleName));
  return id ? getAtt(id, 'Arn') : sub(`arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/${roleName}`);
}

/** Adds a parameter once (two identity providers of the same name share their parameters). */
export function parameter(ctx: ExportContext, id: string, definition: CfnParameter): string {
  ctx.parameters[id] ??= definition;
  return id;
}

export function note(ctx: ExportContext, text: string): void {
  if (!ctx.notes.includes(text)) ctx.notes.push(text);
}
