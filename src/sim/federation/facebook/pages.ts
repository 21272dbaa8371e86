// Facebook's pages: the Login dialog (e-mail or phone, password, Log in and Cancel) and the error page for a dialog
// request it will not serve. The dialog's parameters travel in hidden fields. [U] The layout is the simulator's (the
// hosted UI's frame); the labels and messages are Facebook's [P facebook.com as seen in browsers].
import { escapeHtml, layout } from '../../hosted-ui/pages';

export interface FacebookLoginModel {
  appName: string;
  dialog: Record<string, string>;
  email?: string;
  error?: string;
}

export function facebookLoginPage(model: FacebookLoginModel): string {
  const invalid = model.error ? ' aria-describedby="facebook-error" aria-invalid="true"' : '';
  return layout('Log in to Facebook', [
    '<h1>Log in to Facebook</h1>',
    `<p>Log in to use your Facebook account with <strong>${escapeHtml(model.appName)}</strong>.</p>`,
    model.error ? `<p id="facebook-error" role="alert">${escapeHtml(model.error)}</p>` : '',
    '<form method="post" action="/login/oauth" aria-label="Log in to Facebook">',
    ...Object.entries(model.dialog).map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`),
    '<p><label for="email">Email address or phone number</label>',
    `<input id="email" name="email" type="text" autocomplete="username" required value="${escapeHtml(model.email ?? '')}"${invalid}></p>`,
    '<p><label for="pass">Password</label>',
    `<input id="pass" name="pass" type="password" autocomplete="current-password" required${invalid}></p>`,
    `<p>${escapeHtml(model.appName)} will receive your name and profile picture, and your email address if you allow it.</p>`,
    '<p><button type="submit" name="action" value="login">Log in</button> <button type="submit" name="action" value="cancel" formnovalidate>Cancel</button></p>',
    '</form>',
  ].filter((l) => l !== '').join('\n'));
}

export function facebookErrorPage(title: string, message: string): string {
  return layout('Error', [`<h1>${escapeHtml(title)}</h1>`, `<p role="alert">${escapeHtml(message)}</p>`].join('\n'));
}
