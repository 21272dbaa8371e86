import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import { FlowDiagram, type FlowDiagramProps } from './flow-diagram';
import { apiRun, signUpRun } from './fixtures';

function renderDiagram(overrides: Partial<FlowDiagramProps> = {}) {
  const { trace, steps } = signUpRun();
  const props: FlowDiagramProps = { trace, steps, cursor: 1, reducedMotion: false, speed: 1, ...overrides };
  return render(<FlowDiagram {...props} />);
}

const chips = () => document.querySelectorAll('[data-travelling-chip]');

describe('The flow diagram', () => {
  it('is one image named for the step and the exchange it shows', () => {
    renderDiagram({ cursor: 1 });
    expect(screen.getByRole('img', { name: 'Flow diagram: step 2 of 4, Your app → User pool: InitiateAuth' })).toBeInTheDocument();
  });

  it('draws a box for each actor in the trace, with its service', async () => {
    renderDiagram();
    const diagram = screen.getByRole('img', { name: /^Flow diagram/ });
    await waitFor(() => expect(within(diagram).getByText('Your app')).toBeInTheDocument());
    expect(within(diagram).getByText('User pool')).toBeInTheDocument();
    expect(within(diagram).getByText('Amazon Cognito')).toBeInTheDocument();
    expect(within(diagram).queryByText('Identity pool')).not.toBeInTheDocument();
  });

  it('numbers the earlier steps and labels the current one with its request and its answer', async () => {
    renderDiagram({ cursor: 2, reducedMotion: true });
    await waitFor(() => expect(document.querySelector('.flow-edge__current')).not.toBeNull());
    const label = document.querySelector<HTMLElement>('.flow-edge__current')!;
    expect(label).toHaveTextContent('3ConfirmSignUp →');
    expect(within(label).getByText('← OK')).toHaveClass('flow-edge__response--success');
    const badges = [...document.querySelectorAll('.flow-edge__badges .flow-badge')];
    expect(badges.map((b) => b.textContent)).toEqual(['1', '2']);
    expect(badges[1]).toHaveClass('flow-badge--error');
    expect(badges[1]).toHaveAttribute('title', '#2 InitiateAuth → UserNotConfirmedException');
  });

  it('sends the request chip out and the answer back, coloured by outcome', async () => {
    renderDiagram({ cursor: 1 });
    await waitFor(() => expect(chips()).toHaveLength(2));
    const [request, response] = [...chips()];
    expect(request).toHaveTextContent('InitiateAuth');
    expect(request).toHaveClass('flow-chip--request');
    expect(response).toHaveTextContent('UserNotConfirmedException');
    expect(response).toHaveClass('flow-chip--response', 'flow-chip--error');
    expect(parseFloat((response as HTMLElement).style.animationDelay)).toBeGreaterThan(parseFloat((request as HTMLElement).style.animationDelay));
  });

  it('sends no travelling chip with reduced motion, and shows the labels at once', async () => {
    renderDiagram({ cursor: 1, reducedMotion: true });
    await waitFor(() => expect(document.querySelector('.flow-edge__current')).not.toBeNull());
    expect(chips()).toHaveLength(0);
    expect(document.querySelector('.flow-edge__current')).not.toHaveClass('flow-edge__current--reveal');
    expect(screen.getByText('← UserNotConfirmedException')).toBeInTheDocument();
  });

  it('runs the chips faster at a higher speed', async () => {
    renderDiagram({ cursor: 1, speed: 2 });
    await waitFor(() => expect(chips()).toHaveLength(2));
    expect((chips()[0] as HTMLElement).style.animationDuration).toBe('450ms');
  });

  it('draws nested calls dashed and says which step they are nested in', async () => {
    const { trace, steps } = apiRun();
    renderDiagram({ trace, steps, cursor: 1, reducedMotion: true });
    await waitFor(() => expect(document.querySelectorAll('.flow-edge__current')).toHaveLength(3));
    expect(screen.getAllByText('nested in #2')).toHaveLength(2);
    expect(document.querySelectorAll('.flow-edge__line--nested')).toHaveLength(2);
    expect(screen.getByRole('img', { name: 'Flow diagram: step 2 of 3, Your app → API Gateway: signed GET /reports' })).toBeInTheDocument();
  });

  it('tells screen readers what the current exchange is, nested calls included', () => {
    const { trace, steps } = apiRun();
    renderDiagram({ trace, steps, cursor: 1 });
    const items = within(screen.getByRole('list', { name: 'Current exchange, step 2 of 3:' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      '#2: Your app sent signed GET /reports to API Gateway; API Gateway answered 200 OK.',
      '#2.1, nested in #2: API Gateway sent Invoke to Lambda; Lambda answered 200 OK.',
      '#2.2, nested in #2: Lambda sent signed Query to DynamoDB; DynamoDB answered 200 OK.',
    ]);
  });

  it('lists every exchange so far in words, in order, with who called whom, the operation and the answer', () => {
    renderDiagram({ cursor: 2 });
    const list = screen.getByRole('list', { name: 'All exchanges so far:' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '#1: Your app sent SignUp to User pool; User pool answered 200 code sent.',
      '#2: Your app sent InitiateAuth to User pool; User pool answered an error, 400 UserNotConfirmedException.',
      '#3: Your app sent ConfirmSignUp to User pool; User pool answered 200 OK.',
    ]);
  });

  it('lists nested calls under the step that made them, and grows with the cursor', () => {
    const { trace, steps } = apiRun();
    const { rerender } = renderDiagram({ trace, steps, cursor: 0 });
    const items = () => within(screen.getByRole('list', { name: 'All exchanges so far:' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(items()).toHaveLength(1);
    rerender(<FlowDiagram trace={trace} steps={steps} cursor={1} reducedMotion={false} speed={1} />);
    expect(items().map((text) => text?.split(':')[0])).toEqual(['#1', '#2', '#2.1, nested in #2', '#2.2, nested in #2']);
  });

  it('says so when there is nothing to show yet', () => {
    render(<FlowDiagram trace={[]} steps={[]} cursor={0} reducedMotion={false} speed={1} />);
    expect(screen.getByRole('img', { name: 'Flow diagram: no steps yet' })).toBeInTheDocument();
    expect(screen.getByText('No exchanges yet.')).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });
});
