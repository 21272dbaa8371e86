// The Logins map of a request: each entry is verified by the provider that answers for its key, in the
// order given; the first failure is the answer (AWS reports one problem at a time).
import type { ServiceContext } from '../core/router';
import type { IdentityPoolEnv } from './env';
import type { IdentityPool } from './model';
import type { VerifiedLogin } from './providers/registry';

export async function verifyLogins(env: IdentityPoolEnv, call: ServiceContext, pool: IdentityPool, logins: Record<string, string> | undefined): Promise<VerifiedLogin[]> {
  const verified: VerifiedLogin[] = [];
  for (const [key, token] of Object.entries(logins ?? {})) {
    const provider = env.providers.find(key)!;
    verified.push(await provider.verify({ call, pool, region: env.region, now: env.clock.now() }, key, token));
  }
  return verified;
}
