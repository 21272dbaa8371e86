import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { defaultWorld } from '../../../sim/world/default-world';
import type { SandboxAction, SandboxRun } from '../../../content/sandbox/actions';
import type { WorldConfig } from '../../../sim/world/config';
import { ActPanelView, type ActPanelViewProps } from './act-panel-view';

const START = Date.UTC(2026, 2, 2, 9, 0, 0);

function emptyRun(overrides: Partial<SandboxRun> = {}): SandboxRun {
  return { trace: [], steps: [], messages: [], problems: [], session: { now: START }, ...overrides };
}

function setup(overrides: Partial<ActPanelViewProps> = {}) {
  const act = vi.fn<(action: SandboxAction) => Promise<void>>(() => Promise.resolve());
  const setWorld = vi.fn<(world: WorldConfig) => { path: string; message: string }[]>(() => []);
  const props: ActPanelViewProps = {
    world: defaultWorld,
    actions: [],
    run: emptyRun(),
    startTime: START,
    cursor: 0,
    busy: false,
    demoUsers: [
      { username: 'alice', password: 'Alice#Passw0rd' },
      { username: 'bob', password: 'Bob#Passw0rd1' },
    ],
    providerAccounts: [
      { provider: 'COGNITO', username: 'alice', password: 'Alice#Passw0rd' },
      { provider: 'Google', username: 'gina.google@gmail.example', password: 'Gina#Google1', note: 'Gina Google' },
      { provider: 'Google', username: 'glen.green@gmail.example', password: 'Glen#Google2', note: 'Glen Green' },
      { provider: 'CorpAD', username: 'carol.corp', password: 'Carol#Corp2026', note: 'Carol Corp' },
    ],
    act,
    undoLast: vi.fn(),
    clearActions: vi.fn(),
    goTo: vi.fn(),
    setWorld,
    verifyToken: () => Promise.resolve({ status: 'valid', kid: 'k', issuer: 'i' }),
    ...overrides,
  };
  const user = userEvent.setup();
  const view = render(<ActPanelView {...props} />);
  return { user, act, setWorld, props, view };
}

const form = (name: string) => screen.getByRole('form', { name });

async function openTab(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(screen.getByRole('tab', { name }));
}

async function retype(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.clear(field);
  if (text) await user.type(field, text);
}

describe('The act forms of the user pool', () => {
  it('sign up with the fields typed, phone included', async () => {
    const { user, act } = setup();
    const signUp = form('Sign up');
    await retype(user, within(signUp).getByRole('textbox', { name: 'Username' }), 'dana');
    await retype(user, within(signUp).getByRole('textbox', { name: 'Password' }), 'Dana#Passw0rd1');
    await retype(user, within(signUp).getByRole('textbox', { name: 'E-mail' }), 'dana@example.com');
    await user.type(within(signUp).getByRole('textbox', { name: 'Phone (optional)' }), '+15555550123');
    await user.click(within(signUp).getByRole('button', { name: 'Sign up' }));
    expect(act).toHaveBeenCalledExactlyOnceWith({ kind: 'sign-up', username: 'dana', password: 'Dana#Passw0rd1', email: 'dana@example.com', phone: '+15555550123' });
  });

  it('confirm the latest sign-up with the latest code, or with a code typed from the inbox', async () => {
    const signedUp: SandboxAction = { kind: 'sign-up', username: 'dana', password: 'Dana#Passw0rd1', email: 'dana@example.com' };
    const run = emptyRun({ messages: [{ channel: 'EMAIL', destination: 'dana@example.com', subject: 'Your verification code', body: 'Your verification code is 482913.', code: '482913', at: START }] });
    const { user, act } = setup({ actions: [signedUp], run });
    const inbox = screen.getByRole('list', { name: 'Messages, newest first' });
    expect(inbox).toHaveTextContent('E-mail to dana@example.com');
    expect(within(inbox).getByText('482913')).toBeInTheDocument();

    const confirm = form('Confirm the sign-up');
    await user.click(within(confirm).getByRole('button', { name: 'Confirm' }));
    expect(act).toHaveBeenLastCalledWith({ kind: 'confirm-sign-up', username: 'dana' });
    await user.type(within(confirm).getByRole('textbox', { name: 'Code' }), '482913{Enter}');
    expect(act).toHaveBeenLastCalledWith({ kind: 'confirm-sign-up', username: 'dana', code: '482913' });
  });

  it('sign in as a demo user, with the password or with SRP', async () => {
    const { user, act } = setup();
    const signIn = form('Sign in');
    await user.click(within(signIn).getByRole('button', { name: 'Sign in' }));
    expect(act).toHaveBeenLastCalledWith({ kind: 'sign-in', flow: 'USER_PASSWORD_AUTH', username: 'alice', password: 'Alice#Passw0rd' });
    await user.click(within(signIn).getByRole('button', { name: 'Use bob' }));
    await user.selectOptions(within(signIn).getByRole('combobox', { name: 'Flow' }), 'USER_SRP_AUTH');
    await user.click(within(signIn).getByRole('button', { name: 'Sign in' }));
    expect(act).toHaveBeenLastCalledWith({ kind: 'sign-in', flow: 'USER_SRP_AUTH', username: 'bob', password: 'Bob#Passw0rd1' });
  });

  it('answer the pending MFA challenge, set up TOTP and sign out', async () => {
    const run = emptyRun({ session: { now: START, username: 'alice', challenge: { name: 'SOFTWARE_TOKEN_MFA', session: 's' } } });
    const { user, act } = setup({ run });
    const challenge = form('Answer the MFA challenge');
    expect(challenge).toHaveTextContent('The user pool waits for: SOFTWARE_TOKEN_MFA.');
    await user.click(within(challenge).getByRole('button', { name: 'Answer the challenge' }));
    expect(act).toHaveBeenLastCalledWith({ kind: 'answer-challenge' });
    await user.type(within(challenge).getByRole('textbox', { name: 'MFA code' }), '123456{Enter}');
    expect(act).toHaveBeenLastCalledWith({ kind: 'answer-challenge', code: '123456' });
    await user.click(screen.getByRole('button', { name: 'Set up TOTP' }));
    expect(act).toHaveBeenLastCalledWith({ kind: 'setup-totp' });
    await user.click(screen.getByRole('button', { name: 'Sign out (GlobalSignOut)' }));
    expect(act).toHaveBeenLastCalledWith({ kind: 'sign-out' });
  });

  it('send nothing while the simulator is busy', async () => {
    const { user, act } = setup({ busy: true });
    expect(within(form('Sign in')).getByRole('button', { name: 'Sign in' })).toBeDisabled();
    await user.type(within(form('Sign in')).getByRole('textbox', { name: 'Username' }), '{Enter}');
    await user.click(screen.getByRole('button', { name: 'Sign out (GlobalSignOut)' }));
    expect(screen.getByText('The simulator is working…')).toBeInTheDocument();
    expect(act).not.toHaveBeenCalled();
  });
});

describe('The hosted UI form', () => {
  it('lists each provider’s demo accounts with their passwords and signs in through the one picked', async () => {
    const { user, act } = setup();
    await openTab(user, 'Hosted UI');
    const hosted = form('Sign in with the hosted UI');
    await user.selectOptions(within(hosted).getByRole('combobox', { name: 'Identity provider' }), 'Google');
    const table = within(hosted).getByRole('table', { name: 'Demo accounts at Google' });
    expect(within(table).getByRole('row', { name: /glen\.green@gmail\.example/ })).toHaveTextContent('Glen#Google2');
    await user.click(within(table).getByRole('button', { name: 'Use glen.green@gmail.example' }));
    await user.click(within(hosted).getByRole('button', { name: 'Sign in through the hosted UI' }));
    expect(act).toHaveBeenLastCalledWith({ kind: 'hosted-ui-sign-in', provider: 'Google', username: 'glen.green@gmail.example', password: 'Glen#Google2' });

    await user.selectOptions(within(hosted).getByRole('combobox', { name: 'Identity provider' }), 'CorpAD');
    expect(within(hosted).getByRole('textbox', { name: 'User name or e-mail' })).toHaveValue('carol.corp');
    await user.click(within(hosted).getByRole('button', { name: 'Sign in through the hosted UI' }));
    expect(act).toHaveBeenLastCalledWith({ kind: 'hosted-ui-sign-in', provider: 'CorpAD', username: 'carol.corp', password: 'Carol#Corp2026' });
  });
});

describe('The identity pool, API and DynamoDB forms', () => {
  it('get credentials as the signed-in user or as a guest', async () => {
    const { user, act } = setup();
    await openTab(user, 'Identity pool and API');
    const creds = form('Get AWS credentials');
    await user.click(within(creds).getByRole('button', { name: 'Get credentials' }));
    expect(act).toHaveBeenLastCalledWith({ kind: 'get-credentials', as: 'signed-in' });
    await user.selectOptions(within(creds).getByRole('combobox', { name: 'As' }), 'guest');
    await user.click(within(creds).getByRole('button', { name: 'Get credentials' }));
    expect(act).toHaveBeenLastCalledWith({ kind: 'get-credentials', as: 'guest' });
  });

  it('list the API’s routes from the world, with the authorization each expects, and call them', async () => {
    const { user, act } = setup();
    await openTab(user, 'Identity pool and API');
    const api = form('Call NotesApi');
    const route = within(api).getByRole('combobox', { name: 'Route' });
    expect(within(route).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'GET /profile (Cognito user pool authorizer)',
      'GET /notes (Cognito user pool authorizer, scope notes-api/notes.read)',
      'GET /reports (AWS_IAM (SigV4))',
      'GET /public (open)',
      'GET /partner (Lambda authorizer)',
      'GET /catalog (open)',
      'GET /catalog/{sku} (open)',
    ]);
    const auth = within(api).getByRole('combobox', { name: 'Authorization' });
    expect(auth).toHaveValue('id-token');
    await user.click(within(api).getByRole('button', { name: 'Send GET /profile' }));
    expect(act).toHaveBeenLastCalledWith({ kind: 'call-api', method: 'GET', path: '/profile', auth: 'id-token' });

    await user.selectOptions(route, 'GET /notes');
    expect(auth).toHaveValue('access-token');
    await user.selectOptions(route, 'GET /reports');
    expect(auth).toHaveValue('sigv4');
    await user.selectOptions(auth, 'none');
    await user.click(within(api).getByRole('button', { name: 'Send GET /reports' }));
    expect(act).toHaveBeenLastCalledWith({ kind: 'call-api', method: 'GET', path: '/reports', auth: 'none' });

    await user.selectOptions(route, 'GET /catalog/{sku}');
    await user.type(within(api).getByRole('textbox', { name: 'Path parameter sku' }), 'MUG-042');
    await user.click(within(api).getByRole('button', { name: 'Send GET /catalog/{sku}' }));
    expect(act).toHaveBeenLastCalledWith({ kind: 'call-api', method: 'GET', path: '/catalog/MUG-042', auth: 'none' });
  });

  it('call DynamoDB on the world’s tables, the partition key defaulting to the caller’s own identity id', async () => {
    const run = emptyRun({ session: { now: START, identityId: 'us-east-1:1111' } });
    const { user, act } = setup({ run });
    await openTab(user, 'DynamoDB');
    const dynamo = form('Call DynamoDB');
    expect(within(dynamo).getByRole('textbox', { name: 'Partition key ownerId' })).toHaveAccessibleDescription('Empty: your own identity id, us-east-1:1111.');
    await user.type(within(dynamo).getByRole('textbox', { name: 'Sort key noteId' }), 'n1');
    await user.click(within(dynamo).getByRole('button', { name: 'Send PutItem' }));
    expect(act).toHaveBeenLastCalledWith({ kind: 'dynamodb', operation: 'PutItem', table: 'Notes', item: { noteId: 'n1', text: 'Remember the milk' } });

    await user.selectOptions(within(dynamo).getByRole('combobox', { name: 'Operation' }), 'Query');
    expect(within(dynamo).queryByRole('textbox', { name: 'Sort key noteId' })).not.toBeInTheDocument();
    await user.type(within(dynamo).getByRole('textbox', { name: 'Partition key ownerId' }), 'us-east-1:2222');
    await user.click(within(dynamo).getByRole('button', { name: 'Send Query' }));
    expect(act).toHaveBeenLastCalledWith({ kind: 'dynamodb', operation: 'Query', table: 'Notes', key: { ownerId: 'us-east-1:2222' } });

    await user.selectOptions(within(dynamo).getByRole('combobox', { name: 'Table' }), 'Catalog');
    await user.selectOptions(within(dynamo).getByRole('combobox', { name: 'Operation' }), 'GetItem');
    await retype(user, within(dynamo).getByRole('textbox', { name: 'Partition key sku' }), 'BOOK-001');
    await user.click(within(dynamo).getByRole('button', { name: 'Send GetItem' }));
    expect(act).toHaveBeenLastCalledWith({ kind: 'dynamodb', operation: 'GetItem', table: 'Catalog', key: { sku: 'BOOK-001' } });
  });
});

describe('The virtual clock', () => {
  it('shows the virtual time and moves it on by 5 minutes, an hour or a day', async () => {
    const { user, act } = setup({ run: emptyRun({ session: { now: START + 3_600_000 } }) });
    const clock = screen.getByRole('region', { name: 'Virtual clock' });
    expect(clock).toHaveTextContent('Now: 2026-03-02 10:00:00 UTC');
    await user.click(within(clock).getByRole('button', { name: '+5 minutes' }));
    expect(act).toHaveBeenLastCalledWith({ kind: 'advance-clock', ms: 300_000 });
    await user.click(within(clock).getByRole('button', { name: '+1 hour' }));
    expect(act).toHaveBeenLastCalledWith({ kind: 'advance-clock', ms: 3_600_000 });
    await user.click(within(clock).getByRole('button', { name: '+1 day' }));
    expect(act).toHaveBeenLastCalledWith({ kind: 'advance-clock', ms: 86_400_000 });
  });

  it('starts at the document’s start time before anything ran', () => {
    setup({ run: null });
    expect(screen.getByRole('region', { name: 'Virtual clock' })).toHaveTextContent('Now: 2026-03-02 09:00:00 UTC');
  });
});

describe('Break it', () => {
  it('arms a fault that rides on the next call it fits, then disarms', async () => {
    const { user, act } = setup();
    await openTab(user, 'Break it');
    await user.click(screen.getByRole('radio', { name: 'Tamper a claim' }));
    expect(screen.getByRole('status')).toHaveTextContent('Armed for the next call: Tamper a claim.');

    // A call the fault does not fit goes as it is, and the fault stays armed.
    await openTab(user, 'User pool');
    await user.click(screen.getByRole('button', { name: 'Sign out (GlobalSignOut)' }));
    expect(act).toHaveBeenLastCalledWith({ kind: 'sign-out' });
    expect(screen.getByText('Armed for the next call:')).toBeInTheDocument();

    await openTab(user, 'Identity pool and API');
    await user.click(screen.getByRole('button', { name: 'Send GET /profile' }));
    expect(act).toHaveBeenLastCalledWith({ kind: 'call-api', method: 'GET', path: '/profile', auth: 'id-token', fault: 'tampered-claim' });
    expect(screen.queryByText('Armed for the next call:')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send GET /profile' }));
    expect(act).toHaveBeenLastCalledWith({ kind: 'call-api', method: 'GET', path: '/profile', auth: 'id-token' });
  });

  it.each([
    ['Swap the ID and access tokens', 'Identity pool and API', 'Send GET /profile', { kind: 'call-api', method: 'GET', path: '/profile', auth: 'id-token', fault: 'swapped-token' }],
    ['Present another user’s identity id', 'Identity pool and API', 'Get credentials', { kind: 'get-credentials', as: 'signed-in', fault: 'other-identity' }],
    ['Use another user’s partition key', 'DynamoDB', 'Send PutItem', { kind: 'dynamodb', operation: 'PutItem', table: 'Notes', item: { noteId: '', text: 'Remember the milk' }, fault: 'other-owner' }],
    ['Skew the clock for SigV4', 'DynamoDB', 'Send PutItem', { kind: 'dynamodb', operation: 'PutItem', table: 'Notes', item: { noteId: '', text: 'Remember the milk' }, fault: 'clock-skew' }],
  ] as const)('“%s” goes with the next fitting call', async (fault, tab, button, expected) => {
    const { user, act } = setup();
    await openTab(user, 'Break it');
    await user.click(screen.getByRole('radio', { name: fault }));
    await openTab(user, tab);
    await user.click(screen.getByRole('button', { name: button }));
    expect(act).toHaveBeenLastCalledWith(expected);
  });

  it('the Disarm button and “No fault” take the fault off again', async () => {
    const { user, act } = setup();
    await openTab(user, 'Break it');
    await user.click(screen.getByRole('radio', { name: 'Skew the clock for SigV4' }));
    await user.click(screen.getByRole('button', { name: 'Disarm' }));
    expect(screen.getByRole('radio', { name: 'No fault' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Swap the ID and access tokens' }));
    await user.click(screen.getByRole('radio', { name: 'No fault' }));
    await openTab(user, 'Identity pool and API');
    await user.click(screen.getByRole('button', { name: 'Send GET /profile' }));
    expect(act).toHaveBeenLastCalledWith({ kind: 'call-api', method: 'GET', path: '/profile', auth: 'id-token' });
  });

  it('breaks the world through setWorld: a stricter password policy, guest access off, a statement removed', async () => {
    const { user, setWorld } = setup();
    await openTab(user, 'Break it');
    await user.click(screen.getByRole('button', { name: 'Use a stricter password policy' }));
    expect(setWorld.mock.lastCall![0].userPools[0]!.passwordPolicy).toMatchObject({ MinimumLength: 16, RequireSymbols: true });
    expect(await screen.findByText(/The password policy now wants 16 characters with every character class\. The actions so far replay/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Turn guest access off' }));
    expect(setWorld.mock.lastCall![0].identityPools[0]!.allowUnauthenticatedIdentities).toBe(false);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Statement of Cognito_LearnerAuth_Role' }), 'ReportsApi#0');
    await user.click(screen.getByRole('button', { name: 'Remove the statement' }));
    const role = setWorld.mock.lastCall![0].roles.find((r) => r.name === 'Cognito_LearnerAuth_Role')!;
    expect(role.policies.map((p) => p.name)).toEqual(['NotesOwnerOnly', 'CatalogReadOnly']);
  });

  it('shows why a world break was refused', async () => {
    const { user } = setup({ setWorld: () => [{ path: 'userPools[0].passwordPolicy.MinimumLength', message: 'Minimum length must be between 6 and 99' }] });
    await openTab(user, 'Break it');
    await user.click(screen.getByRole('button', { name: 'Use a stricter password policy' }));
    const alert = (await screen.findByText('The change was refused:')).closest('[role="alert"]');
    expect(alert).toHaveTextContent('userPools[0].passwordPolicy.MinimumLength: Minimum length must be between 6 and 99');
  });

  it('offers guest access back once it is off, and no stricter policy once it is strict', async () => {
    const world: WorldConfig = {
      ...defaultWorld,
      identityPools: [{ ...defaultWorld.identityPools[0]!, allowUnauthenticatedIdentities: false }],
      userPools: [{ ...defaultWorld.userPools[0]!, passwordPolicy: { MinimumLength: 20 } }],
    };
    const { user } = setup({ world });
    await openTab(user, 'Break it');
    expect(screen.getByRole('button', { name: 'Turn guest access on' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Use a stricter password policy' })).toBeDisabled();
  });
});

describe('The list of actions', () => {
  it('shows each action with its steps or the problem that kept it from running; undo and clear', async () => {
    const actions: SandboxAction[] = [
      { kind: 'sign-in', flow: 'USER_PASSWORD_AUTH', username: 'alice', password: 'Alice#Passw0rd' },
      { kind: 'get-credentials', as: 'signed-in' },
    ];
    const run = emptyRun({ problems: [{ actionIndex: 1, message: 'Getting credentials needs a signed-in user, and nobody is signed in: sign in first.' }] });
    const undoLast = vi.fn();
    const clearActions = vi.fn();
    const { user } = setup({ actions, run, undoLast, clearActions });
    const list = screen.getByRole('list', { name: 'Actions so far' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Sign in alice (USER_PASSWORD_AUTH) no request',
      'Get credentials as the signed-in user Not run: Getting credentials needs a signed-in user, and nobody is signed in: sign in first.',
    ]);
    expect(screen.getAllByRole('alert')[0]).toHaveTextContent('Could not run “Get credentials as the signed-in user”: Getting credentials needs a signed-in user');
    await user.click(screen.getByRole('button', { name: 'Undo last action' }));
    expect(undoLast).toHaveBeenCalledOnce();
    await user.click(screen.getByRole('button', { name: 'Clear actions' }));
    expect(clearActions).toHaveBeenCalledOnce();
  });

  it('has nothing to undo or clear at first', () => {
    setup();
    expect(screen.getByRole('button', { name: 'Undo last action' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Clear actions' })).toBeDisabled();
    expect(screen.getByText(/No request yet/)).toBeInTheDocument();
  });
});
