// The live TOTP lab: a simulator of its own whose virtual clock starts at the real time and is moved up to
// the wall clock before every request, so the codes of an authenticator app on a real phone match. The demo
// user alice signs in with her password, sets up TOTP (AssociateSoftwareToken, VerifySoftwareToken), makes it
// her preferred MFA (SetUserMFAPreference), then signs in again through the SOFTWARE_TOKEN_MFA challenge.
// Every request lands in the lab's trace as a step, drawn by the player's diagram and inspector.
import { create } from 'zustand';
import { createLocalJWKSet, jwtVerify, decodeProtectedHeader, decodeJwt as decodeJose, type JSONWebKeySet } from 'jose';
import type { Exchange, Simulator } from '../sim/index';
import type { ScenarioStep } from '../content/scenarios/types';
import { DEMO } from '../content/scenarios/demo-users';
import { cognitoIdpClient, type AwsResult, type JsonServiceClient } from '../client/aws-client';
import { decodeJwt } from '../client/jwt';
import type { TokenVerification } from './player';
import { totp, totpCounter, TOTP_STEP_SECONDS } from '../lib/totp';

export type LabPhase =
  | 'idle'
  /** Creating the simulator and signing alice in with her password. */
  | 'starting'
  /** Signed in with the password only: TOTP setup can start. */
  | 'signed-in'
  /** The secret is known: the authenticator's first code is awaited. */
  | 'enrolling'
  /** The authenticator is verified: TOTP can become the preferred MFA. */
  | 'verified'
  /** MFA is on: sign in again. */
  | 'mfa-on'
  /** The SOFTWARE_TOKEN_MFA challenge awaits a code. */
  | 'challenge'
  /** Signed in with both factors. */
  | 'done'
  /** The lab could not start. */
  | 'failed';

export interface LabError {
  operation: string;
  code: string;
  message: string;
}

export interface TotpLabState {
  phase: LabPhase;
  /** A request is in flight. */
  busy: boolean;
  /** AWS's refusal of the last request, as its error code and message. */
  error: LabError | null;
  /** Why the lab could not start. */
  failure: string | null;
  username: string;
  secret: string | null;
  /** The 30-second step of the last code the user pool accepted: a TOTP code works only once. */
  usedStep: number | null;
  idClaims: Record<string, unknown> | null;
  trace: readonly Exchange[];
  steps: readonly ScenarioStep[];
  /** The step shown in the diagram and the inspector (0-based). */
  cursor: number;
  /** The wall clock (epoch ms); replaceable in tests. */
  now: () => number;
  start(): Promise<void>;
  associate(): Promise<void>;
  verify(code: string): Promise<void>;
  preferTotp(): Promise<void>;
  signInAgain(): Promise<void>;
  answerChallenge(code: string): Promise<void>;
  /** A fresh simulator: everything from the start. */
  restart(): Promise<void>;
  goTo(step: number): void;
  verifyToken(token: string, at: number): Promise<TokenVerification>;
}

interface Session {
  sim: Simulator;
  idp: JsonServiceClient;
  clientId: string;
  accessToken?: string;
  challengeSession?: string;
}

let session: Session | null = null;
let ticket = 0;
const jwks = new Map<string, Promise<JSONWebKeySet>>();

const wallClock = () => Date.now();
const ALICE = DEMO.alice;

const INITIAL = {
  phase: 'idle' as LabPhase,
  busy: false,
  error: null,
  failure: null,
  username: ALICE.username,
  secret: null,
  usedStep: null,
  idClaims: null,
  trace: [] as readonly Exchange[],
  steps: [] as readonly ScenarioStep[],
  cursor: 0,
};

type Tokens = { AuthenticationResult?: { IdToken?: string; AccessToken?: string }; ChallengeName?: string; Session?: string };

export const useTotpLab = create<TotpLabState>()((set, get) => {
  /** Moves the virtual clock up to the wall clock (it never runs backwards), so TOTP windows are real ones. */
  function keepInStep(sim: Simulator): void {
    const lag = get().now() - sim.clock.now();
    if (lag > 0) sim.clock.advance(lag);
  }

  /** One request, recorded as one step; `describe` narrates it once the answer is known. */
  async function step<T>(current: Session, call: () => Promise<AwsResult<T>>, describe: (result: AwsResult<T>) => Omit<ScenarioStep, 'exchangeId'>): Promise<AwsResult<T> | null> {
    const mine = ticket;
    // The app's own requests: the JWKS fetches of verifyToken (from 'browser') may land in between.
    const topLevel = () => current.sim.trace().filter((x) => x.parentId === undefined && x.from === 'app');
    const before = topLevel().length;
    set({ busy: true, error: null });
    keepInStep(current.sim);
    const result = await call();
    if (mine !== ticket) return null;
    const added = topLevel().slice(before);
    const steps = [...get().steps, ...added.map((x) => ({ ...describe(result), exchangeId: x.id }))];
    set({
      busy: false,
      trace: [...current.sim.trace()],
      steps,
      cursor: steps.length - 1,
      error: result.ok ? null : { operation: added[0]?.operation ?? '', code: result.code, message: result.message },
    });
    return result;
  }

  const refused = (result: AwsResult<unknown>) => (result.ok ? '' : ` The user pool refused: ${result.code}: ${result.message}`);

  async function passwordSignIn(current: Session, again: boolean): Promise<AwsResult<Tokens> | null> {
    return step(
      current,
      () => current.idp.call<Tokens>('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: current.clientId, AuthParameters: { USERNAME: ALICE.username, PASSWORD: ALICE.password } }),
      (result) =>
        again
          ? {
              title: 'Sign in again',
              narration: `The app signs ${ALICE.username} in with her password again. The password is right, but TOTP is now her preferred MFA, so instead of tokens the user pool answers with the SOFTWARE_TOKEN_MFA challenge and a Session that the code must come back with.${refused(result)}`,
              examTip: 'With MFA set to Optional, only users who enabled a factor get an MFA challenge; with Required, every user must set one up.',
            }
          : {
              title: 'Sign in with the password',
              narration: `The app signs ${ALICE.username} in with USER_PASSWORD_AUTH. She has no second factor yet, so the user pool answers with tokens at once; her access token is what lets her set up MFA herself.${refused(result)}`,
            },
    );
  }

  function live(): Session | null {
    return session;
  }

  /** The step of the window (current, or one either side, as the pool allows) whose code `code` is. */
  async function stepOfCode(code: string, at: number): Promise<number | null> {
    const secret = get().secret;
    if (!secret) return null;
    for (const drift of [0, -1, 1]) {
      const step = totpCounter(at) + drift;
      if ((await totp(secret, step * TOTP_STEP_SECONDS * 1000)) === code) return step;
    }
    return null;
  }

  return {
    ...INITIAL,
    now: wallClock,

    async start() {
      if (get().phase !== 'idle' && get().phase !== 'failed') return;
      const mine = ++ticket;
      set({ ...INITIAL, phase: 'starting' });
      try {
        // The simulator (and its crypto) loads on first use, in its own chunk, as the player's does.
        const { createSimulator } = await import('../sim/index');
        // A fresh seed each time: the secrets of one lab say nothing about the next one's.
        const seed = crypto.getRandomValues(new Uint32Array(1))[0]! & 0x7fffffff;
        const sim = await createSimulator({ startTime: get().now(), seed });
        if (mine !== ticket) return;
        const world = sim.describe();
        const pool = world.userPools[0];
        const client = pool?.clients.find((c) => c.name === 'web') ?? pool?.clients.find((c) => !c.hasSecret);
        if (!client) throw new Error('The world has no user pool with a public app client.');
        session = { sim, clientId: client.clientId, idp: cognitoIdpClient(sim.fetch, world.region, () => sim.clock.now(), 'app') };
        jwks.clear();
        const result = await passwordSignIn(session, false);
        if (!result) return;
        if (!result.ok || !result.output.AuthenticationResult?.AccessToken) {
          set({ phase: 'failed', failure: result.ok ? 'The user pool did not answer with tokens.' : `${result.code}: ${result.message}` });
          return;
        }
        session.accessToken = result.output.AuthenticationResult.AccessToken;
        set({ phase: 'signed-in' });
      } catch (error) {
        if (mine !== ticket) return;
        set({ phase: 'failed', busy: false, failure: error instanceof Error ? error.message : String(error) });
      }
    },

    async associate() {
      const current = live();
      if (!current?.accessToken || get().busy) return;
      const result = await step(
        current,
        () => current.idp.call<{ SecretCode?: string }>('AssociateSoftwareToken', { AccessToken: current.accessToken }),
        (r) => ({
          title: 'Start TOTP setup',
          narration: `With ${ALICE.username}'s access token, the app asks the user pool for a new TOTP secret. Cognito answers with the secret only (SecretCode); the app builds the otpauth:// URI and the QR code that an authenticator app scans.${refused(r)}`,
          examTip: 'TOTP MFA uses an authenticator app (software token); SMS MFA sends codes by text message through Amazon SNS.',
        }),
      );
      if (result?.ok && result.output.SecretCode) set({ phase: 'enrolling', secret: result.output.SecretCode });
    },

    async verify(code) {
      const current = live();
      if (!current?.accessToken || get().busy) return;
      const result = await step(
        current,
        () => current.idp.call<{ Status?: string }>('VerifySoftwareToken', { AccessToken: current.accessToken, UserCode: code, FriendlyDeviceName: 'Authenticator app' }),
        (r) =>
          r.ok && r.output.Status === 'SUCCESS'
            ? {
                title: 'Verify the authenticator',
                narration: `The app sends the code the authenticator shows. It matches the code the secret gives for this moment, so the user pool marks the authenticator as verified: ${ALICE.username} can now use it as a second factor.`,
              }
            : {
                title: 'Verify the authenticator (refused)',
                narration: `The app sends a code that does not match what the secret gives for this moment (the user pool accepts the current 30-second window and the one either side).${refused(r)}`,
              },
      );
      if (!result) return;
      if (result.ok && result.output.Status === 'SUCCESS') set({ phase: 'verified', usedStep: await stepOfCode(code, current.sim.clock.now()) });
      else if (result.ok) set({ error: { operation: 'VerifySoftwareToken', code: 'Status', message: `The user pool answered Status ${result.output.Status ?? '(none)'}.` } });
    },

    async preferTotp() {
      const current = live();
      if (!current?.accessToken || get().busy) return;
      const result = await step(
        current,
        () => current.idp.call('SetUserMFAPreference', { AccessToken: current.accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }),
        (r) => ({
          title: 'Make TOTP the preferred MFA',
          narration: `The app switches TOTP on for ${ALICE.username} and makes it her preferred factor. From her next sign-in, a correct password is no longer enough: the user pool asks for a code from the authenticator.${refused(r)}`,
        }),
      );
      if (result?.ok) set({ phase: 'mfa-on' });
    },

    async signInAgain() {
      const current = live();
      if (!current || get().busy) return;
      const result = await passwordSignIn(current, true);
      if (!result?.ok) return;
      if (result.output.ChallengeName === 'SOFTWARE_TOKEN_MFA' && result.output.Session) {
        current.challengeSession = result.output.Session;
        set({ phase: 'challenge', idClaims: null });
      } else {
        set({ error: { operation: 'InitiateAuth', code: result.output.ChallengeName ?? 'NoChallenge', message: 'The user pool did not ask for the SOFTWARE_TOKEN_MFA challenge.' } });
      }
    },

    async answerChallenge(code) {
      const current = live();
      if (!current?.challengeSession || get().busy) return;
      const result = await step(
        current,
        () =>
          current.idp.call<Tokens>('RespondToAuthChallenge', {
            ClientId: current.clientId,
            ChallengeName: 'SOFTWARE_TOKEN_MFA',
            Session: current.challengeSession,
            ChallengeResponses: { USERNAME: ALICE.username, SOFTWARE_TOKEN_MFA_CODE: code },
          }),
        (r) =>
          r.ok && r.output.AuthenticationResult
            ? {
                title: 'Answer the TOTP challenge',
                narration: `The app sends the challenge's Session back with a fresh code from the authenticator. Password and code both check out, so the user pool issues ${ALICE.username}'s ID, access and refresh tokens.`,
                examTip: 'MFA is a user pool feature: it guards sign-in to your app. IAM MFA protects AWS console and API access, a different thing.',
              }
            : {
                title: 'Answer the TOTP challenge (refused)',
                narration: `The app sends a code that the user pool does not accept for this moment.${refused(r)}`,
              },
      );
      if (!result?.ok) return;
      if (result.output.Session) current.challengeSession = result.output.Session;
      const idToken = result.output.AuthenticationResult?.IdToken;
      if (idToken) {
        set({ usedStep: await stepOfCode(code, current.sim.clock.now()) });
        current.accessToken = result.output.AuthenticationResult?.AccessToken ?? current.accessToken;
        delete current.challengeSession;
        set({ phase: 'done', idClaims: decodeJwt(idToken)?.payload ?? {} });
      }
    },

    async restart() {
      ticket++;
      session = null;
      jwks.clear();
      set({ ...INITIAL });
      await get().start();
    },

    goTo(step) {
      set({ cursor: Math.max(0, Math.min(step, get().steps.length - 1)) });
    },

    async verifyToken(token, at) {
      let kid: string | undefined;
      let issuer: string | undefined;
      try {
        const header = decodeProtectedHeader(token);
        kid = typeof header.kid === 'string' ? header.kid : undefined;
        const payload = decodeJose(token);
        issuer = typeof payload.iss === 'string' ? payload.iss : undefined;
      } catch {
        return { status: 'invalid', reason: 'This is not a well-formed JWT.' };
      }
      const sim = session?.sim;
      if (!sim || !issuer || !kid) return { status: 'invalid', reason: 'The token names no issuer or key id.', ...(kid ? { kid } : {}), ...(issuer ? { issuer } : {}) };
      try {
        let keys = jwks.get(issuer);
        if (!keys) {
          // Fetched as a verifier would; this request is the lab's own check, not one of alice's steps.
          keys = sim.fetch(new Request(`${issuer}/.well-known/jwks.json`), { from: 'browser' }).then(async (res) => {
            if (!res.ok) throw new Error(`The issuer's JWKS answered ${res.status}.`);
            return (await res.json()) as JSONWebKeySet;
          });
          jwks.set(issuer, keys);
          keys.catch(() => jwks.delete(issuer!));
        }
        await jwtVerify(token, createLocalJWKSet(await keys), { issuer, currentDate: new Date(at), algorithms: ['RS256'] });
        return { status: 'valid', kid, issuer };
      } catch (error) {
        return { status: 'invalid', reason: error instanceof Error ? error.message : String(error), kid, issuer };
      }
    },
  };
});

/** Back to a blank lab (tests). */
export function resetTotpLab(): void {
  ticket++;
  session = null;
  jwks.clear();
  useTotpLab.setState({ ...INITIAL, now: wallClock });
}
