// Checks a JWT's signature the way a verifier does (the issuer's JWKS, at the step's virtual time) and
// says the outcome in words, politely announced when it arrives.
import { useEffect, useEffectEvent, useState } from 'react';
import type { TokenVerification } from '../../store/player';

export type VerifyToken = (token: string, at: number) => Promise<TokenVerification>;

export function SignatureCheck({ token, at, verifyToken }: { token: string; at: number; verifyToken: VerifyToken }) {
  const key = `${at} ${token}`;
  const [result, setResult] = useState<{ key: string; verification: TokenVerification } | null>(null);
  const verify = useEffectEvent((t: string, when: number) => verifyToken(t, when));

  useEffect(() => {
    let live = true;
    const requested = `${at} ${token}`;
    Promise.resolve()
      .then(() => verify(token, at))
      .then(
        (verification) => live && setResult({ key: requested, verification }),
        (error: unknown) => live && setResult({ key: requested, verification: { status: 'invalid', reason: error instanceof Error ? error.message : String(error) } }),
      );
    return () => {
      live = false;
    };
  }, [token, at]);

  const verification = result?.key === key ? result.verification : undefined;
  const state = verification === undefined ? 'pending' : verification.status;
  return (
    <p role="status" aria-live="polite" className={`signature signature--${state}`}>
      {verification === undefined ? (
        'Checking the signature against the issuer’s published keys…'
      ) : verification.status === 'valid' ? (
        <>
          <span aria-hidden="true">✔ </span>
          Signature verified with key <code>{verification.kid}</code> from <code>{verification.issuer}/.well-known/jwks.json</code>
        </>
      ) : (
        <>
          <span aria-hidden="true">✖ </span>
          Signature not verified: {verification.reason}
        </>
      )}
    </p>
  );
}
