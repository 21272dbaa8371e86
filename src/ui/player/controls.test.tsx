import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Controls, type ControlsProps } from './controls';
import { Narration } from './narration';

function setup(overrides: Partial<ControlsProps> = {}) {
  const props: ControlsProps = {
    cursor: 2,
    total: 5,
    playing: false,
    speed: 1,
    speeds: [0.5, 1, 2],
    stepTitles: ['Sign up', 'Sign in too early', 'Confirm', 'Sign in', 'GetUser'],
    onRestart: vi.fn(),
    onPrevious: vi.fn(),
    onNext: vi.fn(),
    onPlay: vi.fn(),
    onPause: vi.fn(),
    onSpeed: vi.fn(),
    onSeek: vi.fn(),
    ...overrides,
  };
  render(<Controls {...props} />);
  return props;
}

describe('The player controls', () => {
  it('offer every control by its accessible name and say where we are', async () => {
    const user = userEvent.setup();
    const props = setup();
    expect(screen.getByText('Step 3 of 5')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Restart' }));
    await user.click(screen.getByRole('button', { name: 'Previous step' }));
    await user.click(screen.getByRole('button', { name: 'Next step' }));
    await user.click(screen.getByRole('button', { name: 'Play' }));
    expect(props.onRestart).toHaveBeenCalledOnce();
    expect(props.onPrevious).toHaveBeenCalledOnce();
    expect(props.onNext).toHaveBeenCalledOnce();
    expect(props.onPlay).toHaveBeenCalledOnce();
  });

  it('shows Pause while playing', async () => {
    const user = userEvent.setup();
    const props = setup({ playing: true });
    expect(screen.queryByRole('button', { name: 'Play' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(props.onPause).toHaveBeenCalledOnce();
  });

  it('disables moving past either end', () => {
    setup({ cursor: 0 });
    expect(screen.getByRole('button', { name: 'Previous step' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Next step' })).toBeEnabled();
  });

  it('disables Next at the last step', () => {
    setup({ cursor: 4 });
    expect(screen.getByRole('button', { name: 'Next step' })).toBeDisabled();
  });

  it('changes speed, and seeks with the timeline', async () => {
    const user = userEvent.setup();
    const props = setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Speed' }), '2');
    expect(props.onSpeed).toHaveBeenCalledWith(2);
    const timeline = screen.getByRole('slider', { name: 'Timeline' });
    expect(timeline).toHaveAttribute('aria-valuetext', 'Step 3 of 5: Confirm');
    fireEvent.change(timeline, { target: { value: '4' } });
    expect(props.onSeek).toHaveBeenCalledWith(3);
  });
});

describe('The narration', () => {
  const step = { exchangeId: 'x1', title: 'Sign in', narration: 'Maya signs in with her password.', examTip: 'ID tokens say who the user is.' };

  it('is a polite live region with the step, its words and the exam tip', () => {
    render(<Narration step={step} number={2} total={5} />);
    const region = screen.getByRole('region', { name: 'Narration' });
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByRole('heading', { name: '2. Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('note', { name: 'Exam tip' })).toHaveTextContent('ID tokens say who the user is.');
    expect(screen.queryByRole('note', { name: 'Outcome' })).not.toBeInTheDocument();
  });

  it('is there before the first step, showing what it is given, so the first step is announced too', () => {
    const { rerender } = render(<Narration step={undefined} number={1} total={0} level={4} empty={<p>No request yet.</p>} />);
    const region = screen.getByRole('region', { name: 'Narration' });
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toHaveTextContent('No request yet.');
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
    rerender(<Narration step={step} number={1} total={1} level={4} empty={<p>No request yet.</p>} />);
    expect(screen.getByRole('region', { name: 'Narration' })).toBe(region);
    expect(screen.getByRole('heading', { level: 4, name: '1. Sign in' })).toBeInTheDocument();
    expect(region).not.toHaveTextContent('No request yet.');
  });

  it('states the outcome at the last step', () => {
    render(<Narration step={step} number={5} total={5} outcome={{ text: 'Maya is signed in.', met: true }} />);
    expect(screen.getByRole('note', { name: 'Outcome' })).toHaveTextContent('Outcome Maya is signed in.');
  });
});
