import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { renderConfig, settle } from './config.testkit';
import { RolesSection } from './roles-section';

const MISSING_COMMA = ['{', '  "Version": "2012-10-17",', '  "Statement": [{', '    "Effect": "Allow"', '    "Action": "dynamodb:GetItem",', '    "Resource": "*"', '  }]', '}'].join('\n');

const ALLOW2 = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'ReadTheCatalog', Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb:{{region}}:{{accountId}}:table/Catalog' },
      { Sid: 'Typo', Effect: 'Allow2', Action: 'dynamodb:Scan', Resource: '*' },
    ],
  },
  null,
  2,
);

async function replaceText(user: ReturnType<typeof renderConfig>['user'], element: HTMLElement, text: string) {
  await user.click(element);
  await user.clear(element);
  await user.paste(text);
}

describe('The roles and policies form', () => {
  it('points a JSON syntax error (a missing comma on line 4) at its line and column, and Go to puts the caret there', async () => {
    const { user, world } = renderConfig(<RolesSection />);
    const before = structuredClone(world());
    const editor = screen.getByRole('textbox', { name: 'Policy document of NotesOwnerOnly' });
    await replaceText(user, editor, MISSING_COMMA);
    expect(editor).toHaveAttribute('aria-invalid', 'true');
    expect(editor).toHaveAccessibleDescription(/Json syntax error: Fix the JSON syntax error at index 68 line 4 column 22\. A comma \(,\) or '}' is missing after the value of "Effect"\./);

    await user.click(screen.getByRole('button', { name: 'Go to line 4, column 22' }));
    expect(editor).toHaveFocus();
    expect((editor as HTMLTextAreaElement).selectionStart).toBe(68);

    await user.click(screen.getByRole('button', { name: 'Apply roles and policies' }));
    expect(screen.getByRole('alert', { name: /Not applied/ })).toHaveTextContent(/Not applied: one value was refused\..*Policy “NotesOwnerOnly” › document: Json syntax error/);
    expect(world()).toEqual(before);
  });

  it('names the statement of a schema error (Effect "Allow2") and the line it is on, and refuses to apply it', async () => {
    const { user, world } = renderConfig(<RolesSection />);
    const editor = screen.getByRole('textbox', { name: 'Policy document of CatalogReadOnly' });
    await replaceText(user, editor, ALLOW2);
    expect(editor).toHaveAccessibleDescription('Statement 2 (line 12): Invalid effect: The effect Allow2 is not valid. Use Allow or Deny. Go to line 12, column 17');
    await user.click(screen.getByRole('button', { name: 'Go to line 12, column 17' }));
    expect((editor as HTMLTextAreaElement).value.slice((editor as HTMLTextAreaElement).selectionStart).startsWith('"Allow2"')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Apply roles and policies' }));
    expect(screen.getByRole('alert', { name: /Not applied/ })).toHaveTextContent('Invalid effect: The effect Allow2 is not valid. Use Allow or Deny.');
    expect(JSON.stringify(world().roles[0]!.policies[1]!.document)).not.toContain('Allow2');
  });

  it('applies a corrected policy', async () => {
    const { user, world, store } = renderConfig(<RolesSection />);
    const editor = screen.getByRole('textbox', { name: 'Policy document of CatalogReadOnly' });
    await replaceText(user, editor, ALLOW2.replace('Allow2', 'Deny'));
    expect(editor).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByRole('button', { name: 'Apply roles and policies' }));
    expect(screen.getByRole('status')).toHaveTextContent('Applied.');
    expect(world().roles[0]!.policies[1]!.document.Statement).toEqual([
      { Sid: 'ReadTheCatalog', Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb:{{region}}:{{accountId}}:table/Catalog' },
      { Sid: 'Typo', Effect: 'Deny', Action: 'dynamodb:Scan', Resource: '*' },
    ]);
    await settle(store);
  });

  it('refuses a role name AWS would refuse, and a duplicate one', async () => {
    const { user, world } = renderConfig(<RolesSection />);
    const name = screen.getByRole('textbox', { name: 'Role name' });
    await user.clear(name);
    await user.type(name, 'Admin Role');
    await user.tab();
    expect(name).toHaveAccessibleDescription('Role name must be 1 to 64 letters, digits or +=,.@-_');
    await user.clear(name);
    await user.type(name, 'AdminRole');
    await user.click(screen.getByRole('button', { name: 'Apply roles and policies' }));
    expect(screen.getByRole('alert', { name: /Not applied/ })).toHaveTextContent('Role “AdminRole” › name: Another role is already called AdminRole: names must be unique');
    expect(world().roles[0]!.name).toBe('Cognito_LearnerAuth_Role');
  });

  it('answers "would this be allowed?" with Allow or Deny, the reason and the deciding statement', async () => {
    const { user, store } = renderConfig(<RolesSection />);
    await act(() => store.getState().start());
    const check = screen.getByRole('region', { name: 'Would this be allowed?' });
    const action = within(check).getByRole('textbox', { name: 'Action' });
    const resource = within(check).getByRole('textbox', { name: 'Resource' });

    await replaceText(user, resource, 'arn:aws:dynamodb:us-east-1:123456789012:table/Catalog');
    await user.click(within(check).getByRole('button', { name: 'Check' }));
    const allow = await within(check).findByRole('article', { name: /Allow/ });
    expect(allow).toHaveTextContent('Deciding statement: statement 1 (ReadTheCatalog) of CatalogReadOnly, Effect Allow');
    expect(allow).toHaveTextContent(/Reason: .*CatalogReadOnly/);

    await replaceText(user, action, 'dynamodb:DeleteItem');
    await user.click(within(check).getByRole('button', { name: 'Check' }));
    const deny = await within(check).findByRole('article', { name: /Deny \(implicit\)/ });
    expect(deny).toHaveTextContent('Deciding statement: none — no identity policy of the role allows the request.');

    // The owner-only statement allows a user's own partition, given the request's condition keys.
    await replaceText(user, resource, 'arn:aws:dynamodb:us-east-1:123456789012:table/Notes');
    await replaceText(user, within(check).getByRole('textbox', { name: 'Request context (optional)' }), 'dynamodb:LeadingKeys = us-east-1:1111\ncognito-identity.amazonaws.com:sub = us-east-1:1111');
    await user.click(within(check).getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(within(check).getByRole('article')).toHaveTextContent('Deciding statement: statement 1 (OwnItemsOnly) of NotesOwnerOnly, Effect Allow'));

    await user.selectOptions(within(check).getByRole('combobox', { name: 'Role' }), 'AdminRole');
    await replaceText(user, action, 'dynamodb:DeleteTable');
    await user.click(within(check).getByRole('button', { name: 'Check' }));
    const explicit = await within(check).findByRole('article', { name: /Deny \(explicit\)/ });
    expect(explicit).toHaveTextContent('Deciding statement: statement 2 (NoTableDeletion) of NotesAdministration, Effect Deny');
    await settle(store);
  });
});
