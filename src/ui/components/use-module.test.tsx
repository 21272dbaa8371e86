import { describe, expect, it } from 'vitest';
import { Component, type ReactNode } from 'react';
import { render, screen } from '@testing-library/react';
import { preloadModule, useModule } from './use-module';

function Show({ load }: { load: () => Promise<{ text: string }> }) {
  const module = useModule(load);
  return <p>{module ? module.text : 'loading'}</p>;
}

class Boundary extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(error: Error) {
    return { error: error.message };
  }
  override render() {
    return this.state.error ? <p role="alert">{this.state.error}</p> : this.props.children;
  }
}

describe('useModule', () => {
  it('renders nothing loaded, then the module; a second user gets it at once, loaded once', async () => {
    let calls = 0;
    const load = () => {
      calls += 1;
      return Promise.resolve({ text: 'here' });
    };
    const first = render(<Show load={load} />);
    expect(screen.getByText('loading')).toBeInTheDocument();
    expect(await screen.findByText('here')).toBeInTheDocument();
    first.unmount();
    render(<Show load={load} />);
    expect(screen.getByText('here')).toBeInTheDocument(); // no loading line at all the second time
    expect(calls).toBe(1);
  });

  it('shows what was preloaded without a loading line', async () => {
    const load = () => Promise.resolve({ text: 'preloaded' });
    preloadModule(load);
    await Promise.resolve();
    await Promise.resolve();
    render(<Show load={load} />);
    expect(screen.getByText('preloaded')).toBeInTheDocument();
  });

  it('throws a failed load to the error boundary, on every mount', async () => {
    const load = () => Promise.reject(new Error('chunk failed'));
    const original = console.error;
    console.error = () => undefined; // React reports the caught error
    try {
      for (let mount = 0; mount < 2; mount++) {
        const view = render(
          <Boundary>
            <Show load={load} />
          </Boundary>,
        );
        expect(await screen.findByRole('alert')).toHaveTextContent('chunk failed');
        view.unmount();
      }
    } finally {
      console.error = original;
    }
  });
});
