// The HTML of the hosted UI's account pages: sign up, confirm the account, forgot password, reset password, and the
// change-password page a temporary password leads to. Plain, accessible markup like the login page's: a label for each
// field, autocomplete hints (new-password, one-time-code, email…) so browsers and password managers help, the pool's
// password rules listed beside the password field, and AWS's error message in an alert region.
// [P] The rules are listed in the words of the classic hosted UI ("Password must contain a lower case letter"…); the
// errors are the API's own messages, because the pages run the API's rules.
import type { PasswordPolicy } from '../world/config';
import { escapeHtml, layout } from './pages';

export interface AttributeField {
  name: string;
  value?: string;
}

/** Message lines for one page: an error (role="alert") or a notice (role="status"). */
interface Messages {
  error?: string;
  notice?: string;
}

const LABELS: Record<string, string> = {
  email: 'Email',
  phone_number: 'Phone number',
  name: 'Name',
  given_name: 'Given name',
  family_name: 'Family name',
  middle_name: 'Middle name',
  nickname: 'Nickname',
  preferred_username: 'Preferred username',
  birthdate: 'Birthdate (YYYY-MM-DD)',
  address: 'Address',
  gender: 'Gender',
  locale: 'Locale',
  zoneinfo: 'Time zone',
  picture: 'Picture URL',
  profile: 'Profile URL',
  website: 'Website',
};

/** HTML autocomplete tokens for the standard attributes (WHATWG autofill field names). */
const AUTOCOMPLETE: Record<string, string> = {
  email: 'email',
  phone_number: 'tel',
  name: 'name',
  given_name: 'given-name',
  family_name: 'family-name',
  middle_name: 'additional-name',
  nickname: 'nickname',
  birthdate: 'bday',
  address: 'street-address',
  gender: 'sex',
  locale: 'language',
  picture: 'photo',
  profile: 'url',
  website: 'url',
};

const INPUT_TYPE: Record<string, string> = { email: 'email', phone_number: 'tel', picture: 'url', profile: 'url', website: 'url' };

export const attributeLabel = (name: string): string => LABELS[name] ?? name.replace(/^custom:/, '').replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** The pool's rules, as the classic hosted UI lists them under the password field. */
export function policyRules(policy: PasswordPolicy): string[] {
  return [
    ...(policy.RequireLowercase ? ['Password must contain a lower case letter'] : []),
    ...(policy.RequireUppercase ? ['Password must contain an upper case letter'] : []),
    ...(policy.RequireNumbers ? ['Password must contain a number'] : []),
    ...(policy.RequireSymbols ? ['Password must contain a special character'] : []),
    `Password must contain at least ${policy.MinimumLength} characters`,
  ];
}

function messages(m: Messages, id: string): string[] {
  return [
    m.error ? `<p id="${id}" role="alert">${escapeHtml(m.error)}</p>` : '',
    m.notice ? `<p role="status">${escapeHtml(m.notice)}</p>` : '',
  ];
}

const invalid = (m: Messages, id: string) => (m.error ? ` aria-describedby="${id}" aria-invalid="true"` : '');
const q = (query: string) => (query ? `?${query}` : '');

function field(id: string, name: string, label: string, attrs: string): string {
  return `<p><label for="${id}">${escapeHtml(label)}</label>\n<input id="${id}" name="${escapeHtml(name)}" ${attrs}></p>`;
}

function passwordField(id: string, label: string, policy: PasswordPolicy, m: Messages, errorId: string): string {
  const rules = policyRules(policy);
  return [
    `<p><label for="${id}">${escapeHtml(label)}</label>`,
    `<input id="${id}" name="password" type="password" autocomplete="new-password" required aria-describedby="${id}-rules${m.error ? ` ${errorId}` : ''}"${m.error ? ' aria-invalid="true"' : ''}></p>`,
    `<ul id="${id}-rules" aria-label="Password requirements">`,
    ...rules.map((r) => `<li>${escapeHtml(r)}</li>`),
    '</ul>',
  ].join('\n');
}

function attributeInputs(fields: AttributeField[], m: Messages, errorId: string): string[] {
  return fields.map((f) => {
    const id = `signUpAttribute-${f.name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
    const type = INPUT_TYPE[f.name] ?? 'text';
    const autocomplete = AUTOCOMPLETE[f.name] ?? 'off';
    return field(id, `requiredAttributes[${f.name}]`, attributeLabel(f.name), `type="${type}" autocomplete="${autocomplete}" required value="${escapeHtml(f.value ?? '')}"${invalid(m, errorId)}`);
  });
}

const signInLink = (query: string) => `<p>Already have an account? <a href="/login${escapeHtml(q(query))}">Sign in</a></p>`;

export interface SignUpPageModel extends Messages {
  clientName: string;
  query: string;
  /** "Username", or "Email" / "Phone number" when the pool signs users in by that attribute. */
  usernameLabel: string;
  username?: string;
  attributes: AttributeField[];
  policy: PasswordPolicy;
  /** AllowAdminCreateUserOnly: no form, only the refusal. */
  closed?: boolean;
}

export function signUpPage(m: SignUpPageModel): string {
  const head = ['<h1>Sign up</h1>', `<p>with a new account for the app <strong>${escapeHtml(m.clientName)}</strong></p>`, ...messages(m, 'signUpErrorMessage')];
  if (m.closed) return layout('Sign up', [...head, signInLink(m.query)].filter((l) => l !== '').join('\n'));
  const usernameType = m.usernameLabel === 'Email' ? 'email' : m.usernameLabel === 'Phone number' ? 'tel' : 'text';
  return layout('Sign up', [
    ...head,
    `<form method="post" action="/signup${escapeHtml(q(m.query))}" aria-label="Sign up">`,
    field('signUpFormUsername', 'username', m.usernameLabel, `type="${usernameType}" autocomplete="username" autocapitalize="none" required value="${escapeHtml(m.username ?? '')}"${invalid(m, 'signUpErrorMessage')}`),
    ...attributeInputs(m.attributes, m, 'signUpErrorMessage'),
    passwordField('signUpFormPassword', 'Password', m.policy, m, 'signUpErrorMessage'),
    '<p><button type="submit" name="signUpButton">Sign up</button></p>',
    '</form>',
    signInLink(m.query),
  ].filter((l) => l !== '').join('\n'));
}

export interface ConfirmPageModel extends Messages {
  query: string;
  /** Known when the browser comes from /signup; otherwise the user types it. */
  username?: string;
  /** e.g. "c***@e***" and "email". */
  destination?: string;
  medium?: 'EMAIL' | 'SMS';
}

export function confirmPage(m: ConfirmPageModel): string {
  const where = m.destination ? ` by ${m.medium === 'SMS' ? 'SMS' : 'email'} to ${m.destination}` : '';
  const resend = m.username ? `<p>Didn't receive a code? <a href="/resendcode${escapeHtml(q(withParam(m.query, 'username', m.username)))}">Send a new code</a></p>` : '';
  return layout('Confirm your account', [
    '<h1>Confirm your account</h1>',
    `<p>We have sent a code${escapeHtml(where)}. Enter it below to confirm your account.</p>`,
    ...messages(m, 'confirmErrorMessage'),
    `<form method="post" action="/confirm${escapeHtml(q(m.query))}" aria-label="Confirm your account">`,
    m.username
      ? `<input type="hidden" name="username" value="${escapeHtml(m.username)}">`
      : field('confirmFormUsername', 'username', 'Username', `type="text" autocomplete="username" autocapitalize="none" required${invalid(m, 'confirmErrorMessage')}`),
    field('confirmFormCode', 'confirmation_code', 'Verification code', `type="text" inputmode="numeric" autocomplete="one-time-code" required${invalid(m, 'confirmErrorMessage')}`),
    '<p><button type="submit" name="confirm">Confirm account</button></p>',
    '</form>',
    resend,
  ].filter((l) => l !== '').join('\n'));
}

export interface ForgotPasswordPageModel extends Messages {
  query: string;
  username?: string;
}

export function forgotPasswordPage(m: ForgotPasswordPageModel): string {
  return layout('Forgot your password?', [
    '<h1>Forgot your password?</h1>',
    '<p>Enter your username below and we will send a message to reset your password.</p>',
    ...messages(m, 'forgotPasswordErrorMessage'),
    `<form method="post" action="/forgotPassword${escapeHtml(q(m.query))}" aria-label="Reset my password">`,
    field('forgotPasswordFormUsername', 'username', 'Username', `type="text" autocomplete="username" autocapitalize="none" required value="${escapeHtml(m.username ?? '')}"${invalid(m, 'forgotPasswordErrorMessage')}`),
    '<p><button type="submit" name="reset_my_password">Reset my password</button></p>',
    '</form>',
    signInLink(m.query),
  ].filter((l) => l !== '').join('\n'));
}

export interface ResetPasswordPageModel extends Messages {
  query: string;
  username: string;
  destination?: string;
  medium?: 'EMAIL' | 'SMS';
  policy: PasswordPolicy;
}

export function resetPasswordPage(m: ResetPasswordPageModel): string {
  const where = m.destination ? ` by ${m.medium === 'SMS' ? 'SMS' : 'email'} to ${m.destination}` : '';
  return layout('Reset your password', [
    '<h1>Reset your password</h1>',
    `<p>We have sent a password reset code${escapeHtml(where)}. Enter it below to reset your password.</p>`,
    ...messages(m, 'resetPasswordErrorMessage'),
    `<form method="post" action="/confirmforgotPassword${escapeHtml(q(m.query))}" aria-label="Reset your password">`,
    `<input type="hidden" name="username" value="${escapeHtml(m.username)}">`,
    field('resetPasswordFormCode', 'code', 'Code', `type="text" inputmode="numeric" autocomplete="one-time-code" required${invalid(m, 'resetPasswordErrorMessage')}`),
    passwordField('resetPasswordFormPassword', 'New password', m.policy, m, 'resetPasswordErrorMessage'),
    '<p><button type="submit" name="reset_password">Change password</button></p>',
    '</form>',
    signInLink(m.query),
  ].filter((l) => l !== '').join('\n'));
}

export interface NewPasswordPageModel extends Messages {
  query: string;
  /** The opaque handle of this change, in a hidden field. */
  session: string;
  username: string;
  /** Required attributes the user does not have yet. */
  attributes: AttributeField[];
  policy: PasswordPolicy;
}

export function newPasswordPage(m: NewPasswordPageModel): string {
  return layout('Change password', [
    '<h1>Change password</h1>',
    `<p>${escapeHtml(m.username)} signed in with a temporary password. Please enter a new password to continue.</p>`,
    ...messages(m, 'newPasswordErrorMessage'),
    `<form method="post" action="/forceChangePassword${escapeHtml(q(m.query))}" aria-label="Change password">`,
    `<input type="hidden" name="session" value="${escapeHtml(m.session)}">`,
    ...attributeInputs(m.attributes, m, 'newPasswordErrorMessage'),
    passwordField('newPasswordFormPassword', 'New password', m.policy, m, 'newPasswordErrorMessage'),
    '<p><button type="submit" name="change_password">Send</button></p>',
    '</form>',
  ].filter((l) => l !== '').join('\n'));
}

/** `query` with one parameter set. */
export function withParam(query: string, name: string, value: string): string {
  const params = new URLSearchParams(query);
  params.set(name, value);
  return params.toString();
}
