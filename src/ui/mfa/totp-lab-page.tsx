// The live TOTP lab at #/learn/lab/totp: alice sets up an authenticator app (a real phone, or the virtual
// authenticator beside the form) and signs in with it. The lab's simulator keeps its virtual clock at the real
// time, so a phone's codes are accepted; every request is a step drawn and inspected as in the player.
import { useDeferredValue, useEffect, useId, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useTotpLab, type LabPhase } from '../../store/totp-lab';
import { Page } from '../components/page';
import { ClaimsTable } from '../inspector/claims-table';
import { Enrolment } from './authenticator-view';
import { CodeForm } from './code-form';
import { LabTrace } from './lab-trace';
import { VirtualAuthenticator } from './virtual-authenticator';
import { useTicking } from './use-ticking';
import { TOTP_ISSUER, TOTP_LAB_LEAD, TOTP_LAB_TITLE } from './lab-route';
import { totpCounter, TOTP_STEP_SECONDS } from '../../lib/totp';
import './mfa.css';
import '../inspector/inspector.css';

const TASKS: { title: string; done: readonly LabPhase[]; current: readonly LabPhase[] }[] = [
  { title: 'Sign in with the password', done: ['signed-in', 'enrolling', 'verified', 'mfa-on', 'challenge', 'done'], current: ['starting'] },
  { title: 'Start TOTP setup', done: ['enrolling', 'verified', 'mfa-on', 'challenge', 'done'], current: ['signed-in'] },
  { title: 'Verify the authenticator', done: ['verified', 'mfa-on', 'challenge', 'done'], current: ['enrolling'] },
  { title: 'Make TOTP the preferred MFA', done: ['mfa-on', 'challenge', 'done'], current: ['verified'] },
  { title: 'Sign in again', done: ['challenge', 'done'], current: ['mfa-on'] },
  { title: 'Answer the TOTP challenge', done: ['done'], current: ['challenge'] },
];

const HEADINGS: Partial<Record<LabPhase, string>> = {
  'signed-in': 'Set up an authenticator app',
  enrolling: 'Verify the authenticator',
  verified: 'Turn on TOTP MFA',
  'mfa-on': 'Sign in again',
  challenge: 'Enter a code to sign in',
  done: 'Signed in with two factors',
};

function Progress({ phase }: { phase: LabPhase }) {
  return (
    <ol className="totp-lab__progress" aria-label="Progress">
      {TASKS.map((task) => {
        const done = task.done.includes(phase);
        return (
          <li key={task.title} className={done ? 'totp-lab__done' : undefined} aria-current={task.current.includes(phase) ? 'step' : undefined}>
            {task.title}
            {done && <span className="mfa-sr-only"> (done)</span>}
          </li>
        );
      })}
    </ol>
  );
}

/** The virtual authenticator at the wall clock's time, ticking every second (only it re-renders). */
function LiveAuthenticator({ secret, account, now }: { secret: string; account: string; now: () => number }) {
  const time = useTicking(now, true);
  return <VirtualAuthenticator secret={secret} at={time} issuer={TOTP_ISSUER} account={account} level={2} live />;
}

/** While the authenticator still shows the code the pool last accepted, says to wait for the next one. */
function WaitForNextCode({ usedStep, now }: { usedStep: number; now: () => number }) {
  const time = useTicking(now, true);
  if (totpCounter(time) > usedStep) return null;
  // Until the window after the used one (a code of the next window may have been accepted early).
  const wait = Math.ceil(((usedStep + 1) * TOTP_STEP_SECONDS * 1000 - time) / 1000);
  return (
    <p className="totp-lab__wait">
      A code works only once, and the authenticator still shows the one that verified it: wait {wait} s for the next code.
    </p>
  );
}

export default function TotpLabPage() {
  const { phase, busy, error, failure, username, secret, usedStep, idClaims, trace, steps, cursor, now } = useTotpLab(
    useShallow((s) => ({ phase: s.phase, busy: s.busy, error: s.error, failure: s.failure, username: s.username, secret: s.secret, usedStep: s.usedStep, idClaims: s.idClaims, trace: s.trace, steps: s.steps, cursor: s.cursor, now: s.now })),
  );
  const { start, associate, verify, preferTotp, signInAgain, answerChallenge, restart, goTo, verifyToken } = useTotpLab.getState();
  const taskHeadingId = useId();
  const taskHeading = useRef<HTMLHeadingElement>(null);
  const lastPhase = useRef(phase);
  const focusAfterRestart = useRef(false);

  useEffect(() => {
    void start();
  }, [start]);

  // A finished task replaces its form: focus moves to the next task's heading, so keyboard users carry on from there.
  useEffect(() => {
    const previous = lastPhase.current;
    lastPhase.current = phase;
    if (previous === phase || !taskHeading.current) return;
    if (focusAfterRestart.current || (previous !== 'starting' && previous !== 'idle')) {
      focusAfterRestart.current = false;
      taskHeading.current.focus();
    }
  }, [phase]);

  function startOver() {
    focusAfterRestart.current = true;
    void restart();
  }

  // The diagram and the inspector first appear in a deferred render, which React builds in slices with the page
  // responsive between them, rather than as one long task right after the first sign-in; later requests update
  // them at once.
  const traceDrawn = useDeferredValue(trace.length > 0);

  const heading = HEADINGS[phase];
  const signInStep = steps.findLast((s) => s.title === 'Answer the TOTP challenge');
  const signInAt = (signInStep && trace.find((x) => x.id === signInStep.exchangeId)?.at) ?? 0;

  return (
    <Page title={TOTP_LAB_TITLE} lead={TOTP_LAB_LEAD}>
      <p className="player__crumbs">
        <a href="#/learn">All scenarios</a>
        <span className="muted">User pool · MFA</span>
      </p>
      {(phase === 'idle' || phase === 'starting') && (
        <p role="status" className="loading">
          Starting the simulator and signing alice in with her password…
        </p>
      )}
      {phase === 'failed' && (
        <div role="alert" className="error-panel">
          <p>The lab could not start: {failure}</p>
          <button type="button" className="button" onClick={() => void restart()}>
            Try again
          </button>
        </div>
      )}
      {heading && (
        <div className="totp-lab">
          <section className="totp-lab__task" aria-labelledby={taskHeadingId}>
            <h2 id={taskHeadingId} ref={taskHeading} tabIndex={-1}>
              {heading}
            </h2>
            <Progress phase={phase} />
            {phase === 'signed-in' && (
              <>
                <p>
                  {username} is signed in with her password only. Setting up TOTP starts with AssociateSoftwareToken, called with her access token: the user pool
                  answers with a new secret for her authenticator.
                </p>
                <div className="totp-lab__actions">
                  <button type="button" className="button" onClick={() => void associate()} disabled={busy}>
                    Start TOTP setup
                  </button>
                </div>
              </>
            )}
            {phase === 'enrolling' && (
              <>
                <p>
                  Scan the QR code with an authenticator app on your phone (or type the secret key), or use the virtual authenticator. Then type the six-digit code it
                  shows: VerifySoftwareToken checks it against the secret.
                </p>
                <CodeForm label="Code from the authenticator" submitLabel="Verify code" busy={busy} onSubmit={(code) => void verify(code)} />
              </>
            )}
            {phase === 'verified' && (
              <>
                <p role="status" className="totp-lab__ok">
                  The authenticator is verified.
                </p>
                <p>TOTP is set up but not yet switched on. SetUserMFAPreference turns it on and makes it {username}’s preferred second factor.</p>
                <div className="totp-lab__actions">
                  <button type="button" className="button" onClick={() => void preferTotp()} disabled={busy}>
                    Make TOTP the preferred MFA
                  </button>
                </div>
              </>
            )}
            {phase === 'mfa-on' && (
              <>
                <p role="status" className="totp-lab__ok">
                  TOTP MFA is on for {username}.
                </p>
                <p>Sign in again with the same password: this time the user pool should ask for a code as well.</p>
                <div className="totp-lab__actions">
                  <button type="button" className="button" onClick={() => void signInAgain()} disabled={busy}>
                    Sign in again with the password
                  </button>
                </div>
              </>
            )}
            {phase === 'challenge' && (
              <>
                <p>
                  The password was right, and the user pool answered with the SOFTWARE_TOKEN_MFA challenge. Type the code the authenticator shows now; the app sends it
                  with the challenge’s Session in RespondToAuthChallenge.
                </p>
                {usedStep !== null && <WaitForNextCode usedStep={usedStep} now={now} />}
                <CodeForm label="Code from the authenticator" submitLabel="Sign in" busy={busy} onSubmit={(code) => void answerChallenge(code)} />
                <div className="totp-lab__actions">
                  <button type="button" className="button button--secondary" onClick={() => void signInAgain()} disabled={busy}>
                    Start the sign-in again
                  </button>
                </div>
              </>
            )}
            {phase === 'done' && idClaims && (
              <>
                <p role="status" className="totp-lab__ok">
                  Signed in as {String(idClaims['cognito:username'] ?? username)}, with a password and an authenticator code.
                </p>
                <div className="inspector__scroll">
                  <ClaimsTable caption="ID token claims" values={idClaims} of="claims" at={signInAt} />
                </div>
              </>
            )}
            {error && (
              <p role="alert" className="totp-lab__error">
                {error.operation} was refused: <strong>{error.code}</strong>: {error.message}
              </p>
            )}
            {busy && (
              <p role="status" className="muted">
                Waiting for the user pool…
              </p>
            )}
            <div className="totp-lab__actions">
              <button type="button" className="button button--secondary" onClick={startOver} disabled={busy}>
                Start over
              </button>
            </div>
          </section>
          <div className="totp-lab__side">
            {secret ? (
              <>
                <Enrolment secret={secret} account={username} level={2} />
                <LiveAuthenticator secret={secret} account={username} now={now} />
              </>
            ) : (
              <p className="muted">The secret, its QR code and the virtual authenticator appear here once TOTP setup starts.</p>
            )}
          </div>
          {traceDrawn && <LabTrace trace={trace} steps={steps} cursor={cursor} onSelect={goTo} verifyToken={verifyToken} />}
        </div>
      )}
    </Page>
  );
}
