// The SigV4 tab: how the service checked each signature, stage by stage — the canonical request, the
// string to sign, the signing key derived from the secret in four HMAC steps, and the signature compared.
import { useId, type ReactNode } from 'react';
import type { Exchange } from '../../sim/index';
import { callName, notesOfKind, type LocatedNote } from './aws-notes';

/** What each AWS signature error means, for learners. */
const CODE_MEANINGS: Record<string, string> = {
  InvalidSignatureException: 'The signature the service computed differs from the one sent: a different secret, different bytes signed, a wrong scope, or a clock too far off.',
  SignatureDoesNotMatch: 'The signature the service computed differs from the one sent: a different secret, different bytes signed, or a wrong scope.',
  IncompleteSignatureException: 'The signature is missing a part: Credential, SignedHeaders, Signature or a date.',
  IncompleteSignature: 'The signature is missing a part: Credential, SignedHeaders, Signature or a date.',
  MissingAuthenticationTokenException: 'The request is not signed at all.',
  MissingAuthenticationToken: 'The request is not signed at all.',
  UnrecognizedClientException: 'AWS does not know this access key id, or its session token does not belong to it.',
  InvalidClientTokenId: 'AWS does not know this access key id, or its session token does not belong to it.',
  ExpiredTokenException: 'The session token of these temporary credentials has expired: the app must get new credentials.',
  ExpiredToken: 'The session token of these temporary credentials has expired: the app must get new credentials.',
};

/** The signature the client sent, from the Authorization header or a presigned URL. */
export function sentSignature(request: Exchange['request']): string | undefined {
  const auth = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
  return /Signature=([0-9a-f]+)/i.exec(auth ?? '')?.[1] ?? /[?&]X-Amz-Signature=([0-9a-f]+)/i.exec(request.url)?.[1];
}

function Stage({ title, why, children }: { title: string; why: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="sigv4__stage">
      <h4 id={id} className="inspector__heading">
        {title}
      </h4>
      <p className="muted">{why}</p>
      {children}
    </section>
  );
}

const NOT_RECORDED = <p className="muted">Not recorded: the check stopped before this stage.</p>;

function SignatureCard({ located }: { located: LocatedNote<'sigv4'> }) {
  const headingId = useId();
  const { note, source, nested } = located;
  const valid = note.outcome === 'valid';
  const signature = note.signature ?? sentSignature(source.request);
  const scope = note.stringToSign?.split('\n')[2];
  return (
    <article className={`sigv4-card sigv4-card--${note.outcome}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="token-card__title">
        Signature of {source.operation}
        {nested && <span className="muted"> (checked by {callName(source)})</span>}
      </h3>
      <p className={valid ? 'signature signature--valid' : 'signature signature--invalid'}>
        <span aria-hidden="true">{valid ? '✔ ' : '✖ '}</span>
        {valid ? 'Signature matches: the request comes from the holder of the secret and was not changed on the way.' : `Signature rejected${note.code ? `: ${note.code}` : ''}.`}
        {!valid && note.code && CODE_MEANINGS[note.code] ? ` ${CODE_MEANINGS[note.code]}` : ''}
      </p>
      <p className="muted">{note.summary}</p>
      <dl className="note__facts">
        <div className="note__fact">
          <dt>Access key id</dt>
          <dd>{note.accessKeyId ? <code>{note.accessKeyId}</code> : <span className="muted">none</span>}</dd>
        </div>
        {scope !== undefined && (
          <div className="note__fact">
            <dt>Credential scope</dt>
            <dd>
              <code>{scope}</code>
            </dd>
          </div>
        )}
        {note.signedHeaders !== undefined && (
          <div className="note__fact">
            <dt>Signed headers</dt>
            <dd>
              <code>{note.signedHeaders.join(';')}</code>
            </dd>
          </div>
        )}
        {note.code !== undefined && (
          <div className="note__fact">
            <dt>Error code</dt>
            <dd>
              <code>{note.code}</code>
            </dd>
          </div>
        )}
      </dl>
      <Stage title="1. Canonical request" why="The request rewritten in one fixed form: method, path, sorted query, the signed headers (lower-case names and trimmed values), the list of their names, and the SHA-256 of the body. Client and service must produce the same bytes.">
        {note.canonicalRequest !== undefined ? <pre className="inspector__pre">{note.canonicalRequest}</pre> : NOT_RECORDED}
      </Stage>
      <Stage title="2. String to sign" why="The algorithm, the request time, the credential scope (date/region/service/aws4_request) and the SHA-256 of the canonical request.">
        {note.stringToSign !== undefined ? <pre className="inspector__pre">{note.stringToSign}</pre> : NOT_RECORDED}
      </Stage>
      <Stage title="3. Signing key" why="The secret never travels. Each side derives a key from it in four HMAC-SHA256 steps, so the key is good for one day, one region and one service only.">
        {note.keyDerivation && note.keyDerivation.length > 0 ? (
          <div className="inspector__scroll" role="group" aria-label="Signing key derivation" tabIndex={0}>
            <table className="inspector__table">
              <caption>Signing key derivation</caption>
              <thead>
                <tr>
                  <th scope="col">Step</th>
                  <th scope="col">Result (hex)</th>
                </tr>
              </thead>
              <tbody>
                {note.keyDerivation.map((step) => (
                  <tr key={step.step}>
                    <th scope="row">
                      <code>{step.step}</code>
                    </th>
                    <td className="inspector__value">
                      <code className="sigv4__hex">{step.hex}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          NOT_RECORDED
        )}
      </Stage>
      <Stage title="4. Signature" why="HMAC-SHA256 of the string to sign with the signing key. The service recomputes it from the secret it issued and compares it with the one sent.">
        {signature !== undefined ? (
          <p className="sigv4__signature">
            <code className="sigv4__hex">{signature}</code> — {valid ? 'the same as the service computed' : 'sent by the client; the service did not accept it'}
          </p>
        ) : (
          NOT_RECORDED
        )}
      </Stage>
    </article>
  );
}

export function SigV4View({ exchange, nested }: { exchange: Exchange; nested: readonly Exchange[] }) {
  const found = notesOfKind('sigv4', exchange, nested);
  if (found.length === 0) return <p>No signed request was checked in this exchange.</p>;
  return (
    <div className="sigv4">
      {found.map((located, i) => (
        <SignatureCard key={i} located={located} />
      ))}
    </div>
  );
}
