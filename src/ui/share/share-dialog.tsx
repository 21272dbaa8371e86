// "Share a link": builds the link to what is on screen (a scenario step, or the whole sandbox and its step) with
// encodeShare, shows it with its length, and copies it. Passwords and client secrets stay out unless the
// learner ticks the box; the link can open straight into presenter view.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { ShareTarget } from '../../store/sandbox';
import './share.css';

export interface ShareDialogProps {
  target: ShareTarget;
  onClose(): void;
}

/** Chat apps and some mail clients cut or refuse longer links. */
const LONG_LINK = 2000;

type LinkState = { kind: 'building' } | { kind: 'ready'; url: string } | { kind: 'failed'; reason: string };
/** A result with the inputs it was made from: a result for older inputs reads as "building". */
type Keyed<T> = T & { key: string };

function describeTarget(target: ShareTarget): string {
  const view = target.view.layout === 'sequence' ? 'sequence view' : 'diagram view';
  if (target.kind === 'scenario') return `The scenario at step ${target.step + 1}, in the ${view}.`;
  const n = target.doc.actions.length;
  return `Your sandbox: its world, its ${n} action${n === 1 ? '' : 's'} (replayed the same way on any computer) and step ${target.step + 1}, in the ${view}.`;
}

async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, not a secure context): fall back to a selection.
  }
  field?.focus();
  field?.select();
  try {
    return document.execCommand?.('copy') ?? false;
  } catch {
    return false;
  }
}

export function ShareDialog({ target, onClose }: ShareDialogProps) {
  const headingId = useId();
  const secretsId = useId();
  const presenterId = useId();
  const linkId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [presenter, setPresenter] = useState(target.view.presenter ?? false);
  // A new object with the same content (the parent re-rendered) must not rebuild the link.
  const targetKey = useMemo(() => JSON.stringify(target), [target]);
  const inputsKey = `${targetKey}|${includeSecrets}|${presenter}`;
  const [result, setResult] = useState<Keyed<LinkState> | null>(null);
  const [copiedFor, setCopiedFor] = useState<Keyed<{ outcome: 'copied' | 'failed' }> | null>(null);
  const link: LinkState = result && result.key === inputsKey ? result : { kind: 'building' };
  const copied = copiedFor && copiedFor.key === inputsKey ? copiedFor.outcome : 'idle';

  useEffect(() => {
    let live = true;
    const shared = JSON.parse(targetKey) as ShareTarget;
    const key = `${targetKey}|${includeSecrets}|${presenter}`;
    (async () => {
      const { encodeShare, shareAddress } = await import('../../store/sandbox');
      const payload = await encodeShare({ ...shared, view: { ...shared.view, presenter } }, { includeSecrets });
      const base = `${window.location.origin}${window.location.pathname}${window.location.search}`;
      if (live) setResult({ key, kind: 'ready', url: `${base}${shareAddress(shared, payload)}` });
    })().catch((error: unknown) => {
      if (live) setResult({ key, kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      live = false;
    };
  }, [targetKey, includeSecrets, presenter]);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialogRef.current?.querySelector<HTMLElement>('input:not([disabled]), button:not([disabled])')?.focus();
    return () => opener?.focus();
  }, []);

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    // Keep the focus inside the dialog.
    const focusable = [...(dialogRef.current?.querySelectorAll<HTMLElement>('input:not([disabled]), button:not([disabled])') ?? [])];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const copy = async () => {
    if (link.kind !== 'ready') return;
    const ok = await copyText(link.url, fieldRef.current);
    setCopiedFor({ key: inputsKey, outcome: ok ? 'copied' : 'failed' });
  };

  return createPortal(
    <div className="share-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={dialogRef} className="share-dialog" role="dialog" aria-modal="true" aria-labelledby={headingId} onKeyDown={onKeyDown}>
        <h2 id={headingId} className="share-dialog__title">
          Share a link
        </h2>
        <p className="share-dialog__what">{describeTarget(target)} The link holds it all: nothing is uploaded.</p>
        <div className="share-dialog__option">
          <input id={secretsId} type="checkbox" checked={includeSecrets} disabled={target.kind === 'scenario'} onChange={(e) => setIncludeSecrets(e.target.checked)} />
          <label htmlFor={secretsId}>Include passwords and secrets</label>
          <p className="share-dialog__hint">
            {target.kind === 'scenario'
              ? 'A scenario link carries no passwords or secrets.'
              : includeSecrets
                ? 'The link carries the passwords your actions typed and your own client secrets: share it only with people you trust.'
                : 'Left out: whoever opens the link is asked for each password before that action replays.'}
          </p>
        </div>
        <div className="share-dialog__option">
          <input id={presenterId} type="checkbox" checked={presenter} onChange={(e) => setPresenter(e.target.checked)} />
          <label htmlFor={presenterId}>Open in presenter view</label>
        </div>
        <label htmlFor={linkId} className="share-dialog__label">
          Link
        </label>
        <input
          id={linkId}
          ref={fieldRef}
          className="share-dialog__link"
          type="text"
          readOnly
          value={link.kind === 'ready' ? link.url : ''}
          placeholder={link.kind === 'building' ? 'Building the link…' : ''}
          onFocus={(e) => e.target.select()}
        />
        <p className="share-dialog__length" aria-live="polite">
          {link.kind === 'ready' && (
            <>
              {link.url.length.toLocaleString('en')} characters
              {link.url.length > LONG_LINK && ' — long: some chat and mail apps cut links past about 2,000 characters, so check it arrives whole.'}
            </>
          )}
          {link.kind === 'building' && 'Building the link…'}
        </p>
        {link.kind === 'failed' && (
          <p role="alert" className="share-dialog__problem">
            The link could not be made: {link.reason}
          </p>
        )}
        <p className="share-dialog__status" role="status">
          {copied === 'copied' && 'Copied to the clipboard.'}
          {copied === 'failed' && 'The browser would not copy it: the link is selected, press Ctrl+C (⌘C on a Mac).'}
        </p>
        <div className="share-dialog__actions">
          <button type="button" className="button" disabled={link.kind !== 'ready'} onClick={() => void copy()}>
            Copy link
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
