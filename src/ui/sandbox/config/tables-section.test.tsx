import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { Exchange } from '../../../sim/index';
import { renderConfig, settle } from './config.testkit';
import { TablesSection } from './tables-section';

async function replaceText(user: ReturnType<typeof renderConfig>['user'], element: HTMLElement, text: string) {
  await user.click(element);
  await user.clear(element);
  await user.paste(text);
}

function dynamoCall(operation: string, request: object, response: object = {}, status = 200): Exchange {
  return {
    id: `x-${operation}`,
    from: 'app',
    to: 'dynamodb',
    operation,
    request: { method: 'POST', url: 'https://dynamodb.us-east-1.amazonaws.com/', headers: { 'x-amz-target': `DynamoDB_20120810.${operation}` }, body: JSON.stringify(request) },
    response: { status, headers: {}, body: JSON.stringify(response) },
    at: 0,
    notes: [],
  };
}

describe('The tables form and item browser', () => {
  it('refuses seed items DynamoDB would refuse, naming the item and its line', async () => {
    const { user, world } = renderConfig(<TablesSection />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Table to edit' }), 'Catalog');
    const items = screen.getByRole('textbox', { name: 'Seed items (DynamoDB JSON)' });
    await replaceText(user, items, '[\n  {"title": {"S": "No key"}},\n  {"sku": {"N": "7"}}\n]');
    expect(items).toHaveAccessibleDescription(
      'A list of items, each attribute with its type: [{"sku": {"S": "BOOK-001"}, "price": {"N": "29"}}]. Empty for none. ' +
        'Item 1 (line 2): One or more parameter values were invalid: Missing the key sku in the item Go to line 2, column 3 ' +
        'Item 2 (line 3): One or more parameter values were invalid: Type mismatch for key sku expected: S actual: N Go to line 3, column 11',
    );
    await user.click(screen.getByRole('button', { name: 'Apply tables' }));
    expect(screen.getByRole('alert', { name: /Not applied: 2 values were refused/ })).toBeInTheDocument();
    expect(world().tables[1]!.items).toHaveLength(3);
  });

  it('refuses a table name of two characters and a sort key named like the partition key', async () => {
    const { user } = renderConfig(<TablesSection />);
    const name = screen.getByRole('textbox', { name: 'Table name' });
    await user.clear(name);
    await user.type(name, 'No');
    await replaceText(user, screen.getByRole('textbox', { name: 'Sort key' }), 'ownerId');
    await user.click(screen.getByRole('button', { name: 'Apply tables' }));
    expect(name).toHaveAccessibleDescription('Table name must be 3 to 255 letters, digits, underscores, hyphens or dots');
    expect(screen.getByRole('textbox', { name: 'Sort key' })).toHaveAccessibleDescription('The sort key must be another attribute than the partition key');
  });

  it('applies a new seed item, which the item browser then shows', async () => {
    const { user, world, store } = renderConfig(<TablesSection />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Table to edit' }), 'Catalog');
    const items = screen.getByRole('textbox', { name: 'Seed items (DynamoDB JSON)' });
    const list = JSON.parse((items as HTMLTextAreaElement).value) as unknown[];
    await replaceText(user, items, JSON.stringify([...list, { sku: { S: 'PEN-9' }, title: { S: 'Scoped pen' } }], null, 2));
    await user.click(screen.getByRole('button', { name: 'Apply tables' }));
    expect(screen.getByRole('status')).toHaveTextContent('Applied.');
    expect(world().tables[1]!.items).toHaveLength(4);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Table to browse' }), 'Catalog');
    const seeded = screen.getByRole('table', { name: 'Seed items of Catalog in the world (4)' });
    expect(within(seeded).getByRole('row', { name: /PEN-9 \(S\)/ })).toHaveTextContent('Scoped pen (S)');
    await settle(store);
  });

  it('shows the items the sandbox’s DynamoDB actions wrote, deleted and read back', () => {
    const note = (id: string, text: string) => ({ ownerId: { S: 'us-east-1:1111' }, noteId: { S: id }, text: { S: text } });
    const trace = [
      dynamoCall('PutItem', { TableName: 'Notes', Item: note('n1', 'first') }),
      dynamoCall('PutItem', { TableName: 'Notes', Item: note('n2', 'second') }),
      dynamoCall('PutItem', { TableName: 'Notes', Item: note('n3', 'refused') }, { __type: 'AccessDeniedException' }, 400),
      dynamoCall('DeleteItem', { TableName: 'Notes', Key: { ownerId: { S: 'us-east-1:1111' }, noteId: { S: 'n1' } } }),
      dynamoCall('UpdateItem', { TableName: 'Notes', Key: { ownerId: { S: 'us-east-1:1111' }, noteId: { S: 'n2' } } }),
      dynamoCall('GetItem', { TableName: 'Catalog', Key: { sku: { S: 'X' } } }, { Item: { sku: { S: 'X' } } }),
    ];
    renderConfig(<TablesSection />, { override: () => ({ trace }) });
    const live = screen.getByRole('table', { name: 'Items of Notes after the sandbox’s actions (1)' });
    const row = within(live).getByRole('row', { name: /n2 \(S\)/ });
    expect(row).toHaveTextContent('second (S)');
    expect(row).toHaveTextContent('Changed by an UpdateItem since');
    expect(screen.getByText(/From 4 successful DynamoDB calls in the trace/)).toBeInTheDocument();
  });
});
