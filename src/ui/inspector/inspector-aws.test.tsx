import { beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Exchange } from '../../sim/index';
import { Inspector } from './inspector';
import * as fx from './aws-exchanges.testkit';

let getItem: Exchange;
let query: Exchange;
let empty: Exchange;
let tampered: Exchange;

beforeAll(async () => {
  [getItem, query, empty, tampered] = await Promise.all([fx.getBobsNote(), fx.queryOwnNotes(), fx.queryEmpty(), fx.tamperedGetItem()]);
});

const verifyToken = vi.fn(async () => ({ status: 'invalid' as const, reason: 'not checked here' }));

function setup(exchange: Exchange, nested: readonly Exchange[] = []) {
  const user = userEvent.setup();
  const view = render(<Inspector exchange={exchange} nested={nested} verifyToken={verifyToken} />);
  return { user, ...view, show: (x: Exchange, n: readonly Exchange[] = []) => view.rerender(<Inspector exchange={x} nested={n} verifyToken={verifyToken} />) };
}

const tabNames = () => within(screen.getByRole('tablist', { name: 'Inspector' })).getAllByRole('tab').map((t) => t.textContent);

async function openTab(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(screen.getByRole('tab', { name }));
  return screen.getByRole('tabpanel', { name });
}

describe('When the exchange has AWS things to show', () => {
  it('shows only HTTP, Tokens and Decision for a user-pool call', () => {
    setup(fx.initiateAuth());
    expect(tabNames()).toEqual(['HTTP', 'Tokens', 'Decision']);
  });

  it('adds Credentials for GetCredentialsForIdentity, and Policy, SigV4 and Items for a signed DynamoDB call, in that order', () => {
    const { exchange, nested } = fx.getCredentials();
    const { show } = setup(exchange, nested);
    expect(tabNames()).toEqual(['HTTP', 'Tokens', 'Credentials', 'Decision']);
    show(getItem);
    expect(tabNames()).toEqual(['HTTP', 'Tokens', 'Policy', 'SigV4', 'Items', 'Decision']);
    show(fx.assumeRole());
    expect(tabNames()).toEqual(['HTTP', 'Tokens', 'Credentials', 'Decision']);
  });

  it('finds the notes and items of the calls the service made', async () => {
    const { exchange, nested } = await fx.apiWithNestedDynamoDb();
    const { user } = setup(exchange, nested);
    expect(tabNames()).toEqual(['HTTP', 'Tokens', 'Policy', 'SigV4', 'Items', 'Gateway', 'Decision']);
    expect(within(await openTab(user, 'Policy')).getByRole('heading', { level: 3 })).toHaveTextContent('Evaluation of dynamodb:Query (by dynamodb: Query)');
  });

  it('keeps the selected tab when the next exchange has it, and falls back to HTTP for good when it does not', async () => {
    const { user, show } = setup(getItem);
    await openTab(user, 'Policy');
    show(query);
    expect(screen.getByRole('tab', { name: 'Policy', selected: true })).toBeInTheDocument();
    expect(screen.getByRole('tabpanel', { name: 'Policy' })).toHaveTextContent('Evaluation of dynamodb:Query');
    show(fx.getCredentials().exchange);
    expect(screen.getByRole('tab', { name: 'HTTP', selected: true })).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('tabpanel', { name: 'HTTP' })).toHaveTextContent('GetCredentialsForIdentity');
    show(getItem);
    expect(screen.getByRole('tab', { name: 'HTTP', selected: true })).toBeInTheDocument();
    expect(screen.getAllByRole('tabpanel')).toHaveLength(1);
  });

  it('moves across the new tabs with the arrow keys, Home and End', async () => {
    const { user } = setup(getItem);
    await user.tab();
    const visited: string[] = [];
    for (let i = 0; i < 6; i++) {
      await user.keyboard('{ArrowRight}');
      const focused = document.activeElement as HTMLElement;
      expect(focused).toHaveAttribute('aria-selected', 'true');
      expect(screen.getByRole('tabpanel', { name: focused.textContent! })).toBeVisible();
      visited.push(focused.textContent!);
    }
    expect(visited).toEqual(['Tokens', 'Policy', 'SigV4', 'Items', 'Decision', 'HTTP']);
    await user.keyboard('{End}{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Items' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(screen.getByRole('tab', { name: 'HTTP', selected: true })).toHaveFocus();
  });
});

describe('The Credentials tab', () => {
  it('masks the secret key and session token until “Reveal secret” is pressed, and hides them again', async () => {
    const { exchange, nested } = fx.getCredentials();
    const { user } = setup(exchange, nested);
    const panel = await openTab(user, 'Credentials');
    const card = within(panel).getByRole('article', { name: 'Temporary credentials for Cognito_LearnerAuth_Role' });
    const reveal = within(card).getByRole('button', { name: 'Reveal secret' });
    expect(reveal).toHaveAttribute('aria-pressed', 'false');
    expect(panel).not.toHaveTextContent(fx.KEY.secretAccessKey);
    expect(panel).not.toHaveTextContent(fx.KEY.sessionToken);
    expect(within(card).getByText('Secret access key').nextElementSibling).toHaveTextContent('(hidden, 40 characters)');
    await user.click(reveal);
    expect(reveal).toHaveAttribute('aria-pressed', 'true');
    expect(within(card).getByText('Secret access key').nextElementSibling).toHaveTextContent(fx.KEY.secretAccessKey);
    expect(within(card).getByText('Session token').nextElementSibling).toHaveTextContent(fx.KEY.sessionToken);
    await user.click(reveal);
    expect(panel).not.toHaveTextContent(fx.KEY.secretAccessKey);
  });

  it('shows the key id, role, identity and expiry counted down from the step’s virtual time, once per key', async () => {
    const { exchange, nested } = fx.getCredentials(fx.AT + 10 * 60_000);
    const { user } = setup(exchange, nested);
    const panel = await openTab(user, 'Credentials');
    const cards = within(panel).getAllByRole('article');
    expect(cards).toHaveLength(1);
    const card = cards[0]!;
    expect(card).toHaveTextContent(`Access key id${fx.KEY.accessKeyId} (ASIA…: temporary)`);
    expect(card).toHaveTextContent(`RoleCognito_LearnerAuth_Role ${fx.AUTH_ROLE}`);
    expect(card).toHaveTextContent(`Identity id${fx.ALICE_ID}`);
    expect(card).toHaveTextContent('Expires in 50 min (at 2026-03-02T10:00:00.000Z; this step happens at 2026-03-02T09:10:00.000Z on the virtual clock)');
    expect(card).toHaveTextContent('Temporary credentials from STS: they expire; ASIA keys always travel with a session token');
    expect(card).toHaveTextContent('Found in Decision: credentials issued; Response body, Credentials');
  });

  it('reads STS’s XML answer: the key, the role asked for, the ISO expiry', async () => {
    const { user } = setup(fx.assumeRole());
    const card = within(await openTab(user, 'Credentials')).getByRole('article', { name: 'Temporary credentials for Cognito_LearnerAuth_Role' });
    expect(card).toHaveTextContent('Access key idASIAQ3EGUQ7STSKEY345');
    expect(card).toHaveTextContent('Expires in 55 min (at 2026-03-02T10:00:00.000Z');
    await user.click(within(card).getByRole('button', { name: 'Reveal secret' }));
    expect(within(card).getByText('Session token').nextElementSibling).toHaveTextContent('FwoGZXIvYXdzEXAMPLE&token/from+sts==');
  });
});

describe('The Policy tab', () => {
  it('explains a denial: who, what, the decision in words, and every statement with what matched', async () => {
    const { user } = setup(getItem);
    const card = within(await openTab(user, 'Policy')).getByRole('article', { name: 'Evaluation of dynamodb:GetItem' });
    expect(card).toHaveTextContent(`Principal${fx.SESSION_ARN}Actiondynamodb:GetItemResource${fx.NOTES_ARN}`);
    expect(within(card).getByText('Implicitly denied')).toBeInTheDocument();
    expect(card).toHaveTextContent('Denied implicitly: no identity-based policy statement allows dynamodb:GetItem');
    expect(card).toHaveTextContent('Missing allow: no identity policy of the role allows the request.');
    const list = within(card).getByRole('list', { name: 'Statements (3)' });
    const statements = within(list).getAllByRole('listitem').filter((li) => li.parentElement === list);
    expect(statements.map((s) => s.querySelector('.statement__status')?.textContent)).toEqual(['Does not apply', 'Does not apply', 'Does not apply']);
    expect(card.querySelector('.statement--deciding')).toBeNull();
    const own = statements[0]!;
    expect(own).toHaveTextContent('NotesOwnerOnly (identity policy, statement 1) · Sid OwnItemsOnly · Effect Allow');
    const condition = within(own).getByText(/ForAllValues:StringEquals/);
    expect(condition).toHaveTextContent(`ForAllValues:StringEquals dynamodb:LeadingKeys: request [${fx.BOB_ID}] vs policy [\${cognito-identity.amazonaws.com:sub} → ${fx.ALICE_ID}]`);
    expect(within(condition.closest('li')!).getByRole('img', { name: 'does not match' })).toHaveTextContent('✗');
    expect(within(statements[1]!).getAllByRole('img').map((m) => m.getAttribute('aria-label'))).toEqual(['matches', 'does not match']);
    expect(within(card).getByRole('list', { name: 'Policy variables substituted' })).toHaveTextContent(`\${cognito-identity.amazonaws.com:sub} → ${fx.ALICE_ID}`);
  });

  it('marks the statement that decided an allow, in words', async () => {
    const { user } = setup(query);
    const card = within(await openTab(user, 'Policy')).getByRole('article', { name: 'Evaluation of dynamodb:Query' });
    expect(within(card).getByText('Allowed')).toBeInTheDocument();
    const deciding = within(card).getByText('Decided the outcome').closest('li')!;
    expect(deciding).toHaveClass('statement--deciding');
    expect(deciding).toHaveTextContent('NotesOwnerOnly');
    expect(within(deciding).getAllByRole('img', { name: 'matches' })).toHaveLength(3);
    expect(within(card).getAllByText('Decided the outcome')).toHaveLength(1);
  });

  it('names the Deny that decided an explicit deny, with a condition’s own note and the variables that had no value', async () => {
    const note = getItem.notes[1] as Extract<Exchange['notes'][number], { kind: 'policy' }>;
    const [own, ...others] = note.evaluation.statements;
    const deny = { ...own!, policyName: 'NoForeignNotes', index: 2, sid: 'DenyOthers', effect: 'Deny' as const, applies: true, unresolved: ['${aws:username}'], conditions: [{ ...own!.conditions[0]!, operator: 'ForAnyValue:StringNotEquals', matched: true, note: 'one leading key is not the caller’s' }] };
    const evaluation = { ...note.evaluation, decision: 'ExplicitDeny' as const, statements: [own!, deny, ...others], decidingStatement: deny, missingAllow: undefined };
    const { user } = setup({ ...getItem, notes: [{ ...note, evaluation }] });
    const card = within(await openTab(user, 'Policy')).getByRole('article', { name: 'Evaluation of dynamodb:GetItem' });
    expect(within(card).getByText('Explicitly denied')).toBeInTheDocument();
    expect(card).not.toHaveTextContent('Missing allow');
    const deciding = within(card).getByText('Decided the outcome').closest('li')!;
    expect(deciding).toHaveTextContent('NoForeignNotes (identity policy, statement 3) · Sid DenyOthers · Effect Deny');
    expect(deciding).toHaveTextContent(`vs policy [\${cognito-identity.amazonaws.com:sub} → ${fx.ALICE_ID}] ✓ — one leading key is not the caller’s`);
    expect(deciding).toHaveTextContent('Variables without a value: ${aws:username} — the values holding them match nothing.');
  });

  it('keeps the request’s condition keys in a collapsed table', async () => {
    const { user } = setup(getItem);
    const panel = await openTab(user, 'Policy');
    const summary = within(panel).getByText('Request context (4 keys)');
    expect(summary.closest('details')).not.toHaveAttribute('open');
    await user.click(summary);
    const table = within(panel).getByRole('table', { name: 'Request context' });
    expect(within(table).getByRole('row', { name: /dynamodb:LeadingKeys/ })).toHaveTextContent(`[${fx.BOB_ID}]`);
    expect(within(table).getByRole('row', { name: /aws:SourceIp/ })).toHaveTextContent('(absent)');
  });
});

describe('The SigV4 tab', () => {
  it('walks a valid signature stage by stage, with the four key-derivation steps', async () => {
    const { user } = setup(getItem);
    const card = within(await openTab(user, 'SigV4')).getByRole('article', { name: 'Signature of GetItem' });
    expect(card).toHaveTextContent('Signature matches');
    expect(card).toHaveTextContent(`Access key id${fx.KEY.accessKeyId}Credential scope20260302/us-east-1/dynamodb/aws4_requestSigned headerscontent-type;host;x-amz-date;x-amz-security-token;x-amz-target`);
    const note = getItem.notes[0] as Extract<Exchange['notes'][number], { kind: 'sigv4' }>;
    expect(within(card).getByRole('region', { name: '1. Canonical request' }).querySelector('pre')?.textContent).toBe(note.canonicalRequest);
    expect(within(card).getByRole('region', { name: '2. String to sign' }).querySelector('pre')?.textContent).toMatch(/^AWS4-HMAC-SHA256\n20260302T090000Z\n20260302\/us-east-1\/dynamodb\/aws4_request\n[0-9a-f]{64}$/);
    const rows = within(within(card).getByRole('table', { name: 'Signing key derivation' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('th')?.textContent?.split(' ')[0])).toEqual(['kDate', 'kRegion', 'kService', 'kSigning']);
    expect(rows.map((r) => r.querySelector('td')?.textContent)).toEqual(note.keyDerivation!.map((s) => s.hex));
    expect(rows[0]).toHaveTextContent('kDate = HMAC("AWS4" + secret, "20260302")');
    expect(within(card).getByRole('region', { name: '4. Signature' })).toHaveTextContent(`${note.signature} — the same as the service computed`);
  });

  it('gives the error code and its meaning when the signature is rejected, and the signature the client sent', async () => {
    const { user } = setup(tampered);
    const card = within(await openTab(user, 'SigV4')).getByRole('article', { name: 'Signature of GetItem' });
    expect(card).toHaveTextContent('Signature rejected: InvalidSignatureException. The signature the service computed differs from the one sent');
    expect(within(card).getByRole('region', { name: '3. Signing key' })).toHaveTextContent('Not recorded');
    const sent = /Signature=([0-9a-f]{64})/.exec(tampered.request.headers.authorization!)![1]!;
    expect(within(card).getByRole('region', { name: '4. Signature' })).toHaveTextContent(`${sent} — sent by the client; the service did not accept it`);
  });
});

describe('The Items tab', () => {
  it('tables the items a Query returned: key attributes first, typed values, counts and the next page’s key', async () => {
    const { user } = setup(query);
    const panel = await openTab(user, 'Items');
    expect(within(panel).getByRole('heading', { name: 'Query on Notes' })).toBeInTheDocument();
    expect(panel).toHaveTextContent('Count 2 · ScannedCount 2');
    const table = within(panel).getByRole('table', { name: 'Items returned (2)' });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual(['ownerId (key)', 'noteId (key)', 'title', 'version', 'pinned', 'tags', 'meta', 'links']);
    expect(headers.every((h) => h.getAttribute('scope') === 'col')).toBe(true);
    const [first, second] = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(first).toEqual([`${fx.ALICE_ID} (S)`, 'n-001 (S)', 'Shopping (S)', '42 (N)', 'true (BOOL)', '["home","todo"] (SS)', '{"color":{"S":"blue"}} (M)', '—']);
    expect(second).toEqual([`${fx.ALICE_ID} (S)`, 'n-002 (S)', 'Ideas (S)', '1 (N)', '—', '—', '—', '[{"S":"https://example.com"}] (L)']);
    expect(within(panel).getByRole('table', { name: /^Last evaluated key/ })).toHaveTextContent('n-002 (S)');
  });

  it('shows the key a GetItem asked for, even when it was denied', async () => {
    const { user } = setup(getItem);
    const table = within(await openTab(user, 'Items')).getByRole('table', { name: 'Key in the request' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['ownerId (key)', 'noteId (key)']);
    expect(within(table).getAllByRole('cell').map((c) => c.textContent)).toEqual([`${fx.BOB_ID} (S)`, 'n-001 (S)']);
  });

  it('says “No items” when a Query finds none', async () => {
    const { user } = setup(empty);
    const panel = await openTab(user, 'Items');
    expect(panel).toHaveTextContent('No items: the Query returned none.');
    expect(within(panel).queryByRole('table')).not.toBeInTheDocument();
    expect(panel).toHaveTextContent('Count 0 · ScannedCount 0');
  });
});
