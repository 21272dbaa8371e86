import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderConfig, settle } from './config.testkit';
import { GroupsSection } from './groups-section';

describe('The groups form', () => {
  it('refuses a negative precedence and a group name the pool already has', async () => {
    const { user, world } = renderConfig(<GroupsSection />);
    const readers = screen.getByRole('group', { name: 'Group 2: readers' });
    const precedence = within(readers).getByRole('textbox', { name: 'Precedence' });
    await user.clear(precedence);
    await user.type(precedence, '-1');
    await user.tab();
    expect(precedence).toHaveAccessibleDescription(/Precedence must be a whole number, 0 or more/);
    const name = within(readers).getByRole('textbox', { name: 'Group name' });
    await user.clear(name);
    await user.type(name, 'admins');
    await user.click(screen.getByRole('button', { name: 'Apply groups' }));
    expect(name).toHaveAccessibleDescription('Another group of this pool is already called admins: names must be unique');
    // Both groups called admins are refused, and so is bob's membership of readers, which no longer exists.
    const summary = screen.getByRole('alert', { name: /Not applied: 4 values were refused/ });
    expect(summary).toHaveTextContent('User pool “LearnerPool” › User “bob” › groups[0]: Group readers does not exist in this pool');
    expect(world().userPools[0]!.groups![1]).toMatchObject({ name: 'readers', precedence: 10 });
  });

  it('gives the readers a role and a new group, and applies them', async () => {
    const { user, world, store } = renderConfig(<GroupsSection />);
    const readers = screen.getByRole('group', { name: 'Group 2: readers' });
    await user.selectOptions(within(readers).getByRole('combobox', { name: 'IAM role' }), 'Cognito_LearnerAuth_Role');
    await user.click(screen.getByRole('button', { name: 'Add a group' }));
    const added = screen.getByRole('group', { name: 'Group 3: group-3' });
    expect(within(added).getByRole('textbox', { name: 'Group name' })).toHaveFocus();
    await user.type(within(added).getByRole('textbox', { name: 'Precedence' }), '5');
    await user.click(screen.getByRole('button', { name: 'Apply groups' }));
    expect(screen.getByRole('status')).toHaveTextContent('Applied.');
    expect(world().userPools[0]!.groups).toEqual([
      { name: 'admins', description: 'Administrators of the learner app', precedence: 1, roleName: 'AdminRole' },
      { name: 'readers', description: 'Readers of the learner app', precedence: 10, roleName: 'Cognito_LearnerAuth_Role' },
      { name: 'group-3', precedence: 5 },
    ]);
    await user.click(within(screen.getByRole('group', { name: 'Group 3: group-3' })).getByRole('button', { name: 'Remove group group-3' }));
    expect(screen.queryByRole('group', { name: /Group 3/ })).not.toBeInTheDocument();
    await settle(store);
  });
});
