// "See it in the simulator": the guided scenario's step that demonstrates a question's answer, and what to look at.
import type { SimulatorLink as Link } from '../../content/quiz/types';

export function simulatorHref(see: Link): string {
  return `#/learn/${encodeURIComponent(see.scenario)}/${see.step}`;
}

export function SimulatorLink({ see }: { see: Link }) {
  return (
    <p className="quiz-see">
      <a href={simulatorHref(see)} className="quiz-see__link">
        See it in the simulator
      </a>{' '}
      <span className="quiz-see__look">
        (step {see.step}). What to look at: {see.look}
      </span>
    </p>
  );
}
