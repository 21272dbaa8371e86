// What STS is given: the account, the clock, the seeded random source, the credential store, IAM (roles and
// their trust policies) and the web identity issuers it trusts.
import type { Clock } from '../core/clock';
import type { CredentialStore } from '../core/credentials';
import type { Random } from '../core/random';
import type { ServiceContext } from '../core/router';
import type { Iam } from '../iam/iam';
import type { XmlValue } from './query-protocol';
import type { WebIdentityIssuer } from './web-identity-token';

export interface StsEnv {
  region: string;
  accountId: string;
  clock: Clock;
  random: Random;
  credentials: CredentialStore;
  iam: Iam;
  issuers: WebIdentityIssuer[];
}

/** An STS action: its parameters in, the members of its Result element out; throws AwsError. */
export interface StsAction {
  name: string;
  /** AssumeRoleWithWebIdentity and AssumeRoleWithSAML are unsigned; every other STS action is signed. */
  auth: 'none' | 'sigv4';
  run(env: StsEnv, params: Map<string, string>, call: ServiceContext): Promise<{ [member: string]: XmlValue | undefined }>;
}
