// Finds every set of AWS credentials an exchange (or a call it made) handed out: from 'credentials-issued'
// notes, from JSON bodies (cognito-identity's Credentials with SecretKey) and from STS's XML answers.
import type { Exchange } from '../../sim/index';
import { callName } from './aws-notes';
import { parseStsCredentials } from './sts-xml';

export interface FoundCredentials {
  accessKeyId: string;
  /** ASIA… keys come from STS and expire; AKIA… keys are an IAM user's long-term keys. */
  temporary: boolean;
  secretAccessKey?: string;
  sessionToken?: string;
  /** epoch ms */
  expiresAt?: number;
  roleArn?: string;
  identityId?: string;
  /** Where they were seen, e.g. "Response body, Credentials". */
  where: string[];
}

type Fields = Omit<FoundCredentials, 'accessKeyId' | 'temporary' | 'where'>;

/** The role's name from a role ARN (arn:aws:iam::1:role/path/Name) or an assumed-role ARN (…:assumed-role/Name/session). */
export function roleName(arn: string): string | undefined {
  const resource = arn.split(':').slice(5).join(':');
  if (resource.startsWith('role/')) return resource.split('/').at(-1) || undefined;
  if (resource.startsWith('assumed-role/')) return resource.split('/')[1] || undefined;
  return undefined;
}

/** The role ARN behind an assumed-role session ARN; other ARNs as they are. */
export function roleArnOf(arn: string): string {
  const match = /^arn:([\w-]+):sts::(\d+):assumed-role\/([^/]+)\//.exec(arn);
  return match ? `arn:${match[1]}:iam::${match[2]}:role/${match[3]}` : arn;
}

/** Epoch ms from an expiration: epoch seconds (JSON 1.1 timestamps), epoch ms, or ISO 8601 text. */
export function expirationMs(value: unknown): number | undefined {
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return expirationMs(Number(value));
  if (typeof value === 'number' && Number.isFinite(value)) return value < 1e11 ? Math.round(value * 1000) : value;
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

function defined(fields: Record<string, unknown>): Fields {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Fields;
}

/** Every JSON object named Credentials with an AccessKeyId, with the IdentityId beside it if any. */
function fromJson(value: unknown, path: string, out: { path: string; id: string; fields: Fields }[], identityId?: string): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) return value.forEach((item, i) => fromJson(item, `${path}[${i}]`, out, identityId));
  const record = value as Record<string, unknown>;
  const here = text(record.IdentityId) ?? identityId;
  for (const [key, item] of Object.entries(record)) {
    const itemPath = path ? `${path}.${key}` : key;
    const creds = item as Record<string, unknown> | null;
    const id = key === 'Credentials' && typeof creds === 'object' && creds !== null ? text(creds.AccessKeyId) : undefined;
    if (id && creds) {
      out.push({
        path: itemPath,
        id,
        fields: defined({
          secretAccessKey: text(creds.SecretKey) ?? text(creds.SecretAccessKey),
          sessionToken: text(creds.SessionToken),
          expiresAt: expirationMs(creds.Expiration),
          identityId: here,
        }),
      });
    } else fromJson(item, itemPath, out, here);
  }
}

function requestedRole(request: Exchange['request']): string | undefined {
  const body = request.body ?? '';
  if (!/(^|&)RoleArn=/.test(body)) return undefined;
  return new URLSearchParams(body).get('RoleArn') ?? undefined;
}

function fromBody(x: Exchange): { where: string; id: string; fields: Fields }[] {
  const body = x.response.body?.trim();
  if (!body) return [];
  if (body.startsWith('<')) {
    const sts = parseStsCredentials(body);
    if (!sts) return [];
    const assumed = sts.assumedRoleArn === undefined ? undefined : roleArnOf(sts.assumedRoleArn);
    return [
      {
        where: 'Response body (XML), Credentials',
        id: sts.accessKeyId,
        fields: defined({
          secretAccessKey: sts.secretAccessKey,
          sessionToken: sts.sessionToken,
          expiresAt: expirationMs(sts.expiration),
          roleArn: requestedRole(x.request) ?? assumed,
        }),
      },
    ];
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return [];
  }
  const out: { path: string; id: string; fields: Fields }[] = [];
  fromJson(json, '', out);
  return out.map(({ path, id, fields }) => ({ where: `Response body, ${path}`, id, fields }));
}

/** Every distinct set of credentials, by access key id, in the order first seen; later sightings fill gaps. */
export function findCredentials(exchange: Exchange, nested: readonly Exchange[] = []): FoundCredentials[] {
  const byKey = new Map<string, FoundCredentials>();
  const add = (id: string, where: string, fields: Fields) => {
    const found = byKey.get(id);
    byKey.set(id, found ? { ...fields, ...found, where: [...found.where, where] } : { accessKeyId: id, temporary: id.startsWith('ASIA'), ...fields, where: [where] });
  };
  for (const x of [exchange, ...nested]) {
    const prefix = x === exchange ? '' : `${callName(x)}, `;
    for (const note of x.notes) {
      if (note.kind !== 'credentials-issued') continue;
      const { secretAccessKey, sessionToken, expiresAt, roleArn, identityId } = note;
      add(note.accessKeyId, `${prefix}Decision: credentials issued`, defined({ secretAccessKey, sessionToken, expiresAt, roleArn, identityId }));
    }
    for (const seen of fromBody(x)) add(seen.id, `${prefix}${seen.where}`, seen.fields);
  }
  return [...byKey.values()];
}
