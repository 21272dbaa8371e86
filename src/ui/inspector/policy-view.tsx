// The Policy tab: each IAM evaluation explained — who asked to do what on which resource, the decision in
// words, the reason, then statement by statement what matched, with the policy variables substituted.
import { useId } from 'react';
import type { Exchange } from '../../sim/index';
import { callName, notesOfKind, type LocatedNote } from './aws-notes';
import { allSubstitutions, decidingStatement, DECISION_MEANING, DECISION_WORDS, MISSING_ALLOW_WORDS } from './policy-explain';
import { ContextTable, StatementItem } from './policy-statement';

const DECISION_ICONS = { Allow: '✔', ExplicitDeny: '✖', ImplicitDeny: '⊘' } as const;

function EvaluationCard({ located }: { located: LocatedNote<'policy'> }) {
  const headingId = useId();
  const statementsId = useId();
  const variablesId = useId();
  const { note, source, nested } = located;
  const { evaluation } = note;
  const deciding = decidingStatement(evaluation);
  const variables = allSubstitutions(evaluation);
  return (
    <article className={`policy-card policy-card--${evaluation.decision}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="token-card__title">
        Evaluation of {evaluation.request.action}
        {nested && <span className="muted"> (by {callName(source)})</span>}
      </h3>
      <p className={`policy__decision policy__decision--${evaluation.decision}`}>
        <span aria-hidden="true">{DECISION_ICONS[evaluation.decision]} </span>
        <strong>{DECISION_WORDS[evaluation.decision]}</strong> — {DECISION_MEANING[evaluation.decision]}
      </p>
      <p className="policy__reason">{evaluation.reason}</p>
      {evaluation.decision === 'ImplicitDeny' && evaluation.missingAllow && <p>Missing allow: {MISSING_ALLOW_WORDS[evaluation.missingAllow]}.</p>}
      <dl className="note__facts">
        <div className="note__fact">
          <dt>Principal</dt>
          <dd>
            <code>{note.principalArn}</code>
          </dd>
        </div>
        <div className="note__fact">
          <dt>Action</dt>
          <dd>
            <code>{evaluation.request.action}</code>
          </dd>
        </div>
        <div className="note__fact">
          <dt>Resource</dt>
          <dd>
            <code>{evaluation.request.resource}</code>
          </dd>
        </div>
      </dl>
      {variables.length > 0 && (
        <>
          <h4 id={variablesId} className="inspector__heading">
            Policy variables substituted
          </h4>
          <ul className="policy__variables" aria-labelledby={variablesId}>
            {variables.map(([name, value]) => (
              <li key={name}>
                <code>{name}</code> → <code>{value}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      <h4 id={statementsId} className="inspector__heading">
        Statements ({evaluation.statements.length})
      </h4>
      {evaluation.statements.length === 0 ? (
        <p className="muted">No policy statement was considered.</p>
      ) : (
        <ol className="policy__statements" aria-labelledby={statementsId}>
          {evaluation.statements.map((s, i) => (
            <StatementItem key={i} statement={s} request={evaluation.request} deciding={deciding === i} />
          ))}
        </ol>
      )}
      <ContextTable context={evaluation.request.context} />
    </article>
  );
}

export function PolicyView({ exchange, nested }: { exchange: Exchange; nested: readonly Exchange[] }) {
  const found = notesOfKind('policy', exchange, nested);
  if (found.length === 0) return <p>No IAM policy was evaluated for this exchange.</p>;
  return (
    <div className="policy">
      {found.map((located, i) => (
        <EvaluationCard key={i} located={located} />
      ))}
    </div>
  );
}
