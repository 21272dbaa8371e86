import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import { render } from '@testing-library/react';
import { useSandbox } from '../../store/sandbox';
import SandboxPage from './sandbox-page';

describe('The sandbox page', () => {
  it('has the Configure and the Act regions, over the one store', async () => {
    render(<SandboxPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Sandbox' })).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Configure the world' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Act as the app' })).toBeInTheDocument();
    await act(() => useSandbox.getState().idle());
  });
});
