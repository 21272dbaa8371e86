// The keyboard shortcuts of the quiz, always on screen beside the question.
import { useId } from 'react';

export function ShortcutList({ exam }: { exam: boolean }) {
  const id = useId();
  return (
    <aside className="quiz-shortcuts" aria-labelledby={id}>
      <h2 id={id} className="quiz-shortcuts__title">
        Keyboard shortcuts
      </h2>
      <dl className="quiz-shortcuts__list">
        <dt>
          <kbd>1</kbd>–<kbd>9</kbd> or <kbd>A</kbd>–<kbd>F</kbd>
        </dt>
        <dd>Choose that option (toggles it when the question says “Choose N”)</dd>
        <dt>
          <kbd>Enter</kbd>
        </dt>
        <dd>{exam ? 'Next question (on the last one: review and submit)' : 'Submit your answer, then go on'}</dd>
        <dt>
          <kbd>N</kbd>
        </dt>
        <dd>Next question</dd>
        {exam && (
          <>
            <dt>
              <kbd>P</kbd>
            </dt>
            <dd>Previous question</dd>
          </>
        )}
        <dt>
          <kbd>Tab</kbd>
        </dt>
        <dd>Move between the controls</dd>
      </dl>
      <p className="quiz-shortcuts__note muted">Shortcuts pause while you type in a field.</p>
    </aside>
  );
}
