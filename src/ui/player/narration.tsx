// The current step in words, announced to screen readers (aria-live), with the exam tip and, at the
// last step, the scenario's outcome.
import type { ScenarioStep } from '../../content/scenarios/types';

export interface NarrationProps {
  step: ScenarioStep;
  number: number;
  total: number;
  outcome?: { text: string; met: boolean };
}

export function Narration({ step, number, total, outcome }: NarrationProps) {
  return (
    <section className="narration" aria-live="polite" aria-atomic="true" aria-label="Narration">
      <h2 className="narration__title">
        <span className="narration__number">{number}.</span> {step.title}
      </h2>
      <p className="narration__text">{step.narration}</p>
      {step.examTip && (
        <aside className="exam-tip" aria-label="Exam tip">
          <strong>Exam tip</strong> {step.examTip}
        </aside>
      )}
      {outcome && number === total && (
        <div className={`outcome ${outcome.met ? 'outcome--met' : 'outcome--unmet'}`} role="note" aria-label="Outcome">
          <strong>{outcome.met ? 'Outcome' : 'Outcome not reached'}</strong> {outcome.text}
        </div>
      )}
    </section>
  );
}
