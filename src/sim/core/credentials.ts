// AWS credentials the account knows: the administrator's long-term key (AKIA…) and, later, temporary
// keys (ASIA…) that STS and identity pools hand out. SigV4 verification looks keys up here, and the
// principal tells the authorizer who is calling.
import type { PolicyDocument } from '../iam/types';
import { UPPER_ALPHANUMERIC, type Random } from './random';

export interface CredentialRecord {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** epoch ms; absent for long-term keys */
  expiresAt?: number;
  /** e.g. arn:aws:iam::123456789012:user/Administrator or an assumed-role session ARN */
  principalArn: string;
  /** The administrator may do anything in this account (AdministratorAccess). */
  isAdministrator: boolean;
  /** For temporary credentials: the role session they belong to. */
  session?: RoleSession;
}

export interface RoleSession {
  roleName: string;
  roleArn: string;
  sessionName: string;
  /** Policies passed when the session was created (e.g. the identity pool's guest scope-down), which limit the role's. */
  sessionPolicies: PolicyDocument[];
  /** Condition keys fixed for the session: aws:userid, aws:PrincipalArn, cognito-identity.amazonaws.com:sub/aud/amr, … */
  context: Record<string, string | string[]>;
}

export interface CredentialStore {
  add(record: CredentialRecord): void;
  get(accessKeyId: string): CredentialRecord | undefined;
}

export function createCredentialStore(): CredentialStore {
  const byKey = new Map<string, CredentialRecord>();
  return {
    add: (record) => void byKey.set(record.accessKeyId, record),
    get: (accessKeyId) => byKey.get(accessKeyId),
  };
}

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function newAccessKey(random: Random, prefix: 'AKIA' | 'ASIA'): { accessKeyId: string; secretAccessKey: string } {
  return { accessKeyId: prefix + random.string(UPPER_ALPHANUMERIC, 16), secretAccessKey: random.string(SECRET_ALPHABET, 40) };
}
