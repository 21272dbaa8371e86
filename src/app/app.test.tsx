import { describe, expect, it, beforeEach, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from './app';
import { useSettings, SETTINGS_KEY } from '../store/settings';
import { ErrorBoundary } from '../ui/components/error-boundary';

beforeEach(() => {
  useSettings.setState({ theme: 'system', notice: null });
});

describe('The app shell', () => {
  it('opens Learn by default and lists every route in the main navigation', async () => {
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Learn' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const links = within(nav).getAllByRole('link').map((a) => a.textContent);
    expect(links).toEqual(['Learn', 'Sandbox', 'Quiz', 'About']);
    expect(within(nav).getByRole('link', { name: 'Learn' })).toHaveAttribute('aria-current', 'page');
  });

  it('navigates by clicking the links, marking the current page', async () => {
    const user = userEvent.setup();
    render(<App />);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    for (const name of ['Sandbox', 'Quiz', 'About'] as const) {
      await user.click(within(nav).getByRole('link', { name }));
      const heading = name === 'About' ? 'About Cognito Lab' : name;
      expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeInTheDocument();
      expect(within(nav).getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
      await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: heading })).toHaveFocus());
    }
  });

  it('says so when a route does not exist', async () => {
    window.location.hash = '#/nowhere';
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to Learn' })).toHaveAttribute('href', '#/learn');
  });

  it('toggles the theme and remembers it', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Switch to dark theme' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}')).toMatchObject({ theme: 'dark' });
    await user.click(screen.getByRole('button', { name: 'Switch to light theme' }));
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('has a skip link that moves focus to the main content', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    expect(skip).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('shows a notice when saved settings were unreadable, and lets the learner dismiss it', async () => {
    useSettings.setState({ notice: 'Your saved settings could not be read, so the defaults were restored.' });
    const user = userEvent.setup();
    render(<App />);
    expect(screen.getByRole('status')).toHaveTextContent(/could not be read/);
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/could not be read/)).not.toBeInTheDocument();
  });
});

describe('The error boundary', () => {
  function Broken(): never {
    throw new Error('the diagram exploded');
  }

  it('shows a friendly message and a way back instead of a blank page', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <ErrorBoundary homeHref="#/learn">
        <Broken />
      </ErrorBoundary>,
    );
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Something went wrong on this page' })).toBeInTheDocument();
    expect(within(alert).getByText('the diagram exploded')).toBeInTheDocument();
    expect(within(alert).getByRole('link', { name: 'Back to Learn' })).toHaveAttribute('href', '#/learn');
    expect(within(alert).getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    quiet.mockRestore();
  });
});
