// What the learner did, in order: each action with the steps it made (a button to the first one) or why it could
// not run (a problem: no request was made); Undo last action and Clear actions. An AWS error is not a problem:
// it is a step like any other, with AWS's answer in the inspector.
import { useId } from 'react';
import type { SandboxAction, SandboxProblem, SandboxStep } from '../../../content/sandbox/actions';
import { describeAction } from './describe-action';

export interface ActionLogProps {
  actions: readonly SandboxAction[];
  steps: readonly SandboxStep[];
  problems: readonly SandboxProblem[];
  busy: boolean;
  onGoTo(step: number): void;
  onUndo(): void;
  onClear(): void;
}

export function ActionLog({ actions, steps, problems, busy, onGoTo, onUndo, onClear }: ActionLogProps) {
  const id = useId();
  const lastIndex = actions.length - 1;
  const lastProblem = problems.find((p) => p.actionIndex === lastIndex);
  return (
    <section className="act-log" aria-labelledby={id}>
      <h3 id={id} className="act-group__title">
        Your actions
      </h3>
      <div role="alert" className="act-log__alert">
        {lastProblem && (
          <p className="act-problem">
            Could not run “{describeAction(actions[lastIndex]!)}”: {lastProblem.message}
          </p>
        )}
      </div>
      {actions.length === 0 ? (
        <p className="muted">Nothing yet. Each form below is one action; its requests become steps in the diagram and the inspector.</p>
      ) : (
        <ol className="act-log__list" aria-label="Actions so far">
          {actions.map((action, i) => {
            const first = steps.findIndex((s) => s.actionIndex === i);
            const count = steps.filter((s) => s.actionIndex === i).length;
            const problem = problems.find((p) => p.actionIndex === i);
            return (
              <li key={i} className={problem ? 'act-log__item act-log__item--problem' : 'act-log__item'}>
                <span>{describeAction(action)}</span>{' '}
                {problem ? (
                  <span className="act-log__problem">Not run: {problem.message}</span>
                ) : first >= 0 ? (
                  <button type="button" className="act-log__go" onClick={() => onGoTo(first)}>
                    {count === 1 ? `Step ${first + 1}` : `Steps ${first + 1}–${first + count}`}
                  </button>
                ) : (
                  action.kind !== 'advance-clock' && <span className="muted">no request</span>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <div className="act-row">
        <button type="button" className="button button--secondary" disabled={busy || actions.length === 0} onClick={onUndo}>
          Undo last action
        </button>
        <button type="button" className="button button--secondary" disabled={busy || actions.length === 0} onClick={onClear}>
          Clear actions
        </button>
      </div>
    </section>
  );
}
