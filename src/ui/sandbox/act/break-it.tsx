// "Break it": arm a fault for the next call it fits (a tampered claim, swapped tokens, another user's identity id,
// a skewed clock, another user's partition key), or break the world itself (remove a statement from the signed-in
// users' role, turn guest access off, a stricter password policy) — then watch the service refuse, with AWS's
// answer in the inspector.
import { useId, useState } from 'react';
import type { WorldConfig } from '../../../sim/world/config';
import { FAULTS, type FaultId } from './faults';
import {
  authenticatedRoleName,
  authenticatedRoleStatements,
  guestAccessOn,
  hasStrictPasswordPolicy,
  STRICT_PASSWORD_POLICY,
  withGuestAccess,
  withoutStatement,
  withStricterPasswordPolicy,
} from './world-breaks';

export interface WorldIssueLike {
  path: string;
  message: string;
}

export interface BreakItProps {
  busy: boolean;
  armed: FaultId | null;
  onArm(fault: FaultId | null): void;
  world: WorldConfig;
  /** The store's setWorld: refuses an invalid world with its issues, else replays the actions against it. */
  onSetWorld(world: WorldConfig): WorldIssueLike[] | Promise<WorldIssueLike[]>;
}

export function BreakIt({ busy, armed, onArm, world, onSetWorld }: BreakItProps) {
  const headingId = useId();
  const faultsId = useId();
  const statementId = useId();
  const statements = authenticatedRoleStatements(world);
  const [statementKey, setStatementKey] = useState('');
  const chosen = statements.find((s) => `${s.policyName}#${s.index}` === statementKey) ?? statements[0];
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; issues: WorldIssueLike[] } | null>(null);
  const guests = guestAccessOn(world);
  const strict = hasStrictPasswordPolicy(world);

  async function apply(next: WorldConfig, done: string) {
    const issues = await onSetWorld(next);
    setOutcome(issues.length === 0 ? { ok: true, text: `${done} The actions so far replay against the changed world.`, issues } : { ok: false, text: 'The change was refused:', issues });
  }

  return (
    <section className="act-break" aria-labelledby={headingId}>
      <h3 id={headingId} className="act-group__title">
        Break it
      </h3>
      <fieldset className="act-break__faults" aria-describedby={`${faultsId}-hint`}>
        <legend>Send the next call with a fault</legend>
        <p id={`${faultsId}-hint`} className="act-field__hint">
          The fault rides on the next call it fits, then disarms. Watch the service refuse it in the inspector.
        </p>
        <label className="act-radio">
          <input type="radio" name={faultsId} checked={armed === null} onChange={() => onArm(null)} /> No fault
        </label>
        {FAULTS.map((f) => (
          <div key={f.id} className="act-radio-option">
            <label className="act-radio">
              <input type="radio" name={faultsId} checked={armed === f.id} onChange={() => onArm(f.id)} aria-describedby={`${faultsId}-${f.id}`} /> {f.label}
            </label>
            <span id={`${faultsId}-${f.id}`} className="act-field__hint act-radio__hint">
              {f.description}
            </span>
          </div>
        ))}
      </fieldset>

      <div className="act-break__world" role="group" aria-labelledby={`${headingId}-world`}>
        <h4 id={`${headingId}-world`} className="act-card__title">
          Break the world
        </h4>
        {chosen ? (
          <div className="act-field">
            <label htmlFor={statementId}>Statement of {authenticatedRoleName(world)}</label>
            <div className="act-row">
              <select id={statementId} value={`${chosen.policyName}#${chosen.index}`} onChange={(e) => setStatementKey(e.target.value)}>
                {statements.map((s) => (
                  <option key={`${s.policyName}#${s.index}`} value={`${s.policyName}#${s.index}`}>
                    {s.label}
                  </option>
                ))}
              </select>
              <button type="button" className="button button--danger" disabled={busy} onClick={() => void apply(withoutStatement(world, chosen), `Removed ${chosen.label}.`)}>
                Remove the statement
              </button>
            </div>
          </div>
        ) : (
          <p className="muted">The signed-in users’ role has no statement left to remove.</p>
        )}
        <div className="act-row">
          <button
            type="button"
            className="button button--danger"
            disabled={busy}
            onClick={() => void apply(withGuestAccess(world, !guests), guests ? 'Guest access is off.' : 'Guest access is on again.')}
          >
            {guests ? 'Turn guest access off' : 'Turn guest access on'}
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={busy || strict}
            onClick={() => void apply(withStricterPasswordPolicy(world), `The password policy now wants ${STRICT_PASSWORD_POLICY.MinimumLength} characters with every character class.`)}
          >
            Use a stricter password policy
          </button>
        </div>
        {strict && <p className="act-field__hint">The password policy already wants at least {STRICT_PASSWORD_POLICY.MinimumLength} characters with every class.</p>}
        {outcome && (
          <div role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'act-ok' : 'act-problem'}>
            <p>{outcome.text}</p>
            {outcome.issues.length > 0 && (
              <ul>
                {outcome.issues.map((i) => (
                  <li key={`${i.path}:${i.message}`}>
                    <code>{i.path}</code>: {i.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
