// One question on screen: its heading (focused on each new question), the stem, and its options as radio
// buttons (one answer) or checkboxes ("Choose N"). Once revealed, every option says whether it is right and why.
import { useId, type Ref } from 'react';
import type { Question } from '../../content/quiz/types';
import { requiredCount } from '../../store/quiz';
import { TOPIC_LABELS } from '../../store/quiz-topics';
import { SimulatorLink } from './simulator-link';

export interface QuestionCardProps {
  question: Question;
  /** Option ids in display order. */
  order: readonly string[];
  selected: readonly string[];
  onSelect(selected: string[]): void;
  heading: string;
  headingRef?: Ref<HTMLHeadingElement>;
  /** Answer given: the options can no longer change. */
  locked?: boolean;
  /** Show every option's verdict and explanation, and the simulator link. */
  reveal?: boolean;
  /** The heading's level: 2 on its own, 3 in a list of questions. */
  level?: 2 | 3;
}

const LETTERS = 'ABCDEF';

/** The selection after choosing the option `id`: replaces for one answer, toggles for "Choose N". */
export function choose(question: Question, selected: readonly string[], id: string): string[] {
  if (question.kind === 'single') return [id];
  return selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id];
}

/** What to say under the options about how many to choose. */
export function chooseHint(question: Question, selected: readonly string[]): string {
  if (question.kind === 'single') return 'Choose one answer.';
  const n = requiredCount(question);
  return `Choose ${n}. ${selected.length} of ${n} chosen.`;
}

export function QuestionCard({ question, order, selected, onSelect, heading, headingRef, locked = false, reveal = false, level = 2 }: QuestionCardProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const id = useId();
  const multiple = question.kind === 'multiple';
  const options = order.map((oid) => question.options.find((o) => o.id === oid)).filter((o) => o !== undefined);
  return (
    <section className="quiz-question" aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`} ref={headingRef} tabIndex={-1} className="quiz-question__heading">
        {heading}
      </Heading>
      <p className="quiz-question__meta">
        <span>{question.topics.map((t) => TOPIC_LABELS[t]).join(' · ')}</span>
        <span className={`quiz-difficulty quiz-difficulty--${question.difficulty}`}>{question.difficulty}</span>
      </p>
      <p className="quiz-question__stem" id={`${id}-stem`}>
        {question.stem}
      </p>
      <fieldset className="quiz-options" aria-describedby={`${id}-stem`}>
        <legend className="quiz-options__legend">{multiple ? `Choose ${requiredCount(question)}` : 'Choose one answer'}</legend>
        <ul className="quiz-options__list">
          {options.map((option, index) => {
            const checked = selected.includes(option.id);
            const verdict = reveal ? (option.correct ? 'right' : 'wrong') : null;
            return (
              <li
                key={option.id}
                className={['quiz-option', checked && 'quiz-option--chosen', verdict && `quiz-option--${verdict}`].filter(Boolean).join(' ')}
              >
                <label className="quiz-option__label">
                  <input
                    type={multiple ? 'checkbox' : 'radio'}
                    name={`${id}-options`}
                    value={option.id}
                    checked={checked}
                    disabled={locked}
                    aria-describedby={reveal ? `${id}-why-${option.id}` : undefined}
                    onChange={() => onSelect(choose(question, selected, option.id))}
                  />
                  <span className="quiz-option__key" aria-hidden="true">
                    {LETTERS[index] ?? index + 1}
                  </span>
                  <span className="quiz-option__text">{option.text}</span>
                </label>
                {reveal && (
                  <p className="quiz-option__why" id={`${id}-why-${option.id}`}>
                    <strong className="quiz-option__verdict">
                      {option.correct ? 'Right answer' : 'Wrong answer'}
                      {checked ? ' (your choice)' : ''}:
                    </strong>{' '}
                    {option.explanation}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
      {!locked && multiple && (
        <p className="quiz-question__hint muted" aria-live="polite">
          {chooseHint(question, selected)}
        </p>
      )}
      {reveal && question.see && <SimulatorLink see={question.see} />}
    </section>
  );
}
