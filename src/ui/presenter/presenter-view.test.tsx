import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { signUpRun } from '../flow/fixtures';
import { Narration } from '../player/narration';
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

/** The app around the presenter, as a screen reader meets it: banner, navigation, main with the player's narration. */
function Shell() {
  const { steps } = signUpRun();
  const [open, setOpen] = useState(false);
  return (
    <>
      <header>
        <nav aria-label="Main">
          <a href="#/learn">Learn</a>
        </nav>
      </header>
      <main>
        <button type="button" onClick={() => setOpen(true)}>
          Present
        </button>
        <Narration step={steps[0]} number={1} total={steps.length} />
        {open && <Harness onExit={() => setOpen(false)} />}
      </main>
    </>
  );
}

/**
 * What assistive technology meets of these: Testing Library's role queries leave out aria-hidden but not `inert`
 * (jsdom knows nothing of it), so what lies inside an inert element is left out here.
 */
const exposed = (elements: HTMLElement[]) => elements.filter((element) => !element.closest('[inert]'));

describe('The presenter view over the page', () => {
  it('makes the page behind it inert while open, and only its own narration speaks', async () => {
    const user = userEvent.setup();
    const { container } = render(<Shell />);
    await user.click(screen.getByRole('button', { name: 'Present' }));
    const dialog = screen.getByRole('dialog', { name: 'Presenter view: Sign up and sign in' });
    expect(dialog).not.toHaveAttribute('inert');
    expect(dialog.closest('[inert]')).toBeNull();
    // The app's root (here Testing Library's container), beside the presenter in the body, is what turns inert:
    // the page's banner, navigation and main are all inside it, so none of them is exposed.
    expect(container.parentElement).toBe(dialog.parentElement);
    expect(container).toHaveAttribute('inert');
    for (const role of ['navigation', 'main'] as const) expect(exposed([screen.getByRole(role)])).toEqual([]);
    const banners = screen.getAllByRole('banner');
    expect(banners).toHaveLength(2);
    expect(exposed(banners)).toEqual([within(dialog).getByRole('banner')]);
    // One live region for the narration: the presenter's, so each step is heard once.
    const narrations = screen.getAllByRole('region', { name: 'Narration' });
    expect(narrations).toHaveLength(2);
    expect(exposed(narrations)).toEqual([within(dialog).getByRole('region', { name: 'Narration' })]);
    expect(exposed(narrations)[0]).toHaveAttribute('aria-live', 'polite');
  });

  it('gives the page back when it closes: nothing inert, the focus on what opened it', async () => {
    const user = userEvent.setup();
    render(<Shell />);
    await user.click(screen.getByRole('button', { name: 'Present' }));
    expect(screen.getByRole('dialog')).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Exit' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(document.querySelector('[inert]')).toBeNull();
    expect(screen.getByRole('button', { name: 'Present' })).toHaveFocus();
    expect(exposed(screen.getAllByRole('region', { name: 'Narration' }))).toHaveLength(1);
    // And again with Escape.
    await user.click(screen.getByRole('button', { name: 'Present' }));
    expect(exposed([screen.getByRole('main')])).toEqual([]);
    await user.keyboard('{Escape}');
    expect(document.querySelector('[inert]')).toBeNull();
    expect(screen.getByRole('button', { name: 'Present' })).toHaveFocus();
  });

  it('gives it back when it unmounts with the page, and leaves alone what was inert before', async () => {
    const user = userEvent.setup();
    const elsewhere = document.body.appendChild(document.createElement('div'));
    elsewhere.setAttribute('inert', '');
    const { container, unmount } = render(<Shell />);
    await user.click(screen.getByRole('button', { name: 'Present' }));
    expect(container).toHaveAttribute('inert');
    unmount(); // leaving the route: the player goes, the presenter with it
    expect(container).not.toHaveAttribute('inert');
    expect(elsewhere).toHaveAttribute('inert');
    elsewhere.remove();
  });
});

describe('The presenter keys', () => {
  it('map a clicker\u2019s keys', () => {
    expect(['PageDown', 'ArrowRight', 'ArrowDown', ' '].map(presenterKeyAction)).toEqual(['next', 'next', 'next', 'next']);
    expect(['PageUp', 'ArrowLeft', 'ArrowUp'].map(presenterKeyAction)).toEqual(['previous', 'previous', 'previous']);
    expect(['.', 'b', 'B', 'l', 'Escape', 'Home', 'End', 'x'].map(presenterKeyAction)).toEqual(['toggleBlank', 'toggleBlank', 'toggleBlank', 'togglePointer', 'exit', 'first', 'last', null]);
  });
});
