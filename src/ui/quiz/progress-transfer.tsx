// Export the quiz progress as a JSON file (a Blob link), and import one. A file is checked before anything
// changes: a refused file says why and leaves the progress as it was; an accepted one asks before it replaces.
import { useId, useRef, useState } from 'react';
import { checkImport } from '../../store/quiz-topics';
import { downloadText, FilePick } from '../components/file-transfer';
import { dayKey } from './progress-format';
import { useQuizState } from './quiz-store-context';

type Pending = { name: string; text: string; answers: number; exams: number };

export function ProgressTransfer() {
  const id = useId();
  const progress = useQuizState((s) => s.progress);
  const exportText = useQuizState((s) => s.exportText);
  const importFrom = useQuizState((s) => s.importFrom);
  const now = useQuizState((s) => s.now);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const input = useRef<HTMLInputElement>(null);

  function exportNow() {
    const name = `cognito-lab-quiz-progress-${dayKey(now())}.json`;
    downloadText(name, exportText());
    setError('');
    setStatus(`Exported your progress as ${name}.`);
  }

  function clear() {
    setStatus('');
    setError('');
    setPending(null);
  }

  function check(text: string, file: File) {
    const checked = checkImport(text);
    if (!checked.ok) {
      setError(`“${file.name}” was not imported: ${checked.reason} Your progress is unchanged.`);
      if (input.current) input.current.value = '';
      return;
    }
    setPending({ name: file.name, text, answers: checked.progress.history.length, exams: checked.progress.exams.length });
  }

  function replace() {
    if (!pending) return;
    const outcome = importFrom(pending.text);
    if (outcome.ok) setStatus(`Imported your progress from “${pending.name}”.`);
    else setError(`“${pending.name}” was not imported: ${outcome.reason} Your progress is unchanged.`);
    setPending(null);
    if (input.current) input.current.value = '';
  }

  function cancel() {
    setPending(null);
    setStatus('Import cancelled. Your progress is unchanged.');
    if (input.current) input.current.value = '';
  }

  return (
    <section className="quiz-transfer" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Export and import</h2>
      <p className="muted">Progress stays in this browser. Export it to keep a copy or to move it to another browser, then import it there.</p>
      <div className="quiz-actions">
        <button type="button" className="button" onClick={exportNow}>
          Export progress
        </button>
        <FilePick
          ref={input}
          label="Import progress from a file"
          className="quiz-file"
          onChoose={clear}
          onText={check}
          onUnreadable={(file) => setError(`“${file.name}” could not be read. Your progress is unchanged.`)}
        />
      </div>
      {pending && (
        <div className="quiz-confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>
            Replace your current progress ({progress.history.length} answers, {progress.exams.length} exams) with the progress in “{pending.name}” (
            {pending.answers} answers, {pending.exams} exams)?
          </p>
          <div className="quiz-actions">
            <button type="button" className="button" onClick={replace}>
              Replace my progress
            </button>
            <button type="button" className="button button--secondary" onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <p role="status" className="quiz-transfer__status">
        {status}
      </p>
      <p role="alert" className="quiz-error">
        {error}
      </p>
    </section>
  );
}
