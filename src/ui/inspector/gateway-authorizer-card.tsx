// The method authorization of one API Gateway request: which authorizer ran, its outcome in words, whether
// the decision came from the authorizer cache, and each check it made, in order (✓ / ✗ with words).
import { useId } from 'react';
import { Fact } from './gateway-parts';
import { AUTHORIZATION_TYPES, AUTHORIZER_HOW, AUTHORIZER_NAMES, checksSummary, checkWords, decidingCheck, decisionSource, OUTCOME_WORDS, type AuthorizerCheck, type AuthorizerNote } from './gateway-authorizer';

function CheckItem({ check, deciding }: { check: AuthorizerCheck; deciding: boolean }) {
  const { icon, word, tone } = checkWords(check);
  return (
    <li className={deciding ? 'gateway__check gateway__check--deciding' : 'gateway__check'}>
      <span className={`mark mark--${tone}`}>
        <span aria-hidden="true">{icon}</span> {word}
      </span>{' '}
      <strong>{check.check}</strong>
      {check.detail !== undefined && <span className="gateway__detail"> — {check.detail}</span>}
      {deciding && <span className="statement__status statement__status--deciding">refused the request</span>}
    </li>
  );
}

export function AuthorizerCard({ note }: { note: AuthorizerNote }) {
  const headingId = useId();
  const checksId = useId();
  const outcome = OUTCOME_WORDS[note.outcome];
  const source = decisionSource(note);
  const deciding = decidingCheck(note);
  return (
    <article className={`gateway-card gateway-card--${note.outcome}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="token-card__title">
        Authorizer: {AUTHORIZER_NAMES[note.authorizer]}
        {note.name !== undefined && (
          <>
            {' '}
            <span className="muted">{note.name}</span>
          </>
        )}
      </h3>
      <p className={`gateway__outcome gateway__outcome--${note.outcome}`}>
        <span aria-hidden="true">{outcome.icon} </span>
        <strong>{outcome.label}</strong> — {outcome.meaning}
      </p>
      {note.cached === true && (
        <p className="gateway__cached">
          <strong>Cached decision.</strong> {source}
        </p>
      )}
      <p className="gateway__summary">{note.summary}</p>
      <dl className="note__facts">
        <Fact term="Method authorization">
          <code>{AUTHORIZATION_TYPES[note.authorizer]}</code>
        </Fact>
        <Fact term="How it decides">{AUTHORIZER_HOW[note.authorizer]}</Fact>
        {note.principalId !== undefined && (
          <Fact term="Principal">
            <code>{note.principalId}</code>
          </Fact>
        )}
        {source !== undefined && note.cached !== true && <Fact term="Decision">{source}</Fact>}
      </dl>
      <h4 id={checksId} className="inspector__heading">
        Checks ({note.checks.length})
      </h4>
      <p className="gateway__checks-summary">{checksSummary(note)}</p>
      {note.checks.length > 0 && (
        <ol className="gateway__checks" aria-labelledby={checksId}>
          {note.checks.map((check, i) => (
            <CheckItem key={i} check={check} deciding={i === deciding} />
          ))}
        </ol>
      )}
    </article>
  );
}
