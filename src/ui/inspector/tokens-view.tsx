// The Tokens tab: every token the exchange carries. JWTs are decoded (header, claims with their meaning,
// expiry in the step's virtual time) and their signature checked; refresh tokens stay opaque.
import { useId, useMemo } from 'react';
import type { Exchange } from '../../sim/index';
import { findTokens, isOpaque, type FoundToken } from './find-tokens';
import { ClaimsTable } from './claims-table';
import { SignatureCheck, type VerifyToken } from './signature-check';
import { describeExpiry, isoTime } from './relative-time';

function Expiry({ exp, at }: { exp: unknown; at: number }) {
  if (typeof exp !== 'number') return <p className="muted">This token states no expiry.</p>;
  const { expired, text } = describeExpiry(exp * 1000, at);
  return (
    <p className={expired ? 'token-card__expiry token-card__expiry--expired' : 'token-card__expiry'}>
      <strong>{text.charAt(0).toUpperCase() + text.slice(1)}</strong> (at {isoTime(exp * 1000)}; this step happens at {isoTime(at)} on the virtual clock)
    </p>
  );
}

function EncodedToken({ token }: { token: string }) {
  return (
    <details className="token-card__raw">
      <summary>Show the encoded token ({token.length.toLocaleString('en-US')} characters)</summary>
      <code className="inspector__long">{token}</code>
    </details>
  );
}

function TokenCard({ found, at, verifyToken }: { found: FoundToken; at: number; verifyToken: VerifyToken }) {
  const headingId = useId();
  return (
    <article className={`token-card token-card--${found.kind}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="token-card__title">
        {found.label}
      </h3>
      <p className="token-card__where muted">Found in {found.where.join('; ')}</p>
      {isOpaque(found) ? (
        <>
          <p className="token-card__opaque">
            {found.kind === 'refresh'
              ? 'Refresh token — opaque to the app; only the user pool can read it.'
              : 'Encrypted token — opaque to the app; only its issuer can read it.'}
          </p>
          <p className="muted">
            {found.token.length.toLocaleString('en-US')} characters in five dot-separated parts (an encrypted JWE). The app only stores it and sends
            it back to get new tokens.
          </p>
          <EncodedToken token={found.token} />
        </>
      ) : (
        <>
          <Expiry exp={found.decoded.payload.exp} at={at} />
          <SignatureCheck token={found.token} at={at} verifyToken={verifyToken} />
          <ClaimsTable caption={`${found.label} header`} values={found.decoded.header} of="header" at={at} />
          <ClaimsTable caption={`${found.label} claims`} values={found.decoded.payload} of="claims" at={at} />
          <EncodedToken token={found.token} />
        </>
      )}
    </article>
  );
}

export function TokensView({ exchange, verifyToken }: { exchange: Exchange; verifyToken: VerifyToken }) {
  const tokens = useMemo(() => findTokens(exchange), [exchange]);
  if (tokens.length === 0) return <p>No tokens travel in this exchange.</p>;
  return (
    <div className="tokens">
      <p className="muted">
        {tokens.length === 1 ? 'One token' : `${tokens.length} tokens`} in this exchange. Hover over or focus a claim’s name to read what it means.
      </p>
      {tokens.map((found) => (
        <TokenCard key={found.token} found={found} at={exchange.at} verifyToken={verifyToken} />
      ))}
    </div>
  );
}
