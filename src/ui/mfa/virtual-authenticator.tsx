// The virtual authenticator: what an authenticator app would show for a secret at a given moment, the code
// and the seconds left in its 30-second window, computed with src/lib/totp.ts (RFC 6238, as Cognito checks it).
// The code is not a live region: a ticking code read out every second would drown everything else, so
// "Read the code aloud" announces it once, when asked.
import { useEffect, useId, useState, type CSSProperties } from 'react';
import { secondsLeft, totp, totpCounter, TOTP_STEP_SECONDS } from '../../lib/totp';

/** The code for `secret` at `at`, recomputed only when the 30-second window changes. */
export function useTotpCode(secret: string, at: number): string | undefined {
  const counter = totpCounter(at);
  const key = `${secret}:${counter}`;
  const [result, setResult] = useState<{ key: string; code: string } | null>(null);
  useEffect(() => {
    let live = true;
    const wanted = `${secret}:${counter}`;
    totp(secret, counter * TOTP_STEP_SECONDS * 1000).then(
      (code) => live && setResult({ key: wanted, code }),
      () => live && setResult({ key: wanted, code: '' }),
    );
    return () => {
      live = false;
    };
  }, [secret, counter]);
  return result?.key === key ? result.code : undefined;
}

/** "123 456", as apps show it. */
export const spacedCode = (code: string): string => `${code.slice(0, 3)} ${code.slice(3)}`;

export interface VirtualAuthenticatorProps {
  secret: string;
  /** The moment to show the code for (epoch ms): the step's virtual time, or now in the live lab. */
  at: number;
  /** Issuer and account, as the app lists the entry. */
  issuer: string;
  account: string | undefined;
  /** Heading level inside the surrounding page or panel. */
  level?: 2 | 3 | 4;
  /** The clock is running (the live lab): the countdown bar moves. */
  live?: boolean;
}

export function VirtualAuthenticator({ secret, at, issuer, account, level = 3, live = false }: VirtualAuthenticatorProps) {
  const headingId = useId();
  const code = useTotpCode(secret, at);
  const left = secondsLeft(at);
  const [announcement, setAnnouncement] = useState('');
  const Heading = `h${level}` as const;
  const barStyle = { '--vauth-left': left / TOTP_STEP_SECONDS } as CSSProperties;

  function announce() {
    if (!code) return;
    const text = `Code ${code.split('').join(' ')}, ${left} ${left === 1 ? 'second' : 'seconds'} left.`;
    // A trailing no-break space when the text repeats, so asking twice is announced twice.
    setAnnouncement((previous) => (previous === text ? `${text}\u00a0` : text));
  }

  return (
    <section className={`vauth${live ? ' vauth--live' : ''}`} aria-labelledby={headingId}>
      <Heading id={headingId} className="vauth__title">
        Virtual authenticator
      </Heading>
      <p className="vauth__entry">
        {issuer}
        {account ? `: ${account}` : ''}
      </p>
      <p className="vauth__code-line">
        <span className="vauth__code">
          {code ? spacedCode(code) : '··· ···'}
        </span>
        <span className="vauth__left">{left} s left</span>
      </p>
      <div className={left === TOTP_STEP_SECONDS ? 'vauth__bar vauth__bar--full' : 'vauth__bar'} style={barStyle} aria-hidden="true">
        <span className="vauth__bar-fill" />
      </div>
      <button type="button" className="button button--secondary vauth__announce" onClick={announce} disabled={!code}>
        Read the code aloud
      </button>
      <p className="mfa-sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
