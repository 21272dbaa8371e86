// awslabs' aws-jwt-verify AlbJwtVerifier, the verifier AWS points to, against the load balancer's
// x-amzn-oidc-data: it must accept the token (fetching the PEM key itself through the simulator, or fed the
// PEM-derived JWK) and refuse it with a claim changed, the signature altered, another signer, another client,
// another issuer, or once it has expired. Verification runs at the virtual time (Date is faked around each call).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AlbJwtVerifier } from 'aws-jwt-verify';
import { AlbJwksCache } from 'aws-jwt-verify/alb-cache';
import { AlbJwtInvalidClientIdError, AlbJwtInvalidSignerError, JwtExpiredError, JwtInvalidIssuerError, JwtInvalidSignatureError } from 'aws-jwt-verify/error';
import { exportJWK, importSPKI } from 'jose';
import { fromBase64Url, utf8 } from '../../../lib/encoding';
import { fakeIdpLab, MINUTE, signInAtAlb, simLab } from '../../../testing/alb-harness';
import { paddedBase64Url } from '../claims-jwt';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Source {
  token: string;
  fetch: (request: Request) => Promise<Response>;
  now: () => number;
  advance: (ms: number) => void;
  arn: string;
  clientId: string;
  issuer: string;
  region: string;
}

async function fromFakeIdp(): Promise<Source> {
  const lab = await fakeIdpLab();
  const res = await lab.browser.get(`https://${lab.albHost}/app/home`);
  const body = (await res.json()) as { oidcHeaders: Record<string, string> };
  return {
    token: body.oidcHeaders['x-amzn-oidc-data']!,
    fetch: (r) => lab.fetch(r),
    now: () => lab.clock.now(),
    advance: (ms) => lab.clock.advance(ms),
    arn: lab.albArn,
    clientId: lab.albClientId,
    issuer: lab.issuer,
    region: lab.region,
  };
}

async function fromHostedUi(): Promise<Source> {
  const lab = await simLab();
  const res = await signInAtAlb(lab, '/app/home');
  const body = (await res.json()) as { oidcHeaders: Record<string, string> };
  return {
    token: body.oidcHeaders['x-amzn-oidc-data']!,
    fetch: (r) => lab.sim.fetch(r),
    now: () => lab.sim.clock.now(),
    advance: (ms) => lab.sim.clock.advance(ms),
    arn: lab.albArn,
    clientId: lab.albClientId,
    issuer: lab.issuer,
    region: lab.region,
  };
}

afterEach(() => {
  vi.useRealTimers();
});

async function at<T>(source: Source, fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(source.now());
  try {
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}

function verifierThroughSim(source: Source, props: Partial<{ albArn: string; clientId: string; issuer: string }> = {}) {
  const fetched: string[] = [];
  const jwksCache = new AlbJwksCache({
    fetcher: {
      fetch: async (uri: string) => {
        fetched.push(uri);
        return (await source.fetch(new Request(uri))).arrayBuffer();
      },
    },
  });
  const verifier = AlbJwtVerifier.create({ albArn: props.albArn ?? source.arn, clientId: props.clientId ?? source.clientId, issuer: props.issuer ?? source.issuer }, { jwksCache });
  return { verifier, fetched };
}

const segments = (token: string) => token.split('.') as [string, string, string];
const decode = (segment: string) => JSON.parse(utf8.decode(fromBase64Url(segment))) as Record<string, unknown>;
const encode = (value: unknown) => paddedBase64Url(utf8.encode(JSON.stringify(value)));

function albVerifierSuite(name: string, obtain: () => Promise<Source>) {
  describe(name, () => {
    it('is an ES256 JWT with a UUID kid, the ALB header fields and padded base64url', async () => {
      const source = await obtain();
      const [h, p, s] = segments(source.token);
      const header = decode(h);
      expect(header).toEqual({ alg: 'ES256', kid: expect.stringMatching(UUID), signer: source.arn, iss: source.issuer, client: source.clientId, exp: expect.any(Number) });
      expect(decode(p)).toMatchObject({ sub: expect.any(String), exp: header.exp, iss: source.issuer });
      expect(s).toMatch(/==$/); // 64 signature bytes always pad
      expect(`${h}${p}`.length % 4).toBe(0);
    });

    it('is accepted by AlbJwtVerifier, which fetches the PEM key through the simulator', async () => {
      const source = await obtain();
      const { verifier, fetched } = verifierThroughSim(source);
      const payload = await at(source, () => verifier.verify(source.token));
      expect(payload.iss).toBe(source.issuer);
      const kid = decode(segments(source.token)[0]).kid as string;
      expect(fetched).toEqual([`https://public-keys.auth.elb.${source.region}.amazonaws.com/${kid}`]);
    });

    it('is accepted by verifySync fed the JWK made from the PEM', async () => {
      const source = await obtain();
      const kid = decode(segments(source.token)[0]).kid as string;
      const pem = await (await source.fetch(new Request(`https://public-keys.auth.elb.${source.region}.amazonaws.com/${kid}`))).text();
      expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n$/);
      const exported = await exportJWK(await importSPKI(pem, 'ES256'));
      const jwk = { ...exported, kty: exported.kty!, kid, alg: 'ES256', use: 'sig' };
      expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
      const verifier = AlbJwtVerifier.create({ albArn: source.arn, clientId: source.clientId, issuer: source.issuer });
      verifier.cacheJwks({ keys: [jwk] });
      await at(source, async () => expect(verifier.verifySync(source.token)).toMatchObject({ iss: source.issuer }));
    });

    it('is refused with a claim changed', async () => {
      const source = await obtain();
      const [h, p, s] = segments(source.token);
      const tampered = `${h}.${encode({ ...decode(p), username: 'admin', sub: 'someone-else' })}.${s}`;
      await expect(at(source, () => verifierThroughSim(source).verifier.verify(tampered))).rejects.toBeInstanceOf(JwtInvalidSignatureError);
    });

    it('is refused with the signature altered', async () => {
      const source = await obtain();
      const [h, p, s] = segments(source.token);
      const flipped = `${s.charAt(0) === 'A' ? 'B' : 'A'}${s.slice(1)}`;
      await expect(at(source, () => verifierThroughSim(source).verifier.verify(`${h}.${p}.${flipped}`))).rejects.toBeInstanceOf(JwtInvalidSignatureError);
    });

    it('is refused from another signer: a verifier expecting another ALB, or a header that names one', async () => {
      const source = await obtain();
      const otherArn = source.arn.replace(/[0-9a-f]{16}$/, '0123456789abcdef');
      await expect(at(source, () => verifierThroughSim(source, { albArn: otherArn }).verifier.verify(source.token))).rejects.toBeInstanceOf(AlbJwtInvalidSignerError);
      const [h, p, s] = segments(source.token);
      const relabelled = `${encode({ ...decode(h), signer: otherArn })}.${p}.${s}`;
      await expect(at(source, () => verifierThroughSim(source, { albArn: otherArn }).verifier.verify(relabelled))).rejects.toBeInstanceOf(JwtInvalidSignatureError);
    });

    it('is refused for another client or another issuer', async () => {
      const source = await obtain();
      await expect(at(source, () => verifierThroughSim(source, { clientId: 'someotherclientid' }).verifier.verify(source.token))).rejects.toBeInstanceOf(AlbJwtInvalidClientIdError);
      await expect(at(source, () => verifierThroughSim(source, { issuer: `${source.issuer}x` }).verifier.verify(source.token))).rejects.toBeInstanceOf(JwtInvalidIssuerError);
    });

    it('is refused once expired on the virtual clock (two minutes after it was issued)', async () => {
      const source = await obtain();
      const { verifier } = verifierThroughSim(source);
      source.advance(MINUTE);
      await expect(at(source, () => verifier.verify(source.token))).resolves.toBeTruthy();
      source.advance(MINUTE + 1000);
      await expect(at(source, () => verifier.verify(source.token))).rejects.toBeInstanceOf(JwtExpiredError);
    });
  });
}

albVerifierSuite('x-amzn-oidc-data after alice signs in at the hosted UI', fromHostedUi);
albVerifierSuite('x-amzn-oidc-data after a sign-in through the stand-in IdP', fromFakeIdp);
