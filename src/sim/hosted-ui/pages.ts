// The hosted UI's HTML: the login form, the error page and honest "not simulated yet" pages. Plain, accessible markup
// (labels, landmarks, an alert for the error) that a learner can read in the trace and a test can query by role.
// [U] The layout is the simulator's own: AWS's page is styled differently, but its fields and messages are the same.
export interface FederatedButton {
  provider: string;
  href: string;
}

export interface LoginPageModel {
  clientName: string;
  /** The query string the page was opened with (the authorize request's parameters), without '?'. */
  query: string;
  username?: string;
  error?: string;
  federated: FederatedButton[];
  /** false when only administrators create users (AllowAdminCreateUserOnly): no sign-up link. */
  allowSignUp?: boolean;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The page frame every hosted UI page shares (and the simulated identity providers reuse). */
export function layout(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>`,
    `<body><main>${body}</main></body>`,
    '</html>',
  ].join('\n');
}

const providerLabel = (provider: string) => (provider === 'Google' || provider === 'Facebook' ? `Continue with ${provider}` : `Sign in with ${provider} (corporate ID)`);

export function loginPage(model: LoginPageModel): string {
  const q = model.query ? `?${model.query}` : '';
  const described = model.error ? ' aria-describedby="loginErrorMessage" aria-invalid="true"' : '';
  const federated = model.federated.length === 0 ? '' : [
    '<section aria-labelledby="federated-heading">',
    '<h2 id="federated-heading">Sign in with your corporate or social account</h2>',
    '<ul>',
    ...model.federated.map((b) => `<li><a href="${escapeHtml(b.href)}">${escapeHtml(providerLabel(b.provider))}</a></li>`),
    '</ul>',
    '</section>',
  ].join('\n');
  return layout('Sign in', [
    '<h1>Sign in</h1>',
    `<p>to the app <strong>${escapeHtml(model.clientName)}</strong></p>`,
    model.error ? `<p id="loginErrorMessage" role="alert">${escapeHtml(model.error)}</p>` : '',
    federated,
    `<form method="post" action="/login${escapeHtml(q)}" aria-labelledby="cognito-heading">`,
    '<h2 id="cognito-heading">Sign in with your username and password</h2>',
    '<p><label for="signInFormUsername">Username</label>',
    `<input id="signInFormUsername" name="username" type="text" autocomplete="username" autocapitalize="none" required value="${escapeHtml(model.username ?? '')}"${described}></p>`,
    '<p><label for="signInFormPassword">Password</label>',
    `<input id="signInFormPassword" name="password" type="password" autocomplete="current-password" required${described}></p>`,
    '<p><button type="submit" name="signInSubmitButton">Sign in</button></p>',
    '</form>',
    `<p><a href="/forgotPassword${escapeHtml(q)}">Forgot your password?</a></p>`,
    model.allowSignUp === false ? '' : `<p>Need an account? <a href="/signup${escapeHtml(q)}">Sign up</a></p>`,
  ].filter((l) => l !== '').join('\n'));
}

/** Where an invalid client or redirect URI ends: the hosted UI's own error page, never the app. */
export function errorPage(error: string): string {
  return layout('Error', [
    '<h1>An error was encountered with the requested page.</h1>',
    `<p role="alert">${escapeHtml(error)}</p>`,
    '<p>The app sent a request that this user pool cannot serve (an unknown app client, or a redirect URI that is not one of its callback URLs), so the hosted UI stops here instead of redirecting anywhere.</p>',
  ].join('\n'));
}

/** A short page with a heading and one message. */
export function messagePage(title: string, message: string): string {
  return layout(title, [`<h1>${escapeHtml(title)}</h1>`, `<p>${escapeHtml(message)}</p>`].join('\n'));
}

/** An honest page for what the simulator does not do yet. */
export function notSimulatedPage(title: string, explanation: string): string {
  return layout(title, [`<h1>${escapeHtml(title)}</h1>`, `<p role="status">Not simulated yet: ${escapeHtml(explanation)}</p>`].join('\n'));
}
