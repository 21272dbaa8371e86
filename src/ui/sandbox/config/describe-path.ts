// Where in the world a problem is, in words: "App client “alb” › callbackUrls[0]" rather than
// "userPools[0].clients[1].callbackUrls[0]", for the error summary of a form that does not show that field.
import type { WorldConfig } from '../../../sim/world/config';
import { getAt, parsePath, type Segment } from './paths';

const COLLECTIONS: Record<string, { noun: string; name(item: Record<string, unknown>): unknown }> = {
  userPools: { noun: 'User pool', name: (x) => x.name },
  clients: { noun: 'App client', name: (x) => x.name },
  groups: { noun: 'Group', name: (x) => x.name },
  identityProviders: { noun: 'Identity provider', name: (x) => x.name },
  identityPools: { noun: 'Identity pool', name: (x) => x.name },
  roleMappings: { noun: 'Role mapping', name: (x) => x.provider },
  rules: { noun: 'Rule', name: (x) => x.path ?? x.claim },
  roles: { noun: 'Role', name: (x) => x.name },
  policies: { noun: 'Policy', name: (x) => x.name },
  tables: { noun: 'Table', name: (x) => x.name },
  restApis: { noun: 'API', name: (x) => x.name },
  routes: { noun: 'Route', name: (x) => (x.method && x.path ? `${String(x.method)} ${String(x.path)}` : undefined) },
  authorizers: { noun: 'Authorizer', name: (x) => x.name },
  loadBalancers: { noun: 'Load balancer', name: (x) => x.name },
  users: { noun: 'User', name: (x) => x.username },
};

export function describePath(path: string, world: WorldConfig): string {
  const segments = parsePath(path);
  const parts: string[] = [];
  let field: Segment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const next = segments[i + 1];
    const collection = typeof segment === 'string' ? COLLECTIONS[segment] : undefined;
    const item = collection && typeof next === 'number' ? getAt(world, segments.slice(0, i + 2)) : undefined;
    // A named thing of the world (a string in a list, such as a user's group, is a value, not one).
    if (collection && typeof next === 'number' && (item === undefined || (typeof item === 'object' && item !== null))) {
      if (field.length) parts.push(field.join('.'));
      field = [];
      const name = item ? collection.name(item as Record<string, unknown>) : undefined;
      parts.push(typeof name === 'string' && name !== '' ? `${collection.noun} “${name}”` : `${collection.noun} ${next + 1}`);
      i++;
      continue;
    }
    if (typeof segment === 'number') field[field.length - 1] = `${String(field.at(-1) ?? '')}[${segment}]`;
    else field.push(segment);
  }
  if (field.length) parts.push(field.join('.'));
  return parts.join(' › ') || 'The world';
}
