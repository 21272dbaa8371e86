// One line under a Cognito sign-in request in the HTTP tab: does this body carry a password, or only SRP values?
import type { RecordedRequest } from '../../sim/index';
import { passwordTravel } from './password-travel';

export function PasswordTravelNote({ request }: { request: RecordedRequest }) {
  const travel = passwordTravel(request);
  if (!travel) return null;
  const fields = travel.fields.join(', ');
  const via = travel.flow ? ` (${travel.flow})` : '';
  return (
    <p role="note" aria-label="Password on the wire" className={`note ${travel.carries === 'srp' ? 'note--good' : 'note--warn'}`}>
      {travel.carries === 'password' ? (
        <>
          <strong>The password is in this request.</strong> The body carries {fields}
          {via} as typed; only TLS protects it on the way to Cognito.
        </>
      ) : (
        <>
          <strong>No password in this request.</strong> The body carries only SRP values ({fields}){via}: with SRP the password never leaves the app.
        </>
      )}
    </p>
  );
}
