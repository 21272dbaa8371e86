// One statement of an IAM evaluation, as the evaluator saw it: where it comes from, its effect, whether
// action, resource, principal and each condition matched (✓/✗ with words for screen readers), and
// whether it decided the outcome.
import type { AuthorizationRequest, StatementExplanation } from '../../sim/iam/types';
import { conditionLine, contextValue, POLICY_TYPE_WORDS } from './policy-explain';

export function Mark({ ok }: { ok: boolean }) {
  return (
    <span role="img" aria-label={ok ? 'matches' : 'does not match'} className={ok ? 'mark mark--ok' : 'mark mark--no'}>
      {ok ? '✓' : '✗'}
    </span>
  );
}

export function StatementItem({ statement: s, request, deciding }: { statement: StatementExplanation; request: AuthorizationRequest; deciding: boolean }) {
  const status = deciding ? 'Decided the outcome' : s.applies ? 'Applies' : 'Does not apply';
  return (
    <li className={deciding ? 'statement statement--deciding' : s.applies ? 'statement statement--applies' : 'statement'}>
      <p className="statement__head">
        <strong>{s.policyName}</strong> <span className="muted">({POLICY_TYPE_WORDS[s.policyType]}, statement {s.index + 1})</span>
        {' · '}Sid {s.sid === undefined ? <span className="muted">none</span> : <code>{s.sid}</code>}
        {' · '}Effect <strong className={s.effect === 'Deny' ? 'statement__effect--deny' : 'statement__effect--allow'}>{s.effect}</strong>
        {' · '}
        <span className={deciding ? 'statement__status statement__status--deciding' : 'statement__status'}>{status}</span>
      </p>
      <ul className="statement__checks">
        <li>
          Action <code>{request.action}</code> <Mark ok={s.actionMatched} />
        </li>
        <li>
          Resource <code>{request.resource}</code> <Mark ok={s.resourceMatched} />
        </li>
        {s.principalMatched !== undefined && (
          <li>
            Principal <Mark ok={s.principalMatched} />
          </li>
        )}
        {s.conditions.map((c, i) => (
          <li key={i} className="statement__condition">
            Condition <code>{conditionLine(c, s.substitutions)}</code> <Mark ok={c.matched} />
            {c.note && <span className="muted"> — {c.note}</span>}
          </li>
        ))}
        {s.conditions.length === 0 && <li className="muted">No conditions.</li>}
      </ul>
      {s.unresolved && s.unresolved.length > 0 && (
        <p className="statement__unresolved">
          Variables without a value: {s.unresolved.map((v, i) => (
            <code key={v}>{i > 0 ? `, ${v}` : v}</code>
          ))}{' '}
          — the values holding them match nothing.
        </p>
      )}
    </li>
  );
}

export function ContextTable({ context }: { context: AuthorizationRequest['context'] }) {
  const entries = Object.entries(context);
  return (
    <details className="policy__context">
      <summary>Request context ({entries.length === 1 ? '1 key' : `${entries.length} keys`})</summary>
      {entries.length === 0 ? (
        <p className="muted">The request carried no condition keys.</p>
      ) : (
        <div className="inspector__scroll" role="group" aria-label="Request context" tabIndex={0}>
          <table className="inspector__table">
            <caption>Request context</caption>
            <thead>
              <tr>
                <th scope="col">Condition key</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {entries.map(([key, value]) => (
                <tr key={key}>
                  <th scope="row">
                    <code>{key}</code>
                  </th>
                  <td className="inspector__value">{contextValue(value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
