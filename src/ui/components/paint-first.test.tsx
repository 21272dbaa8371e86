import { describe, expect, it } from 'vitest';
import { lazy } from 'react';
import { render, screen } from '@testing-library/react';
import { PaintFirst } from './paint-first';

describe('PaintFirst', () => {
  it('shows the placeholder in the first render and the children only after a frame', async () => {
    render(
      <PaintFirst placeholder={<p>Heading and a loading line</p>}>
        <p>The heavy part</p>
      </PaintFirst>,
    );
    expect(screen.getByText('Heading and a loading line')).toBeInTheDocument();
    expect(screen.queryByText('The heavy part')).not.toBeInTheDocument();
    expect(await screen.findByText('The heavy part')).toBeInTheDocument();
    expect(screen.queryByText('Heading and a loading line')).not.toBeInTheDocument();
  });

  it('keeps the placeholder while lazy children are on their way', async () => {
    let arrive: (module: { default: () => React.JSX.Element }) => void = () => undefined;
    const Heavy = lazy(() => new Promise<{ default: () => React.JSX.Element }>((resolve) => (arrive = resolve)));
    render(
      <PaintFirst placeholder={<p>Loading…</p>}>
        <Heavy />
      </PaintFirst>,
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    arrive({ default: () => <p>Arrived</p> });
    expect(await screen.findByText('Arrived')).toBeInTheDocument();
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
  });
});
