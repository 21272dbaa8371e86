import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderConfig, settle } from './config.testkit';
import { IdentityProvidersSection } from './identity-providers-section';

describe('The identity providers form', () => {
  it('refuses a Google provider not named Google, and a mapping line without "="', async () => {
    const { user, world } = renderConfig(<IdentityProvidersSection />);
    const google = screen.getByRole('group', { name: 'Provider 1: Google' });
    const name = within(google).getByRole('textbox', { name: 'Provider name' });
    await user.clear(name);
    await user.type(name, 'Gmail');
    const mapping = within(google).getByRole('textbox', { name: 'Attribute mapping' });
    await user.click(mapping);
    await user.keyboard('{End}');
    await user.paste('\nnickname');
    await user.click(screen.getByRole('button', { name: 'Apply identity providers' }));
    expect(name).toHaveAccessibleDescription('A Google provider must be called Google');
    expect(mapping).toHaveAccessibleDescription(/Line 5: write it as “user pool attribute = provider attribute”\./);
    expect(world().userPools[0]!.identityProviders![0]!.name).toBe('Google');
  });

  it('applies a changed attribute mapping', async () => {
    const { user, world, store } = renderConfig(<IdentityProvidersSection />);
    const facebook = screen.getByRole('group', { name: 'Provider 2: Facebook' });
    const mapping = within(facebook).getByRole('textbox', { name: 'Attribute mapping' });
    expect(mapping).toHaveValue('email = email\nname = name');
    await user.click(mapping);
    await user.keyboard('{End}');
    await user.paste('\npicture = picture');
    await user.click(screen.getByRole('button', { name: 'Apply identity providers' }));
    expect(screen.getByRole('status')).toHaveTextContent('Applied.');
    expect(world().userPools[0]!.identityProviders![1]!.attributeMapping).toEqual({ email: 'email', name: 'name', picture: 'picture' });
    await settle(store);
  });
});
