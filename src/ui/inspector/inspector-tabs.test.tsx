import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { InspectorTabs, type TabDef } from './inspector-tabs';

const tabs: TabDef[] = [
  { label: 'HTTP', render: () => <p>the request</p> },
  { label: 'Tokens', render: () => <p>the tokens</p> },
  { label: 'Decision', render: () => <p>the decision</p> },
];

describe('InspectorTabs', () => {
  it('opens the first tab by default', () => {
    render(<InspectorTabs label="Inspector" tabs={tabs} />);
    expect(screen.getByRole('tab', { name: 'HTTP' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByText('the request')).toBeInTheDocument();
  });

  it("opens the tab a shared link names (?tab=tokens), whatever its case", () => {
    render(<InspectorTabs label="Inspector" tabs={tabs} initial="tokens" />);
    expect(screen.getByRole('tab', { name: 'Tokens' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByText('the tokens')).toBeInTheDocument();
  });

  it('falls back to the first tab when the named one is not there', () => {
    render(<InspectorTabs label="Inspector" tabs={tabs} initial="Gateway" />);
    expect(screen.getByRole('tab', { name: 'HTTP' })).toHaveAttribute('aria-selected', 'true');
  });
});
