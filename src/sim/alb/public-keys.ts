// https://public-keys.auth.elb.{region}.amazonaws.com/{kid}: the ELB's public signing keys, one PEM document
// per key id, not a JWKS ("get the key ID from the JWT header and use it to look up the public key from the
// following regional endpoint", listener-authenticate-users.html). The endpoint is static storage: an
// unknown key id gets storage's 403 AccessDenied. [U] the exact error body and the content type.
import type { Service } from '../core/router';
import type { AlbEnv } from './model';

export const publicKeysHost = (region: string) => `public-keys.auth.elb.${region}.amazonaws.com`;

export function createPublicKeyService(env: AlbEnv): Service {
  const host = publicKeysHost(env.region);
  return {
    actor: 'alb',
    handles: (h) => h === host,
    async handle(ctx) {
      ctx.setOperation('GET public key');
      const kid = decodeURIComponent(ctx.url.pathname.slice(1));
      if (ctx.method === 'GET' && kid === env.signingKey.kid) {
        ctx.note({ kind: 'info', summary: `The ELB public key ${kid} (ECDSA P-256, PEM): verifiers check x-amzn-oidc-data's ES256 signature with it.` });
        return new Response(await env.signingKey.publicPem(), { status: 200, headers: { 'content-type': 'application/octet-stream' } });
      }
      ctx.note({ kind: 'error', summary: `No ELB public key has the id ${kid || '(empty)'}.`, code: 'AccessDenied', message: 'Access Denied', status: 403 });
      const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>${ctx.requestId.replace(/-/g, '').slice(0, 16).toUpperCase()}</RequestId></Error>`;
      return new Response(body, { status: 403, headers: { 'content-type': 'application/xml' } });
    },
  };
}
