// The demo target behind the load balancer: it answers with every header it received (the x-amzn-oidc-*
// ones first) and with its own verification of x-amzn-oidc-data, done as AWS tells applications to: take the
// kid from the JWT header, fetch the PEM public key from the regional ELB endpoint, check the ES256 signature,
// then the signer (this load balancer's ARN), the client, the issuer and the expiry. The key fetch is a nested
// exchange from 'target'; keys are cached by kid, as an application would.
import { compactVerify, importSPKI } from 'jose';
import { fromBase64Url, utf8 } from '../../lib/encoding';
import { seconds } from '../core/clock';
import type { ServiceContext } from '../core/router';
import type { LoadBalancer } from './model';
import { publicKeysHost } from './public-keys';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Check {
  check: string;
  ok: boolean;
  detail: string;
}

export interface Verification {
  outcome: 'valid' | 'invalid' | 'absent';
  checks: Check[];
  publicKeyUrl?: string;
  header?: Record<string, unknown>;
  claims?: Record<string, unknown>;
}

export interface VerifierContext {
  region: string;
  balancer: LoadBalancer;
  /** PEM documents fetched so far, by kid. */
  keys: Map<string, string>;
}

function decodeSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(utf8.decode(fromBase64Url(segment))) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export async function verifyOidcData(vc: VerifierContext, ctx: ServiceContext, token: string | null): Promise<Verification> {
  if (!token) return { outcome: 'absent', checks: [] };
  const checks: Check[] = [];
  const done = (extra: Partial<Verification> = {}): Verification => ({ outcome: checks.every((c) => c.ok) ? 'valid' : 'invalid', checks, ...extra });
  const parts = token.split('.');
  const header = parts.length === 3 ? decodeSegment(parts[0]!) : undefined;
  const claims = parts.length === 3 ? decodeSegment(parts[1]!) : undefined;
  checks.push({ check: 'format', ok: !!header && !!claims, detail: header && claims ? 'three base64url segments (padded, as the ALB writes them)' : 'not a JWT' });
  if (!header || !claims) return done();
  const kid = typeof header.kid === 'string' ? header.kid : '';
  checks.push({ check: 'alg', ok: header.alg === 'ES256', detail: `alg ${String(header.alg)} (the ALB signs with ES256)` });
  checks.push({ check: 'kid', ok: UUID.test(kid), detail: UUID.test(kid) ? `kid ${kid} is a UUID` : `kid ${kid || '(none)'} is not a UUID` });
  if (!UUID.test(kid) || header.alg !== 'ES256') return done({ header, claims });

  const publicKeyUrl = `https://${publicKeysHost(vc.region)}/${kid}`;
  let pem = vc.keys.get(kid);
  if (!pem) {
    const res = await ctx.fetch(new Request(publicKeyUrl));
    if (res.status === 200) {
      pem = await res.text();
      vc.keys.set(kid, pem);
    }
  }
  checks.push({ check: 'public key', ok: !!pem, detail: pem ? `PEM from ${publicKeyUrl}` : `${publicKeyUrl} has no key` });
  if (!pem) return done({ publicKeyUrl, header, claims });
  try {
    await compactVerify(token, await importSPKI(pem, 'ES256'));
    checks.push({ check: 'signature', ok: true, detail: 'ES256 signature verified with jose over the padded segments' });
  } catch (error) {
    checks.push({ check: 'signature', ok: false, detail: `signature does not verify (${error instanceof Error ? error.message : String(error)})` });
  }
  const clients = vc.balancer.rules.flatMap((r) => (r.authenticate ? [r.authenticate.clientId] : []));
  const issuers = vc.balancer.rules.flatMap((r) => (r.authenticate ? [r.authenticate.issuer] : []));
  checks.push({ check: 'signer', ok: header.signer === vc.balancer.arn, detail: `signer ${String(header.signer)}${header.signer === vc.balancer.arn ? ' is this load balancer' : ` is not ${vc.balancer.arn}`}` });
  checks.push({ check: 'client', ok: clients.includes(header.client as string), detail: `client ${String(header.client)}` });
  const issOk = issuers.includes(claims.iss as string) && header.iss === claims.iss;
  checks.push({ check: 'iss', ok: issOk, detail: `iss ${String(claims.iss)}${issOk ? '' : ' is not the expected issuer (or differs from the header)'}` });
  const exp = typeof claims.exp === 'number' ? claims.exp : NaN;
  const expOk = exp > seconds(ctx.now) && header.exp === claims.exp;
  checks.push({ check: 'exp', ok: expOk, detail: Number.isNaN(exp) ? 'no exp' : `exp ${exp} (${expOk ? 'in the future' : 'past, or differs from the header'}, virtual now ${seconds(ctx.now)})` });
  return done({ publicKeyUrl, header, claims });
}

export async function showOidcHeaders(vc: VerifierContext, ctx: ServiceContext, targetName: string): Promise<Response> {
  const oidc: Record<string, string> = {};
  const other: Record<string, string> = {};
  ctx.headers.forEach((value, key) => {
    (key.startsWith('x-amzn-oidc-') ? oidc : other)[key] = value;
  });
  const verification = await verifyOidcData(vc, ctx, ctx.headers.get('x-amzn-oidc-data'));
  const identity = ctx.headers.get('x-amzn-oidc-identity');
  if (verification.outcome === 'valid' && identity !== null) {
    const same = identity === verification.claims?.sub;
    verification.checks.push({ check: 'identity', ok: same, detail: `x-amzn-oidc-identity ${same ? 'equals' : 'differs from'} the token's sub` });
    if (!same) verification.outcome = 'invalid';
  }
  const failed = verification.checks.filter((c) => !c.ok).map((c) => c.check);
  ctx.note({
    kind: 'info',
    summary:
      verification.outcome === 'absent'
        ? 'The target received no x-amzn-oidc-data: it shows its signed-out view.'
        : verification.outcome === 'valid'
          ? `The target verified x-amzn-oidc-data: ES256 signature with the ELB public key, signer, client, iss and exp all as expected; user ${String(verification.claims?.username ?? verification.claims?.sub)}.`
          : `The target rejected x-amzn-oidc-data: ${failed.join(', ')} failed. It must not trust these claims.`,
  });
  const body = {
    target: targetName,
    request: { method: ctx.method, path: ctx.url.pathname, query: ctx.url.search },
    signedIn: verification.outcome === 'valid',
    oidcHeaders: oidc,
    otherHeaders: other,
    verification,
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { status: 200, headers: { 'content-type': 'application/json' } });
}
