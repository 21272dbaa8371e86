import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { SequenceView } from './sequence-view';
import { apiRun, signUpRun } from '../flow/fixtures';

const arrows = () => [...document.querySelectorAll('.seq__row')].map((el) => el.textContent);

describe('The sequence view', () => {
  it('is a figure with a caption that says which step is shown', () => {
    const { trace, steps } = signUpRun();
    render(<SequenceView trace={trace} steps={steps} cursor={1} />);
    expect(screen.getByRole('figure', { name: 'Sequence diagram: step 2 of 4' })).toBeInTheDocument();
  });

  it('draws a lifeline head per actor and a request and an answer per step, up to the cursor only', () => {
    const { trace, steps } = signUpRun();
    render(<SequenceView trace={trace} steps={steps} cursor={1} />);
    expect([...document.querySelectorAll('.seq__actor')].map((el) => el.textContent)).toEqual(['Your app', 'User pool']);
    expect(arrows()).toEqual(['1SignUp', '200 code sent', '2InitiateAuth', '400 UserNotConfirmedException']);
    expect(screen.queryByText(/ConfirmSignUp/)).not.toBeInTheDocument();
  });

  it('points requests to the receiver and answers back, coloured by outcome', () => {
    const { trace, steps } = signUpRun();
    render(<SequenceView trace={trace} steps={steps} cursor={1} />);
    const [request, ok, , error] = [...document.querySelectorAll('.seq__arrow')];
    expect(request).toHaveClass('seq__arrow--right', 'seq__arrow--request');
    expect(ok).toHaveClass('seq__arrow--left', 'seq__arrow--response', 'seq__arrow--success');
    expect(error).toHaveClass('seq__arrow--error');
  });

  it('highlights the current step only', () => {
    const { trace, steps } = signUpRun();
    render(<SequenceView trace={trace} steps={steps} cursor={2} />);
    const currentSteps = document.querySelectorAll('.seq__step--current');
    expect(currentSteps).toHaveLength(1);
    expect(currentSteps[0]).toHaveTextContent('3. ConfirmSignUp');
  });

  it('puts nested calls between the request and its answer, dashed', () => {
    const { trace, steps } = apiRun();
    render(<SequenceView trace={trace} steps={steps} cursor={1} />);
    expect(arrows().slice(2)).toEqual([
      '2signed GET /reports',
      '2.1Invoke',
      '2.2signed Query',
      '200 OK',
      '200 OK',
      '200 OK',
    ]);
    expect(document.querySelectorAll('.seq__arrow--nested')).toHaveLength(4);
  });

  it('lists every step for screen readers, marking the current one and its nested calls', () => {
    const { trace, steps } = apiRun();
    render(<SequenceView trace={trace} steps={steps} cursor={1} />);
    const list = screen.getByRole('list', { name: 'Exchanges so far' });
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(
      'Step 1, GetCredentialsForIdentity: #1: Your app sent GetCredentialsForIdentity to Identity pool; Identity pool answered 200 credentials.',
    );
    const current = items.find((li) => li.getAttribute('aria-current') === 'step')!;
    expect(current).toHaveTextContent('Step 2, GET /reports (current): #2: Your app sent signed GET /reports to API Gateway');
    expect(within(current).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '#2.1, nested in #2: API Gateway sent Invoke to Lambda; Lambda answered 200 OK.',
      '#2.2, nested in #2: Lambda sent signed Query to DynamoDB; DynamoDB answered 200 OK.',
    ]);
  });

  it('says so when there is nothing to show', () => {
    render(<SequenceView trace={[]} steps={[]} cursor={0} />);
    expect(screen.getByText('No exchanges yet.')).toBeInTheDocument();
    expect(screen.getByRole('figure', { name: 'Sequence diagram' })).toBeInTheDocument();
  });
});
