import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { downloadText, FilePick, readText } from './file-transfer';

const { createObjectURL, revokeObjectURL } = URL;

afterEach(() => {
  Object.assign(URL, { createObjectURL, revokeObjectURL });
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('downloadText', () => {
  it('clicks a hidden, temporary Blob link that names the file, and revokes the URL afterwards', async () => {
    vi.useFakeTimers();
    const blobs: Blob[] = [];
    const revoke = vi.fn();
    Object.assign(URL, {
      createObjectURL: vi.fn((blob: Blob) => {
        blobs.push(blob);
        return 'blob:test/1';
      }),
      revokeObjectURL: revoke,
    });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.isConnected).toBe(true);
      clicked.push(this);
    });

    downloadText('notes.txt', 'hello', 'text/plain');

    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.href).toBe('blob:test/1');
    expect(clicked[0]!.download).toBe('notes.txt');
    expect(clicked[0]!.hidden).toBe(true);
    expect(clicked[0]!.isConnected).toBe(false);
    expect(blobs[0]!.type).toBe('text/plain');
    expect(await blobs[0]!.text()).toBe('hello');
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(revoke).toHaveBeenCalledWith('blob:test/1');
  });

  it('offers JSON unless told otherwise', () => {
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => (blobs.push(blob), 'blob:test/2'),
      revokeObjectURL: vi.fn(),
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    downloadText('a.json', '{}');
    expect(blobs[0]!.type).toBe('application/json');
  });
});

describe('readText', () => {
  it('reads through a FileReader where Blob.text() is missing', async () => {
    const blob = new Blob(['old browser']);
    Object.defineProperty(blob, 'text', { value: undefined });
    await expect(readText(blob)).resolves.toBe('old browser');
  });
});

describe('FilePick', () => {
  const json = (text: string, name: string) => new File([text], name, { type: 'application/json' });

  it('is a file input named by its label, for JSON by default, that hands over the chosen file as text', async () => {
    const user = userEvent.setup();
    const calls: string[] = [];
    render(<FilePick label="Import things" className="pick" onChoose={() => calls.push('choose')} onText={(text, file) => calls.push(`${file.name}: ${text}`)} onUnreadable={() => calls.push('unreadable')} />);
    const input = screen.getByLabelText('Import things');
    expect(input).toHaveAttribute('type', 'file');
    expect(input).toHaveAttribute('accept', 'application/json,.json');
    expect(input.closest('label')).toHaveClass('pick');

    await user.upload(input, json('{"a":1}', 'a.json'));
    await waitFor(() => expect(calls).toEqual(['choose', 'a.json: {"a":1}']));
  });

  it('says when the chosen file cannot be read', async () => {
    const user = userEvent.setup();
    const onText = vi.fn();
    const onUnreadable = vi.fn();
    render(<FilePick label="Import things" className="pick" accept=".txt" onText={onText} onUnreadable={onUnreadable} />);
    const broken = new File(['x'], 'broken.txt', { type: 'text/plain' });
    Object.defineProperty(broken, 'text', { value: () => Promise.reject(new Error('gone')) });
    const input = screen.getByLabelText('Import things');
    expect(input).toHaveAttribute('accept', '.txt');
    await user.upload(input, broken);
    await waitFor(() => expect(onUnreadable).toHaveBeenCalledWith(broken));
    expect(onText).not.toHaveBeenCalled();
  });

  it('tells of an empty choice, reads nothing, and gives the caller the input through its ref', async () => {
    const onChoose = vi.fn();
    const onText = vi.fn();
    const ref = createRef<HTMLInputElement>();
    render(<FilePick ref={ref} label="Import things" className="pick" onChoose={onChoose} onText={onText} onUnreadable={vi.fn()} />);
    const input = screen.getByLabelText('Import things');
    expect(ref.current).toBe(input);
    fireEvent.change(input, { target: { files: [] } });
    expect(onChoose).toHaveBeenCalledOnce();
    await Promise.resolve();
    expect(onText).not.toHaveBeenCalled();
  });
});
