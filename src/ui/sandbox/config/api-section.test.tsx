import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { ApiSection } from './api-section';
import { renderConfig, settle } from './config.testkit';

describe('The API routes form', () => {
  it('refuses a CUSTOM route with a Cognito authorizer and a cache TTL over an hour', async () => {
    const { user, world } = renderConfig(<ApiSection />);
    const profile = screen.getByRole('group', { name: 'Route 1: GET /profile' });
    await user.selectOptions(within(profile).getByRole('combobox', { name: 'Authorization' }), 'CUSTOM');
    const partner = screen.getByRole('group', { name: 'Authorizer 2: PartnerTokenAuthorizer' });
    const ttl = within(partner).getByRole('textbox', { name: 'Result cache TTL' });
    await user.clear(ttl);
    await user.type(ttl, '4000');
    await user.click(screen.getByRole('button', { name: 'Apply API routes and authorizers' }));
    expect(within(profile).getByRole('combobox', { name: 'Authorizer' })).toHaveAccessibleDescription('This method needs a Lambda authorizer of the API');
    expect(ttl).toHaveAccessibleDescription(/Authorization caching must last 0 to 3600 seconds/);
    expect(world().restApis[0]!.routes[0]!.authorization).toBe('COGNITO_USER_POOLS');
  });

  it('refuses a resource path without its leading slash', async () => {
    const { user } = renderConfig(<ApiSection />);
    const path = within(screen.getByRole('group', { name: 'Route 4: GET /public' })).getByRole('textbox', { name: 'Resource path' });
    await user.clear(path);
    await user.type(path, 'public');
    await user.tab();
    expect(path).toHaveAccessibleDescription('A resource path starts with / and each part is letters, numbers and . _ - : or a {variable}.');
  });

  it('puts the public route behind AWS_IAM', async () => {
    const { user, world, store } = renderConfig(<ApiSection />);
    await user.selectOptions(within(screen.getByRole('group', { name: 'Route 4: GET /public' })).getByRole('combobox', { name: 'Authorization' }), 'AWS_IAM');
    await user.click(screen.getByRole('button', { name: 'Apply API routes and authorizers' }));
    expect(screen.getByRole('status')).toHaveTextContent('Applied.');
    expect(world().restApis[0]!.routes[3]).toMatchObject({ method: 'GET', path: '/public', authorization: 'AWS_IAM' });
    await settle(store);
  });
});
