// The Credentials tab: each set of AWS credentials the exchange handed out — the key id, the secret and
// session token masked until revealed, the role, the identity, and the expiry counted in virtual time.
import { useId, useMemo, useState } from 'react';
import type { Exchange } from '../../sim/index';
import { findCredentials, roleName, type FoundCredentials } from './find-credentials';
import { describeExpiry, isoTime } from './relative-time';

function explanation(found: FoundCredentials): string {
  if (found.temporary) return 'Temporary credentials from STS: they expire; ASIA keys always travel with a session token, which every request signed with them must carry (X-Amz-Security-Token).';
  if (found.accessKeyId.startsWith('AKIA')) return 'A long-term access key of an IAM user (AKIA…): it never expires by itself and has no session token.';
  return 'AWS credentials: an access key id to name them and a secret to sign requests with.';
}

function Secret({ value, revealed }: { value: string | undefined; revealed: boolean }) {
  if (value === undefined) return <span className="muted">not seen in this exchange</span>;
  if (revealed) return <code className="inspector__long credentials__secret">{value}</code>;
  return (
    <>
      <span className="credentials__masked" aria-hidden="true">
        ••••••••••••••••
      </span>{' '}
      <span className="muted">(hidden, {value.length.toLocaleString('en-US')} characters)</span>
    </>
  );
}

function Expiry({ expiresAt, at }: { expiresAt: number | undefined; at: number }) {
  if (expiresAt === undefined) return <p className="muted">No expiry stated.</p>;
  const { expired, text } = describeExpiry(expiresAt, at);
  return (
    <p className={expired ? 'token-card__expiry token-card__expiry--expired' : 'token-card__expiry'}>
      <strong>{text.charAt(0).toUpperCase() + text.slice(1)}</strong> (at {isoTime(expiresAt)}; this step happens at {isoTime(at)} on the virtual clock)
    </p>
  );
}

function CredentialsCard({ found, at }: { found: FoundCredentials; at: number }) {
  const headingId = useId();
  const [revealed, setRevealed] = useState(false);
  const role = found.roleArn === undefined ? undefined : roleName(found.roleArn);
  const kind = found.temporary ? 'Temporary credentials' : found.accessKeyId.startsWith('AKIA') ? 'Long-term access key' : 'Credentials';
  return (
    <article className="token-card credentials" aria-labelledby={headingId}>
      <h3 id={headingId} className="token-card__title">
        {role ? `${kind} for ${role}` : kind}
      </h3>
      <p className="credentials__why">{explanation(found)}</p>
      {found.expiresAt !== undefined || found.temporary ? <Expiry expiresAt={found.expiresAt} at={at} /> : null}
      <div className="credentials__reveal">
        <button type="button" className="inspector__toggle" aria-pressed={revealed} onClick={() => setRevealed(!revealed)}>
          Reveal secret
        </button>
        <span className="muted">The secret signs requests and never travels in them; anyone who holds it can act as this role.</span>
      </div>
      <dl className="note__facts">
        <div className="note__fact">
          <dt>Access key id</dt>
          <dd>
            <code>{found.accessKeyId}</code> {found.temporary && <span className="muted">(ASIA…: temporary)</span>}
          </dd>
        </div>
        <div className="note__fact">
          <dt>Secret access key</dt>
          <dd>
            <Secret value={found.secretAccessKey} revealed={revealed} />
          </dd>
        </div>
        <div className="note__fact">
          <dt>Session token</dt>
          <dd>
            <Secret value={found.sessionToken} revealed={revealed} />
          </dd>
        </div>
        {found.roleArn !== undefined && (
          <div className="note__fact">
            <dt>Role</dt>
            <dd>
              {role && <strong>{role}</strong>} <code>{found.roleArn}</code>
            </dd>
          </div>
        )}
        {found.identityId !== undefined && (
          <div className="note__fact">
            <dt>Identity id</dt>
            <dd>
              <code>{found.identityId}</code>
            </dd>
          </div>
        )}
      </dl>
      <p className="token-card__where muted">Found in {found.where.join('; ')}</p>
    </article>
  );
}

export function CredentialsView({ exchange, nested }: { exchange: Exchange; nested: readonly Exchange[] }) {
  const found = useMemo(() => findCredentials(exchange, nested), [exchange, nested]);
  if (found.length === 0) return <p>No AWS credentials travel in this exchange.</p>;
  return (
    <div className="credentials-list">
      {found.map((c) => (
        <CredentialsCard key={c.accessKeyId} found={c} at={exchange.at} />
      ))}
    </div>
  );
}
