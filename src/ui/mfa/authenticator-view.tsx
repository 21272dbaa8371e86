// The inspector's Authenticator tab, for an exchange that answered with a TOTP SecretCode
// (AssociateSoftwareToken): the secret to type by hand, the otpauth:// URI and its QR code, which the app
// builds itself (Cognito only returns the secret), and the virtual authenticator's code at the step's time.
import { useId, useMemo } from 'react';
import type { Exchange } from '../../sim/index';
import { otpauthUri } from '../../lib/totp';
import { isoTime } from '../inspector/relative-time';
import { QrCode } from './qr-code';
import { VirtualAuthenticator } from './virtual-authenticator';
import { accountOf, findTotpSecret, groupInFours } from './totp-secret';
import { TOTP_ISSUER, TOTP_LAB_HREF } from './lab-route';
import './mfa.css';

export interface EnrolmentProps {
  secret: string;
  account: string | undefined;
  /** Heading level of the section's heading. */
  level?: 2 | 3;
}

/** Secret, URI and QR code: everything an authenticator app can be set up from. */
export function Enrolment({ secret, account, level = 3 }: EnrolmentProps) {
  const headingId = useId();
  const uri = useMemo(() => otpauthUri({ secret, account: account ?? 'user', issuer: TOTP_ISSUER }), [secret, account]);
  const Heading = `h${level}` as const;
  const who = account ? `${TOTP_ISSUER}: ${account}` : TOTP_ISSUER;
  return (
    <section className="enrolment" aria-labelledby={headingId}>
      <Heading id={headingId} className="enrolment__title">
        Add it to an authenticator app
      </Heading>
      <div className="enrolment__grid">
        <QrCode text={uri} label={`QR code of the otpauth URI for ${who}. Scan it with an authenticator app, or type the secret key by hand.`} />
        <dl className="enrolment__facts">
          <dt>Secret key, in groups of four</dt>
          <dd>
            <code className="enrolment__secret">{groupInFours(secret)}</code>
          </dd>
          <dt>Account</dt>
          <dd>{account ?? <span className="muted">not found in the trace</span>}</dd>
          <dt>Issuer</dt>
          <dd>{TOTP_ISSUER}</dd>
          <dt>Type</dt>
          <dd>Time-based (TOTP): HMAC-SHA1, 6 digits, every 30 seconds</dd>
          <dt>otpauth URI</dt>
          <dd>
            <code className="enrolment__uri">{uri}</code>
          </dd>
        </dl>
      </div>
      <p className="muted enrolment__why">
        Cognito returns only the secret (<code>SecretCode</code>); the app builds the <code>otpauth://</code> URI and draws the QR code itself. Anyone who
        sees the secret can make valid codes, so show it once and never log it.
      </p>
    </section>
  );
}

export function AuthenticatorView({ exchange, trace }: { exchange: Exchange; trace: readonly Exchange[] }) {
  const secret = findTotpSecret(exchange);
  const account = accountOf(exchange, trace);
  if (!secret) return <p>This exchange carries no TOTP secret.</p>;
  return (
    <div className="authenticator">
      <p className="authenticator__lead">
        {exchange.operation} answered with a TOTP secret for {account ?? 'the user'}. An authenticator app turns it into a new six-digit code every 30
        seconds; VerifySoftwareToken then proves that the app holds it, before MFA can be switched on.
      </p>
      <Enrolment secret={secret} account={account} />
      <VirtualAuthenticator secret={secret} at={exchange.at} issuer={TOTP_ISSUER} account={account} />
      <p className="authenticator__clock">
        The virtual authenticator shows the code for {isoTime(exchange.at)}, the moment of this step on the simulator’s virtual clock. A phone shows the code for
        the real time now, so it matches only a step made in the last half-minute: scenarios are recorded on a fixed virtual clock in the past, and the codes a
        phone shows now will not match them. To set up a real phone, open the <a href={TOTP_LAB_HREF}>live TOTP lab</a>, where the virtual clock keeps pace
        with real time.
      </p>
    </div>
  );
}
