import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { ConfigPanel } from './config-panel';
import { renderConfig } from './config.testkit';

describe('The Configure panel', () => {
  it('lists the parts of the world as a sidebar of tabs, moved through with the arrow keys', async () => {
    const { user } = renderConfig(<ConfigPanel />);
    const panel = screen.getByRole('region', { name: 'Configure the world' });
    const tabs = within(within(panel).getByRole('tablist', { name: 'Parts of the world' })).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['User pool', 'Groups', 'App clients', 'Identity providers', 'Identity pool', 'Roles and policies', 'Tables and items', 'API routes', 'Load balancer']);
    expect(within(panel).getByRole('tabpanel', { name: 'User pool' })).toBeVisible();

    await user.click(tabs[0]!);
    await user.keyboard('{ArrowDown}');
    expect(tabs[1]).toHaveFocus();
    expect(tabs[1]).toHaveAttribute('aria-selected', 'true');
    expect(within(panel).getByRole('tabpanel', { name: 'Groups' })).toBeVisible();
    await user.keyboard('{End}');
    expect(within(panel).getByRole('tabpanel', { name: 'Load balancer' })).toBeVisible();
    await user.keyboard('{ArrowDown}');
    expect(tabs[0]).toHaveFocus();
  });

  it('keeps a draft when the learner visits another section and comes back', async () => {
    const { user } = renderConfig(<ConfigPanel />);
    const userPool = screen.getByRole('tabpanel', { name: 'User pool' });
    const length = within(userPool).getByRole('textbox', { name: 'Minimum length' });
    await user.clear(length);
    await user.type(length, '14');
    await user.click(screen.getByRole('tab', { name: 'Roles and policies' }));
    expect(userPool).not.toBeVisible();
    await user.click(screen.getByRole('tab', { name: 'User pool' }));
    expect(userPool).toBeVisible();
    expect(length).toHaveValue('14');
  });
});
