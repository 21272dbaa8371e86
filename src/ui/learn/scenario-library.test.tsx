import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ScenarioLibrary } from './scenario-library';
import { scenarioCatalog } from '../../store/catalog';

describe('The scenario library', () => {
  it('shows a card per scenario, each a link to its player', () => {
    render(<ScenarioLibrary />);
    const cards = screen.getAllByRole('listitem');
    expect(cards).toHaveLength(scenarioCatalog.length);
    const first = scenarioCatalog[0]!;
    const link = screen.getByRole('link', { name: first.title });
    expect(link).toHaveAttribute('href', `#/learn/${first.id}`);
    const card = cards[0]!;
    expect(within(card).getByText(first.goal)).toBeInTheDocument();
    expect(within(card).getByText(first.level)).toBeInTheDocument();
    expect(within(card).getByText(`about ${first.minutes} min`)).toBeInTheDocument();
  });

  it('filters by service', async () => {
    const user = userEvent.setup();
    render(<ScenarioLibrary />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Service' }), 'IAM');
    const expected = scenarioCatalog.filter((s) => s.services.includes('IAM'));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(scenarioCatalog.length);
    expect(screen.getAllByRole('listitem')).toHaveLength(expected.length);
    expect(screen.getByRole('heading', { name: `Scenarios (${expected.length})` })).toBeInTheDocument();
  });
});
