// The current step in words, announced to screen readers (aria-live), with the exam tip and, at the
// last step, the scenario's outcome. Before the first step (the sandbox, the TOTP lab) the region is already
// there, showing `empty`: a live region that appears together with its first words is often not read out,
// one that was there before they arrived is.
import type { ReactNode } from 'react';
import type { ScenarioStep } from '../../content/scenarios/types';

export interface NarrationProps {
  /** The current step; none yet while nothing has happened. */
  step: ScenarioStep | undefined;
  number: number;
  total: number;
  outcome?: { text: string; met: boolean };
  /** Shown while there is no step yet. */
  empty?: ReactNode;
  /** The step title's heading level, to fit the page's outline (default 2). */
  level?: 2 | 3 | 4;
}

export function Narration({ step, number, total, outcome, empty, level = 2 }: NarrationProps) {
  const Heading = `h${level}` as const;
  return (
    <section className={step ? 'narration' : 'narration narration--empty'} aria-live="polite" aria-atomic="true" aria-label="Narration">
      {step ? (
        <>
          <Heading className="narration__title">
            <span className="narration__number">{number}.</span> {step.title}
          </Heading>
          <p className="narration__text">{step.narration}</p>
          {step.examTip && (
            // A note, not an aside: a complementary landmark inside the narration's region would be nested in it.
            <div className="exam-tip" role="note" aria-label="Exam tip">
              <strong>Exam tip</strong> {step.examTip}
            </div>
          )}
          {outcome && number === total && (
            <div className={`outcome ${outcome.met ? 'outcome--met' : 'outcome--unmet'}`} role="note" aria-label="Outcome">
              <strong>{outcome.met ? 'Outcome' : 'Outcome not reached'}</strong> {outcome.text}
            </div>
          )}
        </>
      ) : (
        empty
      )}
    </section>
  );
}
