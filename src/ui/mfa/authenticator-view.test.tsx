import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type { Exchange } from '../../sim/index';
import type { TokenVerification } from '../../store/player';
import { otpauthUri, toBase32 } from '../../lib/totp';
import { Inspector } from '../inspector/inspector';
import { accountOf, findTotpSecret, groupInFours } from './totp-secret';
import { createSimulator } from '../../sim/index';
import { runScenario } from '../../content/scenarios/run';
import { findScenario } from '../../content/scenarios/index';

// 32 bytes of secret, as Cognito's 52-character SecretCode.
const SECRET = toBase32(Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 255));
// 09:00:13 on the virtual clock: 17 seconds left in its window.
const AT = Date.UTC(2026, 2, 2, 9, 0, 13);

const b64url = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const accessToken = (username: string) => `${b64url({ kid: 'k1', alg: 'RS256' })}.${b64url({ token_use: 'access', username, client_id: 'abc' })}.c2lnbmF0dXJl`;

const json = { 'content-type': 'application/x-amz-json-1.1' };
function idp(id: string, operation: string, requestBody: object, responseBody: object, status = 200, at = AT): Exchange {
  return {
    id,
    from: 'app',
    to: 'cognito-idp',
    operation,
    request: { method: 'POST', url: 'https://cognito-idp.us-east-1.amazonaws.com/', headers: { ...json, 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` }, body: JSON.stringify(requestBody) },
    response: { status, headers: json, body: JSON.stringify(responseBody) },
    at,
    notes: [],
  };
}

const associate = idp('x2', 'AssociateSoftwareToken', { AccessToken: accessToken('alice') }, { SecretCode: SECRET });

function inspect(exchange: Exchange, trace: readonly Exchange[] = [exchange]) {
  const user = userEvent.setup();
  const verifyToken = vi.fn(async (): Promise<TokenVerification> => ({ status: 'invalid', reason: 'not checked here' }));
  render(<Inspector exchange={exchange} nested={[]} verifyToken={verifyToken} trace={trace} />);
  return user;
}

/** The dark modules an SVG path of `M x y h n v1 h -n z` runs paints, as "row,col" keys without the quiet zone. */
function paintedModules(d: string, quiet: number): Set<string> {
  const cells = new Set<string>();
  for (const [, x, y, n] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(n); i++) cells.add(`${Number(y) - quiet},${Number(x) - quiet + i}`);
  }
  return cells;
}

describe('Reading a TOTP enrolment from the trace', () => {
  it('finds the SecretCode of a successful answer only', () => {
    expect(findTotpSecret(associate)).toBe(SECRET);
    expect(findTotpSecret(idp('x3', 'AssociateSoftwareToken', {}, { __type: 'NotAuthorizedException', message: 'Invalid Access Token' }, 400))).toBeUndefined();
    expect(findTotpSecret(idp('x4', 'GetUser', {}, { Username: 'alice' }))).toBeUndefined();
    expect(findTotpSecret(idp('x5', 'AssociateSoftwareToken', {}, { SecretCode: 'not base32!' }))).toBeUndefined();
  });

  it('groups the secret in fours', () => {
    expect(groupInFours('JBSWY3DPEHPK3PXPAB')).toBe('JBSW Y3DP EHPK 3PXP AB');
  });

  it('names the user from the access token, or from the sign-in a Session came from', () => {
    expect(accountOf(associate)).toBe('alice');
    const signIn = idp('x1', 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'bob', PASSWORD: 'p' } }, { ChallengeName: 'MFA_SETUP', Session: 'S1' });
    const bySession = idp('x2', 'AssociateSoftwareToken', { Session: 'S1' }, { SecretCode: SECRET, Session: 'S2' });
    expect(accountOf(bySession, [signIn, bySession])).toBe('bob');
    expect(accountOf(bySession, [bySession])).toBeUndefined();
  });
});

describe('The Authenticator tab', () => {
  it('appears only for an exchange that carries a TOTP secret, after Tokens', () => {
    inspect(associate);
    expect(within(screen.getByRole('tablist', { name: 'Inspector' })).getAllByRole('tab').map((t) => t.textContent)).toEqual(['HTTP', 'Tokens', 'Authenticator', 'Decision']);
  });

  it('is absent for other exchanges', () => {
    inspect(idp('x9', 'GetUser', { AccessToken: accessToken('alice') }, { Username: 'alice' }));
    expect(screen.queryByRole('tab', { name: 'Authenticator' })).not.toBeInTheDocument();
  });

  it('shows the secret in groups of four, the otpauth URI, and a QR code of that URI with a text alternative', async () => {
    const user = inspect(associate);
    await user.click(screen.getByRole('tab', { name: 'Authenticator' }));
    const panel = screen.getByRole('tabpanel', { name: 'Authenticator' });
    const grouped = groupInFours(SECRET);
    expect(grouped.split(' ')).toHaveLength(13);
    expect(within(panel).getByText(grouped)).toBeInTheDocument();

    const uri = `otpauth://totp/Cognito%20Lab:alice?secret=${SECRET}&issuer=Cognito%20Lab&algorithm=SHA1&digits=6&period=30`;
    expect(otpauthUri({ secret: SECRET, account: 'alice', issuer: 'Cognito Lab' })).toBe(uri);
    expect(within(panel).getByText(uri)).toBeInTheDocument();
    // The URI parses back to the same parameters in otpauth's own reader.
    const parsed = OTPAuth.URI.parse(uri) as OTPAuth.TOTP;
    expect([parsed.issuer, parsed.label, parsed.secret.base32, parsed.digits, parsed.period]).toEqual(['Cognito Lab', 'alice', SECRET, 6, 30]);

    const qr = await within(panel).findByRole('img', { name: 'QR code of the otpauth URI for Cognito Lab: alice. Scan it with an authenticator app, or type the secret key by hand.' });
    // The drawing holds exactly the modules of the QR code of that URI.
    const { modules } = QRCode.create(uri, { errorCorrectionLevel: 'M' });
    expect(qr).toHaveAttribute('data-modules', String(modules.size));
    expect(qr.getAttribute('viewBox')).toBe(`0 0 ${modules.size + 8} ${modules.size + 8}`);
    const painted = paintedModules(qr.querySelector('path')!.getAttribute('d')!, 4);
    const expected = new Set<string>();
    for (let r = 0; r < modules.size; r++) for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) expected.add(`${r},${c}`);
    expect(painted.size).toBeGreaterThan(100);
    expect(painted).toEqual(expected);
  });

  it('shows the virtual authenticator’s code for the step’s virtual time, the one otpauth computes, and the seconds left', async () => {
    const user = inspect(associate);
    await user.click(screen.getByRole('tab', { name: 'Authenticator' }));
    const authenticator = screen.getByRole('region', { name: 'Virtual authenticator' });
    const expected = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(SECRET), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: AT });
    expect(await within(authenticator).findByText(`${expected.slice(0, 3)} ${expected.slice(3)}`)).toBeInTheDocument();
    expect(authenticator).toHaveTextContent('Cognito Lab: alice');
    expect(authenticator).toHaveTextContent('17 s left');
    // A later step, in the next window, shows the next code.
    const next = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(SECRET) }).generate({ timestamp: AT + 30_000 });
    expect(next).not.toBe(expected);
  });

  it('reads the code aloud only when asked', async () => {
    const user = inspect(associate);
    await user.click(screen.getByRole('tab', { name: 'Authenticator' }));
    const authenticator = screen.getByRole('region', { name: 'Virtual authenticator' });
    const status = within(authenticator).getByRole('status');
    expect(status).toHaveTextContent(/^$/);
    const expected = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(SECRET) }).generate({ timestamp: AT });
    const button = within(authenticator).getByRole('button', { name: 'Read the code aloud' });
    await vi.waitFor(() => expect(button).toBeEnabled());
    await user.click(button);
    expect(status).toHaveTextContent(`Code ${expected.split('').join(' ')}, 17 seconds left.`);
  });

  it('says that a phone’s codes will not match a recorded scenario, and links to the live lab', async () => {
    const user = inspect(associate);
    await user.click(screen.getByRole('tab', { name: 'Authenticator' }));
    const panel = screen.getByRole('tabpanel', { name: 'Authenticator' });
    expect(panel).toHaveTextContent('shows the code for 2026-03-02T09:00:13.000Z, the moment of this step');
    expect(panel).toHaveTextContent('the codes a phone shows now will not match them');
    expect(within(panel).getByRole('link', { name: 'live TOTP lab' })).toHaveAttribute('href', '#/learn/lab/totp');
  });

  it('names the account from an earlier sign-in when the secret was asked for with a Session (MFA_SETUP)', async () => {
    const signIn = idp('x1', 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'bob', PASSWORD: 'p' } }, { ChallengeName: 'MFA_SETUP', Session: 'S1' });
    const bySession = idp('x2', 'AssociateSoftwareToken', { Session: 'S1' }, { SecretCode: SECRET, Session: 'S2' });
    const user = inspect(bySession, [signIn, bySession]);
    await user.click(screen.getByRole('tab', { name: 'Authenticator' }));
    const panel = screen.getByRole('tabpanel', { name: 'Authenticator' });
    expect(within(panel).getByText(/^otpauth:\/\/totp\/Cognito%20Lab:bob\?/)).toBeInTheDocument();
    expect(await within(panel).findByRole('img', { name: /for Cognito Lab: bob\./ })).toBeInTheDocument();
  });
});

describe('The Authenticator tab in the totp-mfa scenario', { timeout: 30_000 }, () => {
  it('shows, at the AssociateSoftwareToken step, the very code the scenario’s authenticator sends next', async () => {
    const scenario = findScenario('totp-mfa');
    expect(scenario).toBeDefined();
    const run = await runScenario(scenario!, createSimulator);
    const topLevel = run.steps.map((s) => run.trace.find((x) => x.id === s.exchangeId)!);
    const associateStep = topLevel.find((x) => x.operation === 'AssociateSoftwareToken')!;
    const verifyStep = topLevel.find((x) => x.operation === 'VerifySoftwareToken')!;
    const sent = (JSON.parse(verifyStep.request.body!) as { UserCode: string }).UserCode;
    expect(verifyStep.at).toBe(associateStep.at);

    const user = inspect(associateStep, run.trace);
    await user.click(screen.getByRole('tab', { name: 'Authenticator' }));
    const authenticator = screen.getByRole('region', { name: 'Virtual authenticator' });
    expect(await within(authenticator).findByText(`${sent.slice(0, 3)} ${sent.slice(3)}`)).toBeInTheDocument();
    expect(authenticator).toHaveTextContent('Cognito Lab: alice');
    expect(await screen.findByRole('img', { name: /QR code of the otpauth URI for Cognito Lab: alice\./ })).toBeInTheDocument();
  });
});
