import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { AppClientsSection } from './app-clients-section';
import { renderConfig, settle, testWorld } from './config.testkit';

const apply = () => screen.getByRole('button', { name: 'Apply app clients' });

describe('The app clients form', () => {
  it('refuses an ID token that lasts two days, in its unit, with the reason next to the lifetime', async () => {
    const { user, world } = renderConfig(<AppClientsSection />);
    const lifetime = screen.getByRole('textbox', { name: 'ID token lifetime' });
    expect(lifetime).toHaveValue('1');
    expect(screen.getByRole('combobox', { name: 'ID token lifetime unit' })).toHaveValue('hours');
    await user.clear(lifetime);
    await user.type(lifetime, '2');
    await user.selectOptions(screen.getByRole('combobox', { name: 'ID token lifetime unit' }), 'days');
    await user.click(apply());
    expect(lifetime).toHaveAccessibleDescription('ID token validity must be between 5 minutes and 1 day');
    expect(screen.getByRole('alert', { name: /Not applied/ })).toHaveTextContent('App client “web” › idTokenValidity: ID token validity must be between 5 minutes and 1 day');
    expect(world().userPools[0]!.clients[0]!.idTokenValidity).toBeUndefined();
  });

  it('refuses a plain-HTTP callback URL other than localhost', async () => {
    const { user } = renderConfig(<AppClientsSection />);
    const callbacks = screen.getByRole('textbox', { name: 'Allowed callback URLs' });
    await user.click(callbacks);
    await user.keyboard('{End}');
    await user.paste('\nhttp://app.example/cb');
    await user.tab();
    expect(callbacks).toHaveAccessibleDescription(/http:\/\/app\.example\/cb must use HTTPS \(plain HTTP is allowed only for http:\/\/localhost\)/);
  });

  it('refuses the client credentials grant for a client without a secret, as AWS does', async () => {
    const { user, world } = renderConfig(<AppClientsSection />);
    const grants = screen.getByRole('group', { name: 'OAuth grant types' });
    await user.click(within(grants).getByRole('checkbox', { name: 'Client credentials' }));
    await user.click(apply());
    expect(grants).toHaveAccessibleDescription(/client_credentials flow can not be selected along with code flow or implicit flow\./);
    expect(screen.getByRole('checkbox', { name: 'Generate a client secret' })).toHaveAccessibleDescription(/client_credentials flow can not be selected if client does not have a client secret\./);
    expect(world().userPools[0]!.clients[0]!.allowedOAuthFlows).toEqual(['code']);
  });

  it('edits the client chosen, and applies LEGACY user existence errors and a localhost callback', async () => {
    const { user, world, store } = renderConfig(<AppClientsSection />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'App client to edit' }), 'alb');
    expect(screen.getByRole('group', { name: 'App client alb' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Generate a client secret' })).toBeChecked();
    await user.selectOptions(screen.getByRole('combobox', { name: 'App client to edit' }), 'web');
    await user.click(screen.getByRole('radio', { name: 'Tell the caller (LEGACY)' }));
    const callbacks = screen.getByRole('textbox', { name: 'Allowed callback URLs' });
    await user.click(callbacks);
    await user.keyboard('{End}');
    await user.paste('\nhttp://localhost:5173/callback');
    await user.click(apply());
    expect(screen.getByRole('status')).toHaveTextContent('Applied.');
    const web = world().userPools[0]!.clients[0]!;
    expect(web.preventUserExistenceErrors).toBe('LEGACY');
    expect(web.callbackUrls).toEqual(['https://app.learner-lab.example/callback', 'http://localhost:5173/callback']);
    // The other clients are kept exactly as they were: the defaults the form showed are not written into the world.
    expect(world().userPools[0]!.clients.slice(1)).toEqual(testWorld().userPools[0]!.clients.slice(1));
    expect(web.tokenValidityUnits).toBeUndefined();
    await settle(store);
  });

  it('adds an app client with a unique name and focuses its name', async () => {
    const { user } = renderConfig(<AppClientsSection />);
    await user.click(screen.getByRole('button', { name: 'Add an app client' }));
    const name = screen.getByRole('textbox', { name: 'App client name' });
    expect(name).toHaveValue('client-4');
    expect(name).toHaveFocus();
    await user.clear(name);
    await user.type(name, 'web');
    await user.click(apply());
    expect(name).toHaveAccessibleDescription('Another app client of this pool is already called web: names must be unique');
  });

  it('shows, from the summary, a refused value of a client not on screen', async () => {
    const { user } = renderConfig(<AppClientsSection />);
    const lifetime = screen.getByRole('textbox', { name: 'Access token lifetime' });
    await user.clear(lifetime);
    await user.type(lifetime, '48');
    await user.selectOptions(screen.getByRole('combobox', { name: 'App client to edit' }), 'reports-job');
    await user.click(apply());
    const summary = screen.getByRole('alert', { name: /Not applied/ });
    await user.click(within(summary).getByRole('button', { name: 'User pool “LearnerPool” › App client “web” › accessTokenValidity: Access token validity must be between 5 minutes and 1 day (show it)' }));
    const shown = screen.getByRole('textbox', { name: 'Access token lifetime' });
    expect(screen.getByRole('combobox', { name: 'App client to edit' })).toHaveValue('0');
    await waitFor(() => expect(shown).toHaveFocus());
    expect(shown).toHaveValue('48');
    expect(shown).toHaveAccessibleDescription('Access token validity must be between 5 minutes and 1 day');
  });
});
