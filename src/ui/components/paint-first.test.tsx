import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { PaintFirst } from './paint-first';

const settle = (ms = 80) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PaintFirst', () => {
  it('shows the placeholder first, asks for the module only after a frame, then renders it', async () => {
    let asked = 0;
    const load = () => {
      asked += 1;
      return Promise.resolve({ Heavy: () => <p>The heavy part</p> });
    };
    render(
      <PaintFirst placeholder={<p>Heading and a loading line</p>} load={load}>
        {({ Heavy }) => <Heavy />}
      </PaintFirst>,
    );
    expect(screen.getByText('Heading and a loading line')).toBeInTheDocument();
    expect(asked).toBe(0);
    expect(await screen.findByText('The heavy part')).toBeInTheDocument();
    expect(asked).toBe(1);
    expect(screen.queryByText('Heading and a loading line')).not.toBeInTheDocument();
  });

  it('keeps the placeholder while the module is on its way', async () => {
    let arrive: (module: { text: string }) => void = () => undefined;
    const pending = new Promise<{ text: string }>((resolve) => (arrive = resolve));
    const load = () => pending;
    render(
      <PaintFirst placeholder={<p>Loading…</p>} load={load}>
        {({ text }) => <p>{text}</p>}
      </PaintFirst>,
    );
    await settle();
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    arrive({ text: 'Arrived' });
    expect(await screen.findByText('Arrived')).toBeInTheDocument();
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
  });
});
