// A role session as STS creates it: ASIA… keys, a secret, a session token, an expiry on the virtual clock,
// and the assumed-role principal. Both STS and the identity pool's enhanced flow issue sessions through here,
// so every temporary key the account knows is registered the same way in the credential store.
import { toBase64 } from '../../lib/encoding';
import { newAccessKey, type CredentialStore, type RoleSession } from '../core/credentials';
import type { Random } from '../core/random';
import type { Role } from '../iam/types';

export interface SessionDeps {
  accountId: string;
  random: Random;
  credentials: CredentialStore;
}

export interface IssuedSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** epoch ms */
  expiresAt: number;
  /** arn:aws:sts::{account}:assumed-role/{RoleName}/{SessionName} */
  assumedRoleArn: string;
  /** {RoleId}:{SessionName}, as aws:userid shows it */
  assumedRoleId: string;
}

export const ONE_HOUR_MS = 3_600_000;

/**
 * AWS session tokens are opaque base64 blobs several hundred characters long; real ones begin with
 * "IQoJb3JpZ2luX2Vj" (the encoded "origin_ec" marker). This one is random bytes behind the same prefix.
 */
function sessionToken(random: Random): string {
  return `IQoJb3JpZ2luX2Vj${toBase64(random.bytes(360))}`;
}

export function issueRoleSession(
  deps: SessionDeps,
  request: { role: Role; sessionName: string; now: number; durationMs: number; sessionPolicies: RoleSession['sessionPolicies']; context: RoleSession['context'] },
): IssuedSession {
  const { role, sessionName } = request;
  const keys = newAccessKey(deps.random, 'ASIA');
  const token = sessionToken(deps.random);
  const expiresAt = request.now + request.durationMs;
  const assumedRoleArn = `arn:aws:sts::${deps.accountId}:assumed-role/${role.roleName}/${sessionName}`;
  const assumedRoleId = `${role.roleId}:${sessionName}`;
  deps.credentials.add({
    ...keys,
    sessionToken: token,
    expiresAt,
    principalArn: assumedRoleArn,
    isAdministrator: false,
    session: {
      roleName: role.roleName,
      roleArn: role.arn,
      sessionName,
      sessionPolicies: request.sessionPolicies,
      context: { ...request.context },
    },
  });
  return { ...keys, sessionToken: token, expiresAt, assumedRoleArn, assumedRoleId };
}
