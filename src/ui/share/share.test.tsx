import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { decodeShare, defaultDoc, encodeShare, useSandbox, type ShareTarget } from '../../store/sandbox';
import { ShareLinkButton } from './share-link-button';
import SharePage, { scenarioHref } from './share-page';

afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(navigator, 'clipboard');
});

const scenarioTarget: ShareTarget = { kind: 'scenario', scenario: 'sign-up-and-sign-in', step: 2, view: { layout: 'diagram' } };

function mockClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: vi.fn(writeText) } });
  return navigator.clipboard.writeText as ReturnType<typeof vi.fn>;
}

async function openDialog(target: ShareTarget) {
  const user = userEvent.setup();
  render(<ShareLinkButton target={target} />);
  await user.click(screen.getByRole('button', { name: 'Share' }));
  const dialog = screen.getByRole('dialog', { name: 'Share a link' });
  const field = within(dialog).getByRole('textbox', { name: 'Link' }) as HTMLInputElement;
  await waitFor(() => expect(field.value).toMatch(/#\/(sandbox\/)?share\/[A-Za-z0-9_-]+$/));
  return { user, dialog, field };
}

const payloadOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

describe('The share dialog', () => {
  it('builds a link to the scenario step, shows its length, and copies it', async () => {
    const { user, dialog, field } = await openDialog(scenarioTarget);
    // After userEvent.setup(), which puts its own clipboard in place.
    const writeText = mockClipboard(() => Promise.resolve());
    expect(field.value.startsWith(`${window.location.origin}${window.location.pathname}#/share/`)).toBe(true);
    expect(within(dialog).getByText(`${field.value.length} characters`)).toBeInTheDocument();
    const decoded = await decodeShare(payloadOf(field.value));
    expect(decoded).toEqual({ ok: true, target: scenarioTarget });
    await user.click(within(dialog).getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(field.value);
    expect(within(dialog).getByRole('status')).toHaveTextContent('Copied to the clipboard.');
  });

  it('has "Include passwords and secrets" off; for a scenario, which has none, it cannot be ticked', async () => {
    const { dialog } = await openDialog(scenarioTarget);
    const secrets = within(dialog).getByRole('checkbox', { name: 'Include passwords and secrets' });
    expect(secrets).not.toBeChecked();
    expect(secrets).toBeDisabled();
    expect(dialog).toHaveTextContent('A scenario link carries no passwords or secrets.');
  });

  it('can open the link straight into presenter view', async () => {
    const { user, dialog, field } = await openDialog(scenarioTarget);
    const before = field.value;
    await user.click(within(dialog).getByRole('checkbox', { name: 'Open in presenter view' }));
    await waitFor(() => expect(field.value).not.toBe(before));
    expect(await decodeShare(payloadOf(field.value))).toEqual({ ok: true, target: { ...scenarioTarget, view: { layout: 'diagram', presenter: true } } });
  });

  it('leaves a sandbox\u2019s passwords out unless asked, and says so', async () => {
    const doc = { ...defaultDoc(), actions: [{ kind: 'sign-in' as const, flow: 'USER_PASSWORD_AUTH' as const, username: 'alice', password: 'Alice#Passw0rd' }] };
    const target: ShareTarget = { kind: 'sandbox', doc, step: 0, view: { layout: 'sequence' } };
    const { user, dialog, field } = await openDialog(target);
    expect(field.value).toContain('#/sandbox/share/');
    const without = await decodeShare(payloadOf(field.value));
    expect(without.ok && without.target.kind === 'sandbox' && without.target.missing).toEqual([0]);
    expect(field.value).not.toContain('Alice');
    const shortLength = field.value.length;
    await user.click(within(dialog).getByRole('checkbox', { name: 'Include passwords and secrets' }));
    await waitFor(() => expect(field.value.length).not.toBe(shortLength));
    expect(dialog).toHaveTextContent(/share it only with people you trust/);
    const withSecrets = await decodeShare(payloadOf(field.value));
    expect(withSecrets.ok && withSecrets.target.kind === 'sandbox' && withSecrets.target.doc.actions[0]).toEqual(doc.actions[0]);
    expect(within(dialog).getByText(`${field.value.length} characters`)).toBeInTheDocument();
  });

  it('says so when the browser will not copy, and leaves the link selected', async () => {
    const { user, dialog, field } = await openDialog(scenarioTarget);
    mockClipboard(() => Promise.reject(new Error('denied')));
    await user.click(within(dialog).getByRole('button', { name: 'Copy link' }));
    expect(within(dialog).getByRole('status')).toHaveTextContent(/would not copy it: the link is selected/);
    expect(field).toHaveFocus();
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, field.value.length]);
  });

  it('closes with Escape and gives the focus back to the Share button', async () => {
    const { user } = await openDialog(scenarioTarget);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Share' })).toHaveFocus();
  });
});

describe('Opening a shared link', () => {
  it('refuses a damaged link, says why, and offers a way back', async () => {
    render(<SharePage params={['not*a*payload']} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'This link could not be opened' })).toBeInTheDocument();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The link is damaged');
    expect(within(alert).getByRole('link', { name: 'Go to the scenarios' })).toHaveAttribute('href', '#/learn');
    expect(within(alert).getByRole('link', { name: 'Open the sandbox' })).toHaveAttribute('href', '#/sandbox');
  });

  it('refuses a link cut short when it was copied', async () => {
    const payload = await encodeShare(scenarioTarget, { includeSecrets: false });
    render(<SharePage params={[payload.slice(0, Math.floor(payload.length / 2))]} />);
    expect(await screen.findByRole('alert')).toHaveTextContent(/incomplete or damaged|damaged/);
  });

  it('refuses a link to a scenario this version does not have', async () => {
    const payload = await encodeShare({ ...scenarioTarget, scenario: 'no-such-scenario' }, { includeSecrets: false });
    render(<SharePage params={[payload]} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('names a scenario this version of Cognito Lab does not have');
  });

  it('opens a scenario link at its step (1-based in the address), in the view it names', async () => {
    const payload = await encodeShare({ ...scenarioTarget, view: { layout: 'sequence', presenter: true } }, { includeSecrets: false });
    render(<SharePage params={[payload]} />);
    await waitFor(() => expect(window.location.hash).toBe('#/learn/sign-up-and-sign-in/3?view=presenter&layout=sequence'));
    expect(scenarioHref(scenarioTarget)).toBe('#/learn/sign-up-and-sign-in/3');
  });

  it('loads a shared sandbox and asks for the passwords the link left out before replaying', { timeout: 60_000 }, async () => {
    const user = userEvent.setup();
    const doc = { ...defaultDoc(), actions: [{ kind: 'sign-in' as const, flow: 'USER_PASSWORD_AUTH' as const, username: 'alice', password: 'Alice#Passw0rd' }] };
    const payload = await encodeShare({ kind: 'sandbox', doc, step: 0, view: { layout: 'diagram' } }, { includeSecrets: false });
    render(<SharePage params={[payload]} />);
    const field = await screen.findByLabelText('Action 1: Sign in as alice (USER_PASSWORD_AUTH)', {}, { timeout: 30_000 });
    expect(useSandbox.getState().missingPasswords()).toEqual([0]);
    await user.type(field, 'Alice#Passw0rd');
    await user.click(screen.getByRole('button', { name: 'Replay with these passwords' }));
    await waitFor(() => expect(window.location.hash).toBe('#/sandbox'), { timeout: 30_000 });
    const state = useSandbox.getState();
    expect(state.missingPasswords()).toEqual([]);
    expect(state.doc.actions[0]).toEqual(doc.actions[0]);
    expect(state.run?.steps[0]?.title).toBeTruthy();
    expect(state.cursor).toBe(0);
  });
});
