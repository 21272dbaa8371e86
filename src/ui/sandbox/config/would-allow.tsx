// "Would this be allowed?": IAM's evaluator, over the applied world's roles, asked about one request —
// a role, an action, a resource and the condition keys the request would carry — answers Allow or Deny,
// with its reason, the statement that decided, and every statement it looked at.
import { useId, useState, type FormEvent } from 'react';
import type { Evaluation } from '../../../sim/iam/types';
import { decidingStatement, DECISION_MEANING, MISSING_ALLOW_WORDS } from '../../inspector/policy-explain';
import { StatementItem } from '../../inspector/policy-statement';
import { useConfigApi, type WouldAllowResult } from './config-api';
import '../../inspector/inspector.css';
import '../../inspector/inspector-aws.css';

/** "key = value" lines; a key given on several lines is multivalued (e.g. cognito-identity.amazonaws.com:amr). */
export function readContext(text: string): { context: Record<string, string | string[]>; problems: string[] } {
  const context: Record<string, string | string[]> = {};
  const problems: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const at = line.indexOf('=');
    const key = at < 0 ? '' : line.slice(0, at).trim();
    if (key === '') {
      problems.push(`Line ${i + 1}: write it as condition key = value.`);
      return;
    }
    const value = line.slice(at + 1).trim();
    const before = context[key];
    context[key] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  });
  return { context, problems };
}

function Verdict({ evaluation }: { evaluation: Evaluation }) {
  const headingId = useId();
  const deciding = decidingStatement(evaluation);
  const decider = deciding === undefined ? undefined : evaluation.statements[deciding];
  const allowed = evaluation.decision === 'Allow';
  return (
    <article className={`policy-card policy-card--${evaluation.decision}`} aria-labelledby={headingId}>
      <h5 id={headingId} className={`config-verdict policy__decision policy__decision--${evaluation.decision}`}>
        <span aria-hidden="true">{allowed ? '✔ ' : '✖ '}</span>
        {allowed ? 'Allow' : evaluation.decision === 'ExplicitDeny' ? 'Deny (explicit)' : 'Deny (implicit)'}
      </h5>
      <p>{DECISION_MEANING[evaluation.decision]}</p>
      <p className="policy__reason">
        <strong>Reason:</strong> {evaluation.reason}
      </p>
      <p>
        <strong>Deciding statement:</strong>{' '}
        {decider ? (
          <>
            statement {decider.index + 1}
            {decider.sid !== undefined && (
              <>
                {' '}
                (<code>{decider.sid}</code>)
              </>
            )}{' '}
            of {decider.policyName}, Effect {decider.effect}
          </>
        ) : (
          <>none — {evaluation.missingAllow ? MISSING_ALLOW_WORDS[evaluation.missingAllow] : 'no statement allows the request'}.</>
        )}
      </p>
      <details>
        <summary>Every statement IAM looked at ({evaluation.statements.length})</summary>
        <ol className="policy__statements">
          {evaluation.statements.map((s, i) => (
            <StatementItem key={i} statement={s} request={evaluation.request} deciding={deciding === i} />
          ))}
        </ol>
      </details>
    </article>
  );
}

export function WouldAllow({ defaultRole }: { defaultRole?: string }) {
  const api = useConfigApi();
  const id = useId();
  const roles = api.world.roles.map((r) => r.name);
  const [role, setRole] = useState(defaultRole && roles.includes(defaultRole) ? defaultRole : (roles[0] ?? ''));
  const [action, setAction] = useState('dynamodb:GetItem');
  const [resource, setResource] = useState(`arn:aws:dynamodb:${api.world.region}:${api.world.accountId}:table/Notes`);
  const [contextText, setContextText] = useState('');
  const [result, setResult] = useState<WouldAllowResult | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const chosenRole = roles.includes(role) ? role : (roles[0] ?? '');

  function check(event: FormEvent) {
    event.preventDefault();
    const read = readContext(contextText);
    const missing = [!action.trim() && 'Enter an action, e.g. dynamodb:GetItem.', !resource.trim() && 'Enter a resource ARN.'].filter((x): x is string => Boolean(x));
    setProblems([...missing, ...read.problems]);
    if (missing.length || read.problems.length) return setResult(null);
    setResult(api.wouldAllow({ roleName: chosenRole, action: action.trim(), resource: resource.trim(), context: read.context }));
  }

  const problemsId = `${id}-problems`;
  return (
    <section className="config-would-allow" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="config-section__title">
        Would this be allowed?
      </h4>
      <p className="muted">Asks IAM about the applied world (apply your policy edits first). Only the role’s permission policies are evaluated, as for a call made with its credentials.</p>
      <form className="config-form" onSubmit={check} noValidate aria-labelledby={`${id}-title`}>
        <div className="config-field">
          <label htmlFor={`${id}-role`}>Role</label>
          <select id={`${id}-role`} value={chosenRole} onChange={(e) => setRole(e.target.value)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <div className="config-field">
          <label htmlFor={`${id}-action`}>Action</label>
          <input id={`${id}-action`} type="text" value={action} spellCheck={false} autoComplete="off" onChange={(e) => setAction(e.target.value)} aria-describedby={problems.length ? problemsId : undefined} />
        </div>
        <div className="config-field">
          <label htmlFor={`${id}-resource`}>Resource</label>
          <input id={`${id}-resource`} type="text" value={resource} spellCheck={false} autoComplete="off" onChange={(e) => setResource(e.target.value)} aria-describedby={problems.length ? problemsId : undefined} />
        </div>
        <div className="config-field">
          <label htmlFor={`${id}-context`}>Request context (optional)</label>
          <span id={`${id}-context-hint`} className="config-field__hint">
            One condition key a line: key = value. Repeat a key for several values. E.g. dynamodb:LeadingKeys = us-east-1:1111 and cognito-identity.amazonaws.com:sub = us-east-1:1111.
          </span>
          <textarea
            id={`${id}-context`}
            className="config-code"
            rows={3}
            value={contextText}
            spellCheck={false}
            onChange={(e) => setContextText(e.target.value)}
            aria-describedby={[`${id}-context-hint`, problems.length ? problemsId : ''].filter(Boolean).join(' ')}
          />
        </div>
        <div className="config-actions">
          <button type="submit" className="button">
            Check
          </button>
        </div>
        <div id={problemsId} role="alert" className={problems.length ? 'config-error' : 'config-error config-error--empty'}>
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      </form>
      <div aria-live="polite" className="config-would-allow__result">
        {result && ('error' in result ? <p className="config-error">{result.error}</p> : <Verdict evaluation={result} />)}
      </div>
    </section>
  );
}
