// The learner's app talking to the user pool: sign up, confirm with the code from the inbox, sign in with a
// password (USER_PASSWORD_AUTH) or SRP (USER_SRP_AUTH), answer an MFA challenge, set up TOTP, sign out.
import { useState } from 'react';
import type { SandboxAction } from '../../../content/sandbox/actions';
import { ActForm, SelectField, TextField } from './fields';

export interface DemoUser {
  username: string;
  password: string;
  email?: string;
  note?: string;
}

export interface UserPoolFormsProps {
  busy: boolean;
  onAct(action: SandboxAction): void;
  /** The user pool's demo users (alice, bob), whose passwords are published on purpose. */
  demoUsers: readonly DemoUser[];
  /** The name of the challenge the user pool is waiting for an answer to, if any. */
  pendingChallenge?: string;
  /** The user the session is about (the last one signed up or signed in). */
  sessionUser?: string;
}

type Flow = 'USER_PASSWORD_AUTH' | 'USER_SRP_AUTH';
const FLOWS: readonly { value: Flow; label: string }[] = [
  { value: 'USER_PASSWORD_AUTH', label: 'Password (USER_PASSWORD_AUTH)' },
  { value: 'USER_SRP_AUTH', label: 'SRP (USER_SRP_AUTH)' },
];

export function SignUpForm({ busy, onAct }: Pick<UserPoolFormsProps, 'busy' | 'onAct'>) {
  const [username, setUsername] = useState('carla');
  const [password, setPassword] = useState('Carla#Passw0rd');
  const [email, setEmail] = useState('carla@example.com');
  const [phone, setPhone] = useState('');
  return (
    <ActForm
      title="Sign up"
      onSubmit={() => onAct({ kind: 'sign-up', username: username.trim(), password, email: email.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}) })}
    >
      <TextField label="Username" value={username} onChange={setUsername} />
      <TextField label="Password" value={password} onChange={setPassword} hint="Shown as typed: this is a lab." />
      <TextField label="E-mail" type="email" value={email} onChange={setEmail} />
      <TextField label="Phone (optional)" type="tel" value={phone} onChange={setPhone} hint="E.164, e.g. +15555550123" />
      <button type="submit" className="button" disabled={busy}>
        Sign up
      </button>
    </ActForm>
  );
}

export function ConfirmForm({ busy, onAct, sessionUser }: Pick<UserPoolFormsProps, 'busy' | 'onAct' | 'sessionUser'>) {
  const [username, setUsername] = useState('');
  const [code, setCode] = useState('');
  const name = username.trim() || sessionUser || '';
  return (
    <ActForm title="Confirm the sign-up" onSubmit={() => onAct({ kind: 'confirm-sign-up', username: name, ...(code.trim() ? { code: code.trim() } : {}) })}>
      <TextField label="Username" value={username} onChange={setUsername} placeholder={sessionUser} hint={sessionUser ? `Empty: ${sessionUser}.` : undefined} />
      <TextField label="Code" value={code} onChange={setCode} inputMode="numeric" hint="Read it in the inbox; empty: the latest code sent to the user." />
      <button type="submit" className="button" disabled={busy}>
        Confirm
      </button>
    </ActForm>
  );
}

export function SignInForm({ busy, onAct, demoUsers }: Pick<UserPoolFormsProps, 'busy' | 'onAct' | 'demoUsers'>) {
  const [flow, setFlow] = useState<Flow>('USER_PASSWORD_AUTH');
  const [username, setUsername] = useState(demoUsers[0]?.username ?? '');
  const [password, setPassword] = useState(demoUsers[0]?.password ?? '');
  return (
    <ActForm
      title="Sign in"
      onSubmit={() => onAct({ kind: 'sign-in', flow, username: username.trim(), password })}
      note={
        demoUsers.length > 0 && (
          <div className="act-demo" role="group" aria-label="Demo users">
            {demoUsers.map((u) => (
              <button
                key={u.username}
                type="button"
                className="button button--secondary act-demo__use"
                onClick={() => {
                  setUsername(u.username);
                  setPassword(u.password);
                }}
              >
                Use {u.username}
              </button>
            ))}
          </div>
        )
      }
    >
      <SelectField label="Flow" value={flow} options={FLOWS} onChange={setFlow} hint="SRP proves the password without sending it." />
      <TextField label="Username" value={username} onChange={setUsername} />
      <TextField label="Password" value={password} onChange={setPassword} />
      <button type="submit" className="button" disabled={busy}>
        Sign in
      </button>
    </ActForm>
  );
}

export function ChallengeForm({ busy, onAct, pendingChallenge }: Pick<UserPoolFormsProps, 'busy' | 'onAct' | 'pendingChallenge'>) {
  const [code, setCode] = useState('');
  return (
    <ActForm
      title="Answer the MFA challenge"
      onSubmit={() => onAct({ kind: 'answer-challenge', ...(code.trim() ? { code: code.trim() } : {}) })}
      note={<p className="act-card__state">{pendingChallenge ? `The user pool waits for: ${pendingChallenge}.` : 'No challenge is pending.'}</p>}
    >
      <TextField
        label="MFA code"
        value={code}
        onChange={setCode}
        hint="Empty: the virtual authenticator’s code, or the latest SMS or e-mail code. For NEW_PASSWORD_REQUIRED, type the new password."
      />
      <button type="submit" className="button" disabled={busy}>
        Answer the challenge
      </button>
    </ActForm>
  );
}

export function AccountActions({ busy, onAct }: Pick<UserPoolFormsProps, 'busy' | 'onAct'>) {
  return (
    <div className="act-card">
      <h4 className="act-card__title">Signed-in user</h4>
      <p className="act-card__state">AssociateSoftwareToken, VerifySoftwareToken with the virtual authenticator, then SetUserMFAPreference.</p>
      <div className="act-row">
        <button type="button" className="button" disabled={busy} onClick={() => onAct({ kind: 'setup-totp' })}>
          Set up TOTP
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => onAct({ kind: 'sign-out' })}>
          Sign out (GlobalSignOut)
        </button>
      </div>
    </div>
  );
}

export function UserPoolForms(props: UserPoolFormsProps) {
  return (
    <div className="act-cards">
      <SignUpForm {...props} />
      <ConfirmForm {...props} />
      <SignInForm {...props} />
      <ChallengeForm {...props} />
      <AccountActions {...props} />
    </div>
  );
}
