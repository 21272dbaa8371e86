import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderConfig, settle } from './config.testkit';
import { IdentityPoolSection } from './identity-pool-section';

describe('The identity pool form', () => {
  it('refuses a rules mapping whose rule has no value', async () => {
    const { user, world } = renderConfig(<IdentityPoolSection />);
    await user.click(screen.getByRole('button', { name: 'Add a role mapping' }));
    expect(screen.getByRole('combobox', { name: 'Provider' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Apply identity pool' }));
    const rules = screen.getByRole('alert', { name: /Not applied/ });
    expect(rules).toHaveTextContent('Role mapping “LearnerPool/web” › rules: A rules mapping needs 1 to 25 rules');
    await user.click(screen.getByRole('button', { name: 'Add a rule to mapping 1' }));
    await user.click(screen.getByRole('button', { name: 'Apply identity pool' }));
    expect(within(screen.getByRole('group', { name: 'Rule 1' })).getByRole('textbox', { name: 'Value' })).toHaveAccessibleDescription('Enter the value the claim is compared with.');
    expect(world().identityPools[0]!.roleMappings).toBeUndefined();
  });

  it('turns guest access off and maps the admins group to AdminRole by a rule', async () => {
    const { user, world, store } = renderConfig(<IdentityPoolSection />);
    await user.click(screen.getByRole('checkbox', { name: 'Guest access (unauthenticated identities)' }));
    await user.click(screen.getByRole('button', { name: 'Add a role mapping' }));
    await user.click(screen.getByRole('button', { name: 'Add a rule to mapping 1' }));
    const rule = screen.getByRole('group', { name: 'Rule 1' });
    await user.type(within(rule).getByRole('textbox', { name: 'Value' }), 'admins');
    await user.selectOptions(within(rule).getByRole('combobox', { name: 'Role' }), 'AdminRole');
    await user.click(screen.getByRole('button', { name: 'Apply identity pool' }));
    expect(screen.getByRole('status')).toHaveTextContent('Applied.');
    const pool = world().identityPools[0]!;
    expect(pool.allowUnauthenticatedIdentities).toBe(false);
    expect(pool.roleMappings).toEqual([
      { provider: 'LearnerPool/web', type: 'Rules', ambiguousRoleResolution: 'AuthenticatedRole', rules: [{ claim: 'cognito:groups', matchType: 'Contains', value: 'admins', roleName: 'AdminRole' }] },
    ]);
    await settle(store);
  });
});
