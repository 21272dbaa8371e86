// Export the quiz progress as a JSON file (a Blob link), and import one. A file is checked before anything
// changes: a refused file says why and leaves the progress as it was; an accepted one asks before it replaces.
import { useId, useRef, useState } from 'react';
import { checkImport } from '../../store/quiz-topics';
import { dayKey } from './progress-format';
import { useQuizState } from './quiz-store-context';

function readText(file: Blob): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file);
  });
}

/** Offers `text` as a file download through a temporary Blob link. */
export function downloadText(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

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
    downloadText(exportText(), name);
    setError('');
    setStatus(`Exported your progress as ${name}.`);
  }

  async function choose(files: FileList | null) {
    const file = files?.[0];
    setStatus('');
    setError('');
    setPending(null);
    if (!file) return;
    let text: string;
    try {
      text = await readText(file);
    } catch {
      setError(`“${file.name}” could not be read. Your progress is unchanged.`);
      return;
    }
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
        <label htmlFor={`${id}-file`} className="quiz-file">
          Import progress from a file
          <input ref={input} id={`${id}-file`} type="file" accept="application/json,.json" onChange={(e) => void choose(e.target.files)} />
        </label>
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
