// The learner's browser signing in through the hosted UI: with the user pool's own page (COGNITO) or through
// Google, Facebook or the CorpAD SAML IdP. The whole dance (authorize, the provider's page, the callback with a
// code, the token exchange with PKCE) becomes several steps; the demo accounts of each provider are listed.
import { useState } from 'react';
import type { SandboxAction } from '../../../content/sandbox/actions';
import { ActForm, SelectField, TextField } from './fields';

export type HostedProvider = 'COGNITO' | 'Google' | 'Facebook' | 'CorpAD';

export interface ProviderAccount {
  provider: HostedProvider;
  username: string;
  password: string;
  /** Who the account belongs to, e.g. "Gina Google, already known to the pool". */
  note?: string;
}

export interface HostedUiFormProps {
  busy: boolean;
  onAct(action: SandboxAction): void;
  accounts: readonly ProviderAccount[];
}

const PROVIDERS: readonly { value: HostedProvider; label: string }[] = [
  { value: 'COGNITO', label: 'The user pool itself (COGNITO)' },
  { value: 'Google', label: 'Google' },
  { value: 'Facebook', label: 'Facebook' },
  { value: 'CorpAD', label: 'CorpAD (SAML)' },
];

export function HostedUiForm({ busy, onAct, accounts }: HostedUiFormProps) {
  const [provider, setProvider] = useState<HostedProvider>('COGNITO');
  const first = (p: HostedProvider) => accounts.find((a) => a.provider === p);
  const [username, setUsername] = useState(first('COGNITO')?.username ?? '');
  const [password, setPassword] = useState(first('COGNITO')?.password ?? '');
  const listed = accounts.filter((a) => a.provider === provider);

  function pick(p: HostedProvider) {
    setProvider(p);
    const account = first(p);
    setUsername(account?.username ?? '');
    setPassword(account?.password ?? '');
  }

  return (
    <ActForm title="Sign in with the hosted UI" wide onSubmit={() => onAct({ kind: 'hosted-ui-sign-in', provider, username: username.trim(), password })}>
      <SelectField label="Identity provider" value={provider} options={PROVIDERS} onChange={pick} />
      {listed.length > 0 && (
        <table className="act-accounts">
          <caption>Demo accounts at {PROVIDERS.find((p) => p.value === provider)?.label}</caption>
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Password</th>
              <th scope="col">
                <span className="act-sr-only">Use</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {listed.map((a) => (
              <tr key={a.username}>
                <td>
                  <code>{a.username}</code>
                  {a.note && <span className="act-field__hint"> {a.note}</span>}
                </td>
                <td>
                  <code>{a.password}</code>
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--secondary act-demo__use"
                    onClick={() => {
                      setUsername(a.username);
                      setPassword(a.password);
                    }}
                  >
                    Use {a.username}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <TextField label="User name or e-mail" value={username} onChange={setUsername} />
      <TextField label="Password" value={password} onChange={setPassword} />
      <button type="submit" className="button" disabled={busy}>
        Sign in through the hosted UI
      </button>
    </ActForm>
  );
}
