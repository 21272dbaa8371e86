import { beforeAll, describe, expect, it, vi } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createSimulator, type Exchange } from '../../sim/index';
import { runScenario } from '../../content/scenarios/run';
import { signUpAndSignIn } from '../../content/scenarios/sign-up-and-sign-in';
import type { TokenVerification } from '../../store/player';
import { Inspector } from './inspector';

let signUp: Exchange;
let tooEarly: Exchange;
let signIn: Exchange;
let getUser: Exchange;
let tokens: { IdToken: string; AccessToken: string; RefreshToken: string };
let issuer: string;

beforeAll(async () => {
  const run = await runScenario(signUpAndSignIn, createSimulator);
  const byStep = (title: string) => run.trace.find((x) => x.id === run.steps.find((s) => s.title === title)!.exchangeId)!;
  signUp = byStep('Sign up');
  tooEarly = byStep('Sign in too early');
  signIn = byStep('Sign in');
  getUser = byStep('Use the access token');
  tokens = (JSON.parse(signIn.response.body!) as { AuthenticationResult: typeof tokens }).AuthenticationResult;
  issuer = `https://cognito-idp.us-east-1.amazonaws.com/${run.sim.describe().userPools[0]!.id}`;
});

const kidOf = (token: string) => (JSON.parse(atob(token.split('.')[0]!)) as { kid: string }).kid;
const valid = (token: string): TokenVerification => ({ status: 'valid', kid: kidOf(token), issuer });

function setup(exchange: Exchange, verifyToken = vi.fn(async (token: string) => valid(token)), nested: readonly Exchange[] = []) {
  const user = userEvent.setup();
  const view = render(<Inspector exchange={exchange} nested={nested} verifyToken={verifyToken} />);
  return { user, verifyToken, ...view };
}

async function openTab(user: ReturnType<typeof userEvent.setup>, name: 'HTTP' | 'Tokens' | 'Decision') {
  await user.click(screen.getByRole('tab', { name }));
  return screen.getByRole('tabpanel', { name });
}

describe('The inspector tabs', () => {
  it('names the tabs HTTP, Tokens and Decision, with HTTP selected and only it in the tab order', () => {
    setup(signIn);
    const tabs = within(screen.getByRole('tablist', { name: 'Inspector' })).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['HTTP', 'Tokens', 'Decision']);
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false', 'false']);
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    expect(screen.getByRole('tabpanel', { name: 'HTTP' })).toHaveAttribute('id', tabs[0]!.getAttribute('aria-controls'));
    expect(screen.getAllByRole('tabpanel')).toHaveLength(1);
  });

  it('moves between tabs with the arrow keys, Home and End, selecting as focus moves and wrapping at the ends', async () => {
    const { user } = setup(signIn);
    await user.tab();
    expect(screen.getByRole('tab', { name: 'HTTP' })).toHaveFocus();
    const expectSelected = (name: string) => {
      expect(screen.getByRole('tab', { name })).toHaveFocus();
      expect(screen.getByRole('tab', { name, selected: true })).toHaveAttribute('tabindex', '0');
      expect(screen.getByRole('tabpanel', { name })).toBeVisible();
    };
    await user.keyboard('{ArrowRight}');
    expectSelected('Tokens');
    await user.keyboard('{ArrowRight}');
    expectSelected('Decision');
    await user.keyboard('{ArrowRight}');
    expectSelected('HTTP');
    await user.keyboard('{ArrowLeft}');
    expectSelected('Decision');
    await user.keyboard('{Home}');
    expectSelected('HTTP');
    await user.keyboard('{End}');
    expectSelected('Decision');
    expect(screen.getByRole('tab', { name: 'HTTP' })).toHaveAttribute('tabindex', '-1');
    await user.tab();
    expect(screen.getByRole('tabpanel', { name: 'Decision' })).toHaveFocus();
  });
});

describe('The HTTP tab', () => {
  it('shows the request line, headers and pretty body, then the status, headers and body of the response', async () => {
    const { user } = setup(signIn);
    const request = screen.getByRole('region', { name: 'Request' });
    expect(within(request).getByText('https://cognito-idp.us-east-1.amazonaws.com/', { exact: false })).toHaveTextContent('POST https://cognito-idp.us-east-1.amazonaws.com/');
    const target = within(within(request).getByRole('table', { name: 'Request headers' })).getByRole('row', { name: /x-amz-target/ });
    expect(target).toHaveTextContent('AWSCognitoIdentityProviderService.InitiateAuth');
    expect(within(request).getByText(/"AuthFlow": "USER_PASSWORD_AUTH"/)).toBeInTheDocument();

    const response = screen.getByRole('region', { name: 'Response' });
    expect(within(response).getByText('200 OK')).toBeInTheDocument();
    expect(within(response).getByRole('table', { name: 'Response headers' })).toHaveTextContent('x-amzn-requestid');
    const body = within(response).getByText(/"AuthenticationResult"/);
    expect(body).not.toHaveTextContent(tokens.IdToken);
    expect(body).toHaveTextContent(`(${tokens.IdToken.length.toLocaleString('en-US')} characters)`);
    const toggle = within(response).getByRole('button', { name: 'Show full values' });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(body).toHaveTextContent(tokens.IdToken);
  });

  it('shows an AWS error answer with its status line and error headers', () => {
    setup(tooEarly);
    const response = screen.getByRole('region', { name: 'Response' });
    expect(within(response).getByText('400 Bad Request').closest('p')).toHaveClass('inspector__status--client-error');
    expect(within(response).getByRole('row', { name: /x-amzn-errortype/ })).toHaveTextContent('UserNotConfirmedException');
  });

  it('lists the calls the service made to others, each collapsible with its own request and response', async () => {
    const call: Exchange = { ...getUser, id: 'x5.1', parentId: signIn.id, from: 'cognito-idp', to: 'lambda', operation: 'Invoke', response: { status: 502, headers: {} }, notes: [{ kind: 'info', summary: 'The trigger failed.' }] };
    const { user } = setup(signIn, undefined, [call]);
    const calls = screen.getByRole('region', { name: 'Calls this service made (1)' });
    const summary = within(calls).getByText('Invoke').closest('summary')!;
    expect(summary).toHaveTextContent('cognito-idp → lambda Invoke 502 Bad Gateway');
    expect(summary.closest('details')).not.toHaveAttribute('open');
    await user.click(summary);
    expect(summary.closest('details')).toHaveAttribute('open');
    expect(within(calls).getByRole('region', { name: 'Request' })).toHaveTextContent('"AccessToken"');

    const decision = await openTab(user, 'Decision');
    expect(within(decision).getByRole('region', { name: 'lambda: Invoke' })).toHaveTextContent('The trigger failed.');
  });
});

describe('The Tokens tab', () => {
  it('decodes the ID and access tokens of a sign-in: header, claims, times as ISO dates and expiry in virtual time', async () => {
    const { user } = setup(signIn);
    const panel = await openTab(user, 'Tokens');
    expect(within(panel).getAllByRole('article').map((a) => within(a).getByRole('heading').textContent)).toEqual(['Access token', 'ID token', 'Refresh token']);
    const id = within(panel).getByRole('article', { name: 'ID token' });
    expect(within(id).getByRole('table', { name: 'ID token header' })).toHaveTextContent(kidOf(tokens.IdToken));
    const claims = within(id).getByRole('table', { name: 'ID token claims' });
    expect(within(claims).getByRole('row', { name: /cognito:username/ })).toHaveTextContent('maya');
    expect(within(claims).getByRole('row', { name: /^exp/ })).toHaveTextContent('1772445600 — 2026-03-02T10:00:00.000Z, expires in 1 h');
    expect(within(claims).getByRole('row', { name: /^auth_time/ })).toHaveTextContent('2026-03-02T09:00:00.000Z');
    expect(within(id).getByText('Expires in 1 h')).toBeInTheDocument();
    const access = within(panel).getByRole('article', { name: 'Access token' });
    expect(within(access).getByRole('row', { name: /^scope/ })).toHaveTextContent('aws.cognito.signin.user.admin');
  });

  it('counts the expiry down from the step’s virtual time, not the wall clock', async () => {
    const later = { ...getUser, at: getUser.at + 63 * 60_000 };
    const { user } = setup(later);
    const panel = await openTab(user, 'Tokens');
    expect(within(panel).getByRole('article', { name: 'Access token' })).toHaveTextContent('Expired 3 min ago');
  });

  it('checks each JWT’s signature at the exchange’s time and says which key of which issuer verified it', async () => {
    const verifyToken = vi.fn(async (token: string): Promise<TokenVerification> => (token === tokens.IdToken ? valid(token) : { status: 'invalid', reason: 'No key in the issuer’s JWKS has this key id.' }));
    const { user } = setup(signIn, verifyToken);
    const panel = await openTab(user, 'Tokens');
    const id = within(panel).getByRole('article', { name: 'ID token' });
    expect(await within(id).findByText(/Signature verified/)).toHaveTextContent(`Signature verified with key ${kidOf(tokens.IdToken)} from ${issuer}/.well-known/jwks.json`);
    const access = within(panel).getByRole('article', { name: 'Access token' });
    expect(await within(access).findByRole('status')).toHaveTextContent('Signature not verified: No key in the issuer’s JWKS has this key id.');
    expect(verifyToken.mock.calls.toSorted()).toEqual([[tokens.AccessToken, signIn.at], [tokens.IdToken, signIn.at]].toSorted());
  });

  it('shows that the check is under way, politely, until the answer arrives', async () => {
    let answer!: (v: TokenVerification) => void;
    const verifyToken = vi.fn(() => new Promise<TokenVerification>((resolve) => (answer = resolve)));
    const { user } = setup(getUser, verifyToken);
    const status = within(await openTab(user, 'Tokens')).getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toHaveTextContent('Checking the signature against the issuer’s published keys…');
    expect(verifyToken).toHaveBeenCalledWith(tokens.AccessToken, getUser.at);
    await act(async () => answer({ status: 'invalid', reason: 'The signature is valid, but the token had expired at this moment.', kid: 'k' }));
    expect(status).toHaveTextContent('Signature not verified: The signature is valid, but the token had expired at this moment.');
  });

  it('explains a claim on keyboard focus and on hover, and Escape dismisses it', async () => {
    const { user } = setup(signIn);
    await openTab(user, 'Tokens');
    const claims = screen.getByRole('table', { name: 'ID token claims' });
    const sub = within(claims).getByRole('button', { name: 'sub' });
    expect(sub).toHaveAccessibleDescription(/unique, never-reused id/);
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
    for (let i = 0; i < 40 && document.activeElement !== sub; i++) await user.tab();
    expect(sub).toHaveFocus();
    expect(screen.getByRole('tooltip')).toHaveTextContent(/unique, never-reused id/);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
    await user.tab();
    expect(screen.getByRole('tooltip')).toHaveTextContent(/^Issuer:/);
    await user.hover(within(claims).getByRole('button', { name: 'email_verified' }));
    expect(screen.getAllByRole('tooltip').map((t) => t.textContent)).toContain('Whether the user proved they own the e-mail address (by entering a code sent to it).');
  });

  it('shows the refresh token as opaque with its length, never decoded nor verified', async () => {
    const { user, verifyToken } = setup(signIn);
    const refresh = within(await openTab(user, 'Tokens')).getByRole('article', { name: 'Refresh token' });
    expect(refresh).toHaveTextContent('Refresh token — opaque to the app; only the user pool can read it.');
    expect(refresh).toHaveTextContent(`${tokens.RefreshToken.length.toLocaleString('en-US')} characters in five dot-separated parts`);
    expect(within(refresh).queryByRole('table')).not.toBeInTheDocument();
    expect(within(refresh).queryByRole('status')).not.toBeInTheDocument();
    expect(refresh).not.toHaveTextContent('RSA-OAEP');
    expect(verifyToken).not.toHaveBeenCalledWith(tokens.RefreshToken, expect.anything());
  });

  it('says so in one line when the exchange carries no tokens', async () => {
    const { user } = setup(signUp);
    expect(await openTab(user, 'Tokens')).toHaveTextContent(/^No tokens travel in this exchange\.$/);
  });
});

describe('The Decision tab', () => {
  it('lists an error exchange’s decisions with a badge, the summary and the data behind it', async () => {
    const { user } = setup(tooEarly);
    const list = within(await openTab(user, 'Decision')).getByRole('list', { name: 'Decisions of cognito-idp' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.note__badge')?.textContent)).toEqual(['✱ Password checked', '✖ AWS error']);
    expect(items[0]).toHaveTextContent('The password for maya is correct.');
    const error = items[1]!;
    expect(error).toHaveTextContent('UserNotConfirmedException: User is not confirmed.');
    const facts = within(error).getAllByRole('term').map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]);
    expect(facts).toEqual([['Code', 'UserNotConfirmedException'], ['Message', 'User is not confirmed.'], ['Status', '400 Bad Request']]);
  });

  it('shows an issued token’s key, expiry as an ISO date and its claims folded away', async () => {
    const { user } = setup(signIn);
    const panel = await openTab(user, 'Decision');
    const idNote = within(panel).getAllByRole('listitem').find((li) => li.textContent?.includes('ID token signed'))!;
    expect(idNote).toHaveTextContent(`Key id (kid)${kidOf(tokens.IdToken)}`);
    expect(idNote).toHaveTextContent('Expires at2026-03-02T10:00:00.000Z (expires in 1 h)');
    const summary = within(idNote).getByText('Claims (13)');
    expect(summary.closest('details')).not.toHaveAttribute('open');
    await user.click(summary);
    expect(within(idNote).getByRole('table', { name: 'Claims in the token' })).toHaveTextContent('maya@example.com');
  });

  it('says when the service made no decisions worth noting', async () => {
    const { user } = setup({ ...signUp, notes: [] });
    expect(await openTab(user, 'Decision')).toHaveTextContent('This service made no decisions worth noting.');
  });
});
