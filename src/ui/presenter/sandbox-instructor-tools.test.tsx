import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { defaultDoc, useSandbox } from '../../store/sandbox';
import { signUpRun } from '../flow/fixtures';
import { SandboxInstructorTools } from './sandbox-instructor-tools';

function seedRun(cursor = 0) {
  const { trace, steps } = signUpRun();
  useSandbox.setState({
    doc: defaultDoc(),
    cursor,
    run: { trace, steps: steps.map((s, i) => ({ ...s, actionIndex: i })), messages: [], session: {} as never, problems: [] },
  });
}

beforeEach(() => seedRun());
afterEach(() => useSandbox.setState({ doc: defaultDoc(), run: null, cursor: 0 }));

describe('The sandbox\u2019s instructor tools', () => {
  it('present the run: the clicker\u2019s keys move the sandbox\u2019s cursor, Escape leaves', async () => {
    const user = userEvent.setup();
    render(<SandboxInstructorTools />);
    await user.click(screen.getByRole('button', { name: 'Present' }));
    const presenter = screen.getByRole('dialog', { name: 'Presenter view: Sandbox' });
    await user.keyboard('{PageDown}{PageDown}');
    expect(useSandbox.getState().cursor).toBe(2);
    expect(within(presenter).getByText('Step 3 of 4')).toBeInTheDocument();
    await user.keyboard('{PageUp}');
    expect(useSandbox.getState().cursor).toBe(1);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('offer Share, the image export and the CloudFormation export; Present waits for a run', () => {
    render(<SandboxInstructorTools />);
    const tools = screen.getByRole('group', { name: 'Present, share and export' });
    expect(within(tools).getByRole('button', { name: 'Share' })).toBeInTheDocument();
    expect(within(tools).getByRole('button', { name: 'Export the diagram as PNG' })).toBeInTheDocument();
    expect(within(tools).getByRole('button', { name: 'Export to CloudFormation' })).toBeInTheDocument();
  });

  it('keep Present disabled while the sandbox has no step to show', () => {
    useSandbox.setState({ run: null });
    render(<SandboxInstructorTools />);
    expect(screen.getByRole('button', { name: 'Present' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Export the diagram as SVG' })).not.toBeInTheDocument();
  });
});
