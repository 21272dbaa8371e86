// Files in and out of the browser, for the exports and imports (quiz progress, sandbox world): a download
// through a temporary Blob link, and a labelled file input that reads the chosen file as text. What a file
// means, and what to say about it, stays with the caller.
import { useId, type Ref } from 'react';

/** Offers `text` as a file download through a temporary Blob link. */
export function downloadText(filename: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a moment later: some browsers start the download only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The file's text; through a FileReader where Blob.text() is missing (older browsers, some test DOMs). */
export function readText(file: Blob): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file);
  });
}

export interface FilePickProps {
  /** The visible label, which is also the input's accessible name. */
  label: string;
  className: string;
  accept?: string;
  /** The input, for the caller to clear (value = '') once it is done with a file, so the same file can be chosen again. */
  ref?: Ref<HTMLInputElement>;
  /** Every change, before anything is read: also when the choice came back empty. */
  onChoose?(): void;
  onText(text: string, file: File): void;
  onUnreadable(file: File): void;
}

/** A native file input inside its label: the browser's own button and file name, reachable by keyboard. */
export function FilePick({ label, className, accept = 'application/json,.json', ref, onChoose, onText, onUnreadable }: FilePickProps) {
  const id = useId();

  async function choose(files: FileList | null) {
    onChoose?.();
    const file = files?.[0];
    if (!file) return;
    let text: string;
    try {
      text = await readText(file);
    } catch {
      onUnreadable(file);
      return;
    }
    onText(text, file);
  }

  return (
    <label htmlFor={id} className={className}>
      {label}
      <input ref={ref} id={id} type="file" accept={accept} onChange={(e) => void choose(e.target.files)} />
    </label>
  );
}
