import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { AlbSection } from './alb-section';
import { renderConfig, settle } from './config.testkit';

describe('The load balancer form', () => {
  it('refuses a priority another rule has, and a client without a secret for authenticate-cognito', async () => {
    const { user, world } = renderConfig(<AlbSection />);
    const health = screen.getByRole('group', { name: 'Rule 2: /health' });
    const priority = within(health).getByRole('textbox', { name: 'Priority' });
    await user.clear(priority);
    await user.type(priority, '10');
    const app = screen.getByRole('group', { name: 'Rule 1: /app/*' });
    await user.selectOptions(within(app).getByRole('combobox', { name: 'App client' }), 'web');
    await user.click(screen.getByRole('button', { name: 'Apply load balancer rules' }));
    expect(priority).toHaveAccessibleDescription(/Another rule already has priority 10/);
    expect(within(app).getByRole('combobox', { name: 'App client' })).toHaveAccessibleDescription('App client web has no client secret; the load balancer needs one');
    expect(world().loadBalancers[0]!.rules[1]!.priority).toBe(20);
  });

  it('answers /health with a 503 from now on', async () => {
    const { user, world, store } = renderConfig(<AlbSection />);
    const health = screen.getByRole('group', { name: 'Rule 2: /health' });
    const status = within(health).getByRole('textbox', { name: 'Status code' });
    await user.clear(status);
    await user.type(status, '302');
    await user.tab();
    expect(status).toHaveAccessibleDescription('The status code must be 2XX, 4XX or 5XX.');
    await user.clear(status);
    await user.type(status, '503');
    await user.click(screen.getByRole('button', { name: 'Apply load balancer rules' }));
    expect(screen.getByRole('status')).toHaveTextContent('Applied.');
    expect(world().loadBalancers[0]!.rules[1]!.fixedResponse).toEqual({ statusCode: 503, contentType: 'text/plain', messageBody: 'OK' });
    await settle(store);
  });
});
