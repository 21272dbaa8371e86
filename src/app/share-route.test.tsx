// Shared links through the whole shell: #/share/<payload> and #/sandbox/share/<payload> reach the share page,
// which the main navigation does not list.
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { App } from './app';

describe('Shared links in the app', () => {
  it.each(['#/share/not*a*link', '#/sandbox/share/not*a*link'])('%s opens the share page, which refuses it with a reason', async (hash) => {
    window.location.hash = hash;
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'This link could not be opened' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('The link is damaged');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Learn', 'Sandbox', 'Quiz', 'About']);
  });
});
