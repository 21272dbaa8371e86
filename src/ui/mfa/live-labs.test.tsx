import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import LearnPage from '../learn/learn-page';
import { resetTotpLab } from '../../store/totp-lab';
import { isTotpLab } from './lab-route';

afterEach(() => resetTotpLab());

describe('The live TOTP lab in Learn', () => {
  it('has a "Try it live" card in the library that links to #/learn/lab/totp', () => {
    render(<LearnPage />);
    const section = screen.getByRole('region', { name: 'Try it live' });
    expect(within(section).getByRole('link', { name: 'Set up TOTP MFA with your phone' })).toHaveAttribute('href', '#/learn/lab/totp');
    // The scenario library's own list is left as it was.
    expect(screen.getByRole('heading', { name: /^Scenarios \(\d+\)$/ })).toBeInTheDocument();
  });

  it('opens the lab for #/learn/lab/totp, and a scenario for anything else', async () => {
    expect(isTotpLab(['lab', 'totp'])).toBe(true);
    expect(isTotpLab(['lab'])).toBe(false);
    expect(isTotpLab(['totp-mfa', '2'])).toBe(false);
    render(<LearnPage params={['lab', 'totp']} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Live TOTP lab' })).toBeInTheDocument();
    // The heading shows while the lab's code loads; then the lab itself starts.
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Starting the simulator and signing alice in with her password…'), { timeout: 10_000 });
  });
});
