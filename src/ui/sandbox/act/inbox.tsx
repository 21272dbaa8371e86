// What the learner can read outside the app: the simulated inbox and phone (every e-mail and SMS the services
// sent during the run, newest first, with its code picked out), and what the app holds in its session.
import { useId } from 'react';
import type { DeliveredMessage } from '../../../sim/index';
import type { SandboxSessionView } from '../../../content/sandbox/actions';
import { formatVirtualTime } from './clock-controls';

export function Inbox({ messages }: { messages: readonly DeliveredMessage[] }) {
  const id = useId();
  const newestFirst = [...messages].reverse();
  return (
    <section className="act-inbox" aria-labelledby={id}>
      <h3 id={id} className="act-group__title">
        Inbox and phone
      </h3>
      {newestFirst.length === 0 ? (
        <p className="muted">No e-mail or SMS yet. Sign up, or sign in with SMS MFA, and the messages land here.</p>
      ) : (
        <ol className="act-inbox__list" aria-label="Messages, newest first">
          {newestFirst.map((m, i) => (
            <li key={`${m.at}-${messages.length - i}`} className="act-message">
              <p className="act-message__head">
                <span className="act-message__channel">{m.channel === 'SMS' ? 'SMS' : 'E-mail'}</span> to <strong>{m.destination}</strong>{' '}
                <span className="muted">at {formatVirtualTime(m.at)}</span>
              </p>
              {m.subject && <p className="act-message__subject">{m.subject}</p>}
              <p className="act-message__body">{m.body}</p>
              {m.code && (
                <p className="act-message__code">
                  Code: <code>{m.code}</code>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const short = (token: string) => (token.length > 24 ? `${token.slice(0, 12)}…${token.slice(-8)}` : token);

export function SessionView({ session }: { session: SandboxSessionView | undefined }) {
  const id = useId();
  const rows: [string, string][] = [];
  if (session?.username) rows.push(['User', session.username]);
  if (session?.challenge) rows.push(['Pending challenge', session.challenge.name]);
  if (session?.tokens) {
    rows.push(['ID token', short(session.tokens.idToken)]);
    rows.push(['Access token', short(session.tokens.accessToken)]);
    if (session.tokens.refreshToken) rows.push(['Refresh token', short(session.tokens.refreshToken)]);
  }
  if (session?.authenticator) rows.push(['Virtual authenticator', `set up for ${session.authenticator.username}`]);
  if (session?.identityId) rows.push(['Identity id', session.identityId]);
  if (session?.credentials) {
    rows.push(['Access key', session.credentials.accessKeyId]);
    if (session.credentials.expiration) rows.push(['Credentials expire', session.credentials.expiration]);
  }
  return (
    <section className="act-session" aria-labelledby={id}>
      <h3 id={id} className="act-group__title">
        The app’s session
      </h3>
      {rows.length === 0 ? (
        <p className="muted">Nothing yet: no one is signed in and the app holds no credentials.</p>
      ) : (
        <dl className="act-session__facts">
          {rows.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
