import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderConfig, settle } from './config.testkit';
import { UserPoolSection } from './user-pool-section';

describe('The user pool form', () => {
  it('refuses a minimum password length of 5 with the console’s reason next to the field, and changes nothing', async () => {
    const { user, world } = renderConfig(<UserPoolSection />);
    const before = structuredClone(world());
    const length = screen.getByRole('textbox', { name: 'Minimum length' });
    expect(length).toHaveValue('8');
    await user.clear(length);
    await user.type(length, '5');
    await user.tab();
    expect(length).toHaveAttribute('aria-invalid', 'true');
    expect(length).toHaveAccessibleDescription(/Minimum length must be between 6 and 99/);

    await user.click(screen.getByRole('button', { name: 'Apply user pool settings' }));
    const alert = screen.getByRole('alert', { name: /Not applied/ });
    expect(alert).toHaveTextContent('Not applied: one value was refused. Nothing changed.');
    expect(alert).toHaveFocus();
    // The summary links to the field.
    await user.click(within(alert).getByRole('link', { name: /Minimum length must be between 6 and 99/ }));
    expect(length).toHaveFocus();
    expect(world()).toEqual(before);
  });

  it('says a value that is not a number is not one, before anything is sent', async () => {
    const { user, world } = renderConfig(<UserPoolSection />);
    const days = screen.getByRole('textbox', { name: 'Temporary passwords set by an administrator expire after' });
    await user.clear(days);
    await user.type(days, 'seven');
    await user.tab();
    expect(days).toHaveAccessibleDescription(/Enter a whole number \(digits only\), not “seven”/);
    await user.click(screen.getByRole('button', { name: 'Apply user pool settings' }));
    expect(screen.getByRole('alert', { name: /Not applied/ })).toHaveTextContent(/Not applied/);
    expect(world().userPools[0]!.passwordPolicy).toBeUndefined();
  });

  it('refuses MFA required with no MFA method, with AWS’s words on the methods', async () => {
    const { user, world } = renderConfig(<UserPoolSection />);
    await user.click(screen.getByRole('radio', { name: /Require MFA/ }));
    const methods = screen.getByRole('group', { name: 'MFA methods' });
    await user.click(within(methods).getByRole('checkbox', { name: /Authenticator apps/ }));
    await user.click(within(methods).getByRole('checkbox', { name: 'SMS message' }));
    await user.click(screen.getByRole('button', { name: 'Apply user pool settings' }));
    expect(methods).toHaveAccessibleDescription(/Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration\./);
    expect(world().userPools[0]!.mfaConfiguration).toBe('OPTIONAL');
  });

  it('applies a stricter password policy, required MFA and e-mail sign-in, and says so', async () => {
    const { user, world, store } = renderConfig(<UserPoolSection />);
    const length = screen.getByRole('textbox', { name: 'Minimum length' });
    await user.clear(length);
    await user.type(length, '12');
    await user.click(screen.getByRole('radio', { name: /Require MFA/ }));
    await user.click(screen.getByRole('radio', { name: 'An e-mail address or phone number as the user name' }));
    await user.click(screen.getByRole('checkbox', { name: 'Let users sign themselves up (self-registration)' }));
    expect(screen.getByText('Changes not applied yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Apply user pool settings' }));

    expect(screen.getByRole('status')).toHaveTextContent('Applied. There are no actions to replay yet.');
    const pool = world().userPools[0]!;
    expect(pool.passwordPolicy).toMatchObject({ MinimumLength: 12, RequireSymbols: true, TemporaryPasswordValidityDays: 7 });
    expect(pool.mfaConfiguration).toBe('ON');
    expect(pool.usernameAttributes).toEqual(['email']);
    expect(pool.aliasAttributes).toBeUndefined();
    expect(pool.allowSelfSignUp).toBe(false);
    // The form now shows the applied world, with nothing left to apply.
    expect(screen.getByRole('button', { name: 'Discard changes' })).toBeDisabled();
    expect(length).toHaveValue('12');
    await settle(store);
  });

  it('places the store’s refusal (validateWorld’s issue, by path) next to the field it is about', async () => {
    const { user, world } = renderConfig(<UserPoolSection />, {
      override: () => ({ setWorld: () => [{ path: 'userPools[0].domainPrefix', message: 'Domain already associated with another user pool.' }] }),
    });
    const prefix = screen.getByRole('textbox', { name: 'Hosted UI domain prefix' });
    await user.clear(prefix);
    await user.type(prefix, 'my-lab');
    await user.click(screen.getByRole('button', { name: 'Apply user pool settings' }));
    expect(prefix).toHaveAccessibleDescription(/Domain already associated with another user pool\./);
    expect(screen.getByRole('alert', { name: /Not applied/ })).toHaveTextContent('User pool “LearnerPool” › domainPrefix: Domain already associated with another user pool.');
    expect(world().userPools[0]!.domainPrefix).toBe('learner-lab');
    // Editing the field clears its refusal.
    await user.type(prefix, 'x');
    expect(prefix).not.toHaveAccessibleDescription(/Domain already/);
  });

  it('discards a draft back to the applied world', async () => {
    const { user } = renderConfig(<UserPoolSection />);
    const prefix = screen.getByRole('textbox', { name: 'Hosted UI domain prefix' });
    await user.type(prefix, '-AWS');
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(prefix).toHaveValue('learner-lab');
    expect(screen.getByRole('status')).toHaveTextContent('Changes discarded.');
  });
});
