// Google's pages: the sign-in form (e-mail, password, Next and Cancel) and its error page for a request it will not
// serve. The OAuth request travels in hidden fields, so the form posts back everything Google needs to finish it.
// [U] The layout is the simulator's (the hosted UI's frame); Google's real sign-in spreads over several pages, but
// asks the same things and shows the same messages [P accounts.google.com as seen in browsers].
import { escapeHtml, layout } from '../../hosted-ui/pages';

export interface GoogleSignInModel {
  /** The app asking, as its OAuth client's name. */
  appName: string;
  /** The OAuth parameters to carry through the form. */
  oauth: Record<string, string>;
  email?: string;
  error?: string;
}

export function googleSignInPage(model: GoogleSignInModel): string {
  const invalid = model.error ? ' aria-describedby="google-error" aria-invalid="true"' : '';
  return layout('Sign in - Google Accounts', [
    '<h1>Sign in with Google</h1>',
    `<p>to continue to <strong>${escapeHtml(model.appName)}</strong></p>`,
    model.error ? `<p id="google-error" role="alert">${escapeHtml(model.error)}</p>` : '',
    '<form method="post" action="/signin/oauth" aria-label="Sign in with Google">',
    ...Object.entries(model.oauth).map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`),
    '<p><label for="identifierId">Email or phone</label>',
    `<input id="identifierId" name="identifier" type="email" autocomplete="username" required value="${escapeHtml(model.email ?? '')}"${invalid}></p>`,
    '<p><label for="password">Enter your password</label>',
    `<input id="password" name="Passwd" type="password" autocomplete="current-password" required${invalid}></p>`,
    `<p>To continue, Google will share your name, email address and profile picture with ${escapeHtml(model.appName)}.</p>`,
    '<p><button type="submit" name="action" value="signin">Next</button> <button type="submit" name="action" value="cancel" formnovalidate>Cancel</button></p>',
    '</form>',
  ].filter((l) => l !== '').join('\n'));
}

/** Google's answer to a request it cannot serve: an error page, never a redirect to an unregistered address. */
export function googleErrorPage(status: number, error: string, explanation: string): string {
  return layout('Error - Google Accounts', [
    '<h1>Access blocked: this app\'s request is invalid</h1>',
    `<p role="alert">Error ${status}: ${escapeHtml(error)}</p>`,
    `<p>${escapeHtml(explanation)}</p>`,
  ].join('\n'));
}
