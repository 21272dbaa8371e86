import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { signUpRun } from '../flow/fixtures';
import { PresenterView } from './presenter-view';
import { presenterKeyAction } from './use-presenter-keys';

function Harness({ onExit = () => {}, start = 0 }: { onExit?: () => void; start?: number }) {
  const { trace, steps } = signUpRun();
  const [cursor, setCursor] = useState(start);
  const goTo = (n: number) => setCursor(Math.max(0, Math.min(steps.length - 1, n)));
  return (
    <PresenterView
      title="Sign up and sign in"
      trace={trace}
      steps={steps}
      cursor={cursor}
      onNext={() => goTo(cursor + 1)}
      onPrevious={() => goTo(cursor - 1)}
      onGoTo={goTo}
      onExit={onExit}
      outcome={{ text: 'Maya is signed in.', met: true }}
    />
  );
}

const position = () => within(screen.getByRole('dialog', { name: 'Presenter view: Sign up and sign in' })).getByText(/^Step \d of 4$/);
const blankText = () => screen.queryByText('The screen is blank. Press . or B to show it again.');

afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(HTMLElement.prototype, 'requestFullscreen');
  Reflect.deleteProperty(document, 'fullscreenElement');
  Reflect.deleteProperty(document, 'exitFullscreen');
});

describe('The presenter view, driven by a clicker', () => {
  it('steps with Page Down and Page Up, and with the arrows', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(position()).toHaveTextContent('Step 1 of 4');
    await user.keyboard('{PageDown}');
    expect(position()).toHaveTextContent('Step 2 of 4');
    await user.keyboard('{PageDown}{ArrowRight}');
    expect(position()).toHaveTextContent('Step 4 of 4');
    expect(screen.getByRole('note', { name: 'Outcome' })).toHaveTextContent('Maya is signed in.');
    await user.keyboard('{PageUp}');
    expect(position()).toHaveTextContent('Step 3 of 4');
    await user.keyboard('{ArrowLeft}{ArrowUp}');
    expect(position()).toHaveTextContent('Step 1 of 4');
    await user.keyboard('{End}');
    expect(position()).toHaveTextContent('Step 4 of 4');
    await user.keyboard('{Home}');
    expect(position()).toHaveTextContent('Step 1 of 4');
  });

  it('shows only the diagram and the narration of the step', () => {
    render(<Harness start={1} />);
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('img', { name: /^Flow diagram: step 2 of 4/ })).toBeInTheDocument();
    expect(within(dialog).getByRole('region', { name: 'Narration' })).toHaveTextContent(/^2\./);
    expect(within(dialog).queryByRole('tablist')).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('slider')).not.toBeInTheDocument();
  });

  it('blanks the screen with "." and brings it back with "." again; B does the same', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.keyboard('.');
    expect(blankText()).toBeInTheDocument();
    await user.keyboard('.');
    expect(blankText()).not.toBeInTheDocument();
    await user.keyboard('b');
    expect(blankText()).toBeInTheDocument();
    await user.keyboard('B');
    expect(blankText()).not.toBeInTheDocument();
  });

  it('while blank, a step key only brings the picture back: nothing moves unseen', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.keyboard('.');
    await user.keyboard('{PageDown}');
    expect(blankText()).not.toBeInTheDocument();
    expect(position()).toHaveTextContent('Step 1 of 4');
    await user.keyboard('{PageDown}');
    expect(position()).toHaveTextContent('Step 2 of 4');
  });

  it('leaves with Escape, even from a blank screen', async () => {
    const user = userEvent.setup();
    const onExit = vi.fn();
    render(<Harness onExit={onExit} />);
    await user.keyboard('{Escape}');
    expect(onExit).toHaveBeenCalledTimes(1);
    await user.keyboard('.{Escape}');
    expect(onExit).toHaveBeenCalledTimes(2);
  });

  it('answers the keys before anything underneath it, so the player does not step twice', async () => {
    const user = userEvent.setup();
    const underneath = vi.fn();
    document.addEventListener('keydown', underneath);
    render(<Harness />);
    await user.keyboard('{PageDown}{ArrowRight}.');
    document.removeEventListener('keydown', underneath);
    expect(underneath).not.toHaveBeenCalled();
    expect(position()).toHaveTextContent('Step 3 of 4');
  });

  it('toggles the pointer highlight with L and with its button; the ring follows the mouse', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const button = screen.getByRole('button', { name: 'Pointer' });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    await user.keyboard('l');
    expect(button).toHaveAttribute('aria-pressed', 'true');
    fireEvent.pointerMove(screen.getByRole('dialog'), { clientX: 120, clientY: 80 });
    expect(screen.getByTestId('pointer-ring').style.transform).toBe('translate(120px, 80px)');
    await user.click(button);
    expect(button).toHaveAttribute('aria-pressed', 'false');
    expect(screen.queryByTestId('pointer-ring')).not.toBeInTheDocument();
  });

  it('asks for full screen where the browser has it, and leaving full screen leaves the view', async () => {
    const requestFullscreen = vi.fn(function (this: HTMLElement) {
      Object.defineProperty(document, 'fullscreenElement', { configurable: true, value: this });
      document.dispatchEvent(new Event('fullscreenchange'));
      return Promise.resolve();
    });
    Object.defineProperty(HTMLElement.prototype, 'requestFullscreen', { configurable: true, value: requestFullscreen });
    const onExit = vi.fn();
    render(<Harness onExit={onExit} />);
    expect(requestFullscreen).toHaveBeenCalledTimes(1);
    expect(requestFullscreen.mock.contexts[0]).toBe(screen.getByRole('dialog'));
    // The browser's Escape: full screen ends without a keydown reaching the page.
    act(() => {
      Object.defineProperty(document, 'fullscreenElement', { configurable: true, value: null });
      document.dispatchEvent(new Event('fullscreenchange'));
    });
    expect(onExit).toHaveBeenCalledTimes(1);
  });

  it('without the Fullscreen API, still covers the window and takes the focus', () => {
    render(<Harness />);
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveClass('presenter');
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Full screen' })).not.toBeInTheDocument();
  });

  it('gives the focus back to what opened it', async () => {
    const user = userEvent.setup();
    function Opener() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Present
          </button>
          {open && <Harness onExit={() => setOpen(false)} />}
        </>
      );
    }
    render(<Opener />);
    await user.click(screen.getByRole('button', { name: 'Present' }));
    expect(screen.getByRole('dialog')).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Present' })).toHaveFocus();
  });
});

describe('The presenter keys', () => {
  it('map a clicker\u2019s keys', () => {
    expect(['PageDown', 'ArrowRight', 'ArrowDown', ' '].map(presenterKeyAction)).toEqual(['next', 'next', 'next', 'next']);
    expect(['PageUp', 'ArrowLeft', 'ArrowUp'].map(presenterKeyAction)).toEqual(['previous', 'previous', 'previous']);
    expect(['.', 'b', 'B', 'l', 'Escape', 'Home', 'End', 'x'].map(presenterKeyAction)).toEqual(['toggleBlank', 'toggleBlank', 'toggleBlank', 'togglePointer', 'exit', 'first', 'last', null]);
  });
});
