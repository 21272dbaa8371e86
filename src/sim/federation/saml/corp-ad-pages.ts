// CorpAD's HTML: the employees' sign-in page, the HTTP-POST binding's auto-submitting form that carries the
// SAMLResponse to the service provider, and an error page. [U] AD FS's own pages are styled differently; the
// form fields (UserName, Password, AuthMethod) and the hidden-form post are AD FS's.
import { escapeHtml, layout } from '../../hosted-ui/pages';

export interface SignInPageModel {
  /** The relying party the employee is signing in to, as its request named it. */
  relyingParty: string;
  /** Where the form posts: the SSO URL with the same SAMLRequest and RelayState. */
  action: string;
  username?: string;
  error?: string;
}

export function signInPage(model: SignInPageModel): string {
  const described = model.error ? ' aria-describedby="errorText" aria-invalid="true"' : '';
  return layout('CorpAD sign in', [
    '<h1>CorpAD</h1>',
    '<p>Sign in with your organizational account</p>',
    `<p>You are signing in to <strong>${escapeHtml(model.relyingParty)}</strong>.</p>`,
    model.error ? `<p id="errorText" role="alert">${escapeHtml(model.error)}</p>` : '',
    `<form method="post" action="${escapeHtml(model.action)}" aria-label="CorpAD sign in">`,
    '<p><label for="userNameInput">User account</label>',
    `<input id="userNameInput" name="UserName" type="text" autocomplete="username" required value="${escapeHtml(model.username ?? '')}"${described}></p>`,
    '<p><label for="passwordInput">Password</label>',
    `<input id="passwordInput" name="Password" type="password" autocomplete="current-password" required${described}></p>`,
    '<input type="hidden" name="AuthMethod" value="FormsAuthentication">',
    '<p><button type="submit" id="submitButton">Sign in</button></p>',
    '</form>',
  ].filter((l) => l !== '').join('\n'));
}

/** The HTTP-POST binding: a form the browser submits at once, carrying the SAMLResponse and the RelayState. */
export function postFormPage(acsUrl: string, samlResponse: string, relayState: string | undefined): string {
  return layout('Working...', [
    `<form method="post" name="hiddenform" action="${escapeHtml(acsUrl)}">`,
    `<input type="hidden" name="SAMLResponse" value="${escapeHtml(samlResponse)}">`,
    relayState !== undefined ? `<input type="hidden" name="RelayState" value="${escapeHtml(relayState)}">` : '',
    '<noscript><p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit"></noscript>',
    '</form>',
    "<script>window.setTimeout(function () { document.forms[0].submit(); }, 0);</script>",
  ].filter((l) => l !== '').join('\n'));
}

export function idpErrorPage(message: string): string {
  return layout('CorpAD error', ['<h1>An error occurred</h1>', `<p role="alert">${escapeHtml(message)}</p>`].join('\n'));
}
