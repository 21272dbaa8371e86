// The sandbox as a file: export it (world, seed, start time and actions, as JSON), import one (refused with
// the reason when it is not a valid sandbox, and then nothing changes), or go back to the default world.
// The sandbox saves itself in this browser as it changes; these are for keeping and moving copies.
import { useId, useRef, useState } from 'react';
import { useConfigApi } from './config-api';

function readText(file: Blob): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file);
  });
}

function download(text: string, filename: string) {
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

export function WorldFile() {
  const api = useConfigApi();
  const id = useId();
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [confirming, setConfirming] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

  function say(message: string, problem = '') {
    setStatus(message);
    setError(problem);
  }

  function exportNow() {
    const name = `cognito-lab-sandbox-${api.world.userPools[0]?.name ?? 'world'}.json`;
    download(api.exportJson(), name);
    say(`Exported the sandbox (its world and ${api.actionCount === 1 ? 'its action' : `${api.actionCount} actions`}) as ${name}.`);
  }

  async function choose(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    let text: string;
    try {
      text = await readText(file);
    } catch {
      say('', `“${file.name}” could not be read. The sandbox is unchanged.`);
      return;
    }
    const outcome = api.importJson(text);
    if (outcome.ok) say(`Imported “${file.name}”: the sandbox replays its actions against its world.`);
    else say('', `“${file.name}” was not imported: ${outcome.reason} The sandbox is unchanged.`);
    if (input.current) input.current.value = '';
  }

  return (
    <section className="config-file" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="config-file__title">
        World file
      </h3>
      <p className="muted">The sandbox saves itself in this browser. Export a copy to keep or share it; import one to pick up where it left off.</p>
      <div className="config-actions">
        <button type="button" className="button button--secondary" onClick={exportNow}>
          Export world
        </button>
        <label htmlFor={`${id}-file`} className="config-file__import">
          Import world
          <input ref={input} id={`${id}-file`} type="file" accept="application/json,.json" onChange={(e) => void choose(e.target.files)} />
        </label>
        <button
          ref={resetButton}
          type="button"
          className="button button--secondary"
          aria-expanded={confirming}
          onClick={() => {
            setConfirming(true);
            setTimeout(() => confirmButton.current?.focus(), 0);
          }}
        >
          Reset to default world
        </button>
      </div>
      {confirming && (
        <div className="config-confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>Reset to the default world? Your edits to the world and your {api.actionCount === 1 ? 'action' : `${api.actionCount} actions`} go; export first to keep them.</p>
          <div className="config-actions">
            <button
              ref={confirmButton}
              type="button"
              className="button"
              onClick={() => {
                api.resetWorld();
                setConfirming(false);
                say('The sandbox is back to the default world, with no actions.');
                resetButton.current?.focus();
              }}
            >
              Reset the sandbox
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setConfirming(false);
                say('Reset cancelled. The sandbox is unchanged.');
                resetButton.current?.focus();
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
      <p role="status" className="config-status">
        {status}
      </p>
      <p role="alert" className="config-error">
        {error}
      </p>
    </section>
  );
}
