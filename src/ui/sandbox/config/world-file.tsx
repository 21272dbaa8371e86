// The sandbox as a file: export it (world, seed, start time and actions, as JSON), import one (refused with
// the reason when it is not a valid sandbox, and then nothing changes), or go back to the default world.
// The sandbox saves itself in this browser as it changes; these are for keeping and moving copies.
import { useId, useRef, useState } from 'react';
import { downloadText, FilePick } from '../../components/file-transfer';
import { useConfigApi } from './config-api';

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
    downloadText(name, api.exportJson());
    say(`Exported the sandbox (its world and ${api.actionCount === 1 ? 'its action' : `${api.actionCount} actions`}) as ${name}.`);
  }

  function importText(text: string, file: File) {
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
        <FilePick
          ref={input}
          label="Import world"
          className="config-file__import"
          onText={importText}
          onUnreadable={(file) => say('', `“${file.name}” could not be read. The sandbox is unchanged.`)}
        />
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
