// The sandbox's runner: each action of the learner becomes one or more requests of the learner's app (or browser)
// through src/client, against a simulator made by the factory the caller passes in (this module needs only the
// simulator's types). Every request is one step, narrated from the exchange it produced. The session (tokens, a
// pending challenge, the identity id, the credentials…) is what the app would hold between actions.
//
// Determinism: everything the app itself would draw at random (the SRP secret a, the PKCE verifier, the OAuth state)
// is derived from the document's seed and the action's index, so a document replays to the same trace.
import { cognitoIdentityClient, cognitoIdpClient, dynamodbClient, type Credentials, type JsonServiceClient, type AwsResult } from '../../client/aws-client';
import { callApi } from '../../client/api-client';
import { createBrowser, type Browser } from '../../client/browser';
import { readForm } from '../../client/html-form';
import { decodeJwt } from '../../client/jwt';
import { answerPasswordVerifier, startSrpClient, type PasswordVerifierChallenge } from '../../lib/srp/client-half';
import { totp } from '../../lib/totp';
import { fromBase64Url, toBase64Url, toHex, utf8 } from '../../lib/encoding';
import type { Simulator, WorldConfig, WorldSummary } from '../../sim/index';
import type { SimulatorFactory } from '../scenarios/run';
import { DEMO } from '../scenarios/demo-users';
import type { SandboxAction, SandboxDoc, SandboxProblem, SandboxRun, SandboxSessionView, SandboxStep, SessionTokens } from './actions';
import { narrateStep } from './narrate';

export type { SimulatorFactory };

/** How far off the skewed clock is: beyond SigV4's five minutes either way. */
export const CLOCK_SKEW_MS = -20 * 60_000;
/** The longest single clock move the sandbox accepts (400 days: past any token's or code's life). */
export const MAX_ADVANCE_MS = 400 * 24 * 3_600_000;

interface Challenge {
  name: string;
  session: string;
  username: string;
  parameters: Record<string, string>;
}

interface KnownIdentity {
  id: string;
  /** The cognito:username of the login it was got with; undefined for a guest. */
  owner?: string;
}

/** The live sandbox: the simulator, the app's clients and browser, and what the app holds. */
export interface SandboxSession {
  readonly doc: Readonly<Pick<SandboxDoc, 'seed' | 'startTime' | 'world'>>;
  readonly sim: Simulator;
  readonly summary: WorldSummary;
  /** Actions run so far (the next action's index). */
  actionCount: number;
  steps: SandboxStep[];
  problems: SandboxProblem[];
  /** @internal the app's state */
  state: RunnerState;
}

interface RunnerState {
  username?: string;
  tokens?: SessionTokens;
  challenge?: Challenge;
  identityId?: string;
  credentials?: Credentials & { expiration?: string };
  identities: KnownIdentity[];
  /** Virtual authenticators by username (base32 secrets). */
  authenticators: Record<string, string>;
  /** Where codes for a user go, from their sign-up. */
  contacts: Record<string, { email?: string; phone?: string }>;
  /** Said at the start of the next step's narration (e.g. a clock move). */
  pendingPreface?: string;
  idp: JsonServiceClient;
  identity: JsonServiceClient;
  dynamodb: JsonServiceClient;
  skewedDynamodb: JsonServiceClient;
  browser: Browser;
}

class CannotRun extends Error {}

// ---------------------------------------------------------------------------------------------------------------
// Starting and running

export async function startSession(doc: Pick<SandboxDoc, 'world' | 'seed' | 'startTime'>, createSimulator: SimulatorFactory): Promise<SandboxSession> {
  const sim = await createSimulator({ world: structuredClone(doc.world), seed: doc.seed, startTime: doc.startTime });
  const summary = sim.describe();
  const now = () => sim.clock.now();
  return {
    doc: { world: doc.world, seed: doc.seed, startTime: doc.startTime },
    sim,
    summary,
    actionCount: 0,
    steps: [],
    problems: [],
    state: {
      identities: [],
      authenticators: {},
      contacts: {},
      idp: cognitoIdpClient(sim.fetch, summary.region, now, 'app'),
      identity: cognitoIdentityClient(sim.fetch, summary.region, now, 'app'),
      dynamodb: dynamodbClient(sim.fetch, summary.region, now, 'app'),
      skewedDynamodb: dynamodbClient(sim.fetch, summary.region, () => sim.clock.now() + CLOCK_SKEW_MS, 'app'),
      browser: createBrowser({ fetch: sim.fetch, now, from: 'browser' }),
    },
  };
}

/** Replays a whole document against a fresh simulator. */
export async function runActions(doc: SandboxDoc, createSimulator: SimulatorFactory): Promise<SandboxRun> {
  return snapshot(await replay(doc, createSimulator));
}

/** Replays a whole document and keeps the live session, for actions appended later (runNext). */
export async function replay(doc: SandboxDoc, createSimulator: SimulatorFactory): Promise<SandboxSession> {
  const session = await startSession(doc, createSimulator);
  for (const action of doc.actions) await runNext(session, action);
  return session;
}

/** Runs one more action on a live session; the run so far, this action's steps and problems included. */
export async function runNext(session: SandboxSession, action: SandboxAction): Promise<SandboxRun> {
  const index = session.actionCount++;
  try {
    await perform(session, index, action);
  } catch (error) {
    if (error instanceof CannotRun) session.problems.push({ actionIndex: index, message: error.message });
    else session.problems.push({ actionIndex: index, message: `The app could not finish this action: ${error instanceof Error ? error.message : String(error)}` });
  }
  return snapshot(session);
}

export function sessionView(session: SandboxSession): SandboxSessionView {
  const s = session.state;
  const other = otherIdentity(s, s.username);
  const authUser = s.username ?? s.challenge?.username;
  return {
    ...(s.username !== undefined ? { username: s.username } : {}),
    ...(s.tokens ? { tokens: { ...s.tokens } } : {}),
    ...(s.challenge ? { challenge: { name: s.challenge.name, session: s.challenge.session } } : {}),
    ...(s.identityId !== undefined ? { identityId: s.identityId } : {}),
    ...(s.credentials ? { credentials: { ...s.credentials } } : {}),
    ...(other ? { otherIdentityId: other.id } : {}),
    ...(authUser !== undefined && s.authenticators[authUser] ? { authenticator: { username: authUser, secret: s.authenticators[authUser] } } : {}),
    now: session.sim.clock.now(),
  };
}

export function snapshot(session: SandboxSession): SandboxRun {
  return {
    trace: [...session.sim.trace()],
    steps: session.steps.map((s) => ({ ...s })),
    messages: session.sim.messages(),
    session: sessionView(session),
    problems: session.problems.map((p) => ({ ...p })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Steps: one request each

const topLevel = (sim: Simulator) => sim.trace().filter((x) => x.parentId === undefined);

async function step<T>(session: SandboxSession, index: number, title: string, intro: string, request: () => Promise<T>): Promise<T> {
  const before = topLevel(session.sim).length;
  const preface = session.state.pendingPreface;
  delete session.state.pendingPreface;
  const result = await request();
  const trace = session.sim.trace();
  const added = topLevel(session.sim).slice(before);
  for (const x of added) session.steps.push(narrateStep(x, trace, index, title, preface ? `${preface} ${intro}` : intro));
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// The world as the app knows it

interface AppClient {
  clientId: string;
  name: string;
  config: WorldConfig['userPools'][number]['clients'][number] | undefined;
}

function userPool(session: SandboxSession) {
  const pool = session.summary.userPools[0];
  if (!pool) throw new CannotRun('This world has no user pool, so there is nothing to sign up or sign in to.');
  return pool;
}

/** The learner's app: the client called "web", else the first client without a secret. */
function appClient(session: SandboxSession): AppClient {
  const pool = userPool(session);
  const client = pool.clients.find((c) => c.name === 'web' && !c.hasSecret) ?? pool.clients.find((c) => !c.hasSecret);
  if (!client) throw new CannotRun(`The user pool ${pool.name} has no app client without a secret: the sandbox's app is a public client (a single-page app), so it has none to use.`);
  const config = session.doc.world.userPools[0]?.clients.find((c) => c.name === client.name);
  return { clientId: client.clientId, name: client.name, config };
}

const providerKey = (session: SandboxSession, idToken: string): string => {
  const iss = decodeJwt(idToken)?.payload.iss;
  if (typeof iss === 'string' && iss.startsWith('https://')) return iss.slice('https://'.length);
  return `cognito-idp.${session.summary.region}.amazonaws.com/${userPool(session).id}`;
};

const usernameOf = (idToken: string | undefined): string | undefined => {
  const claims = idToken ? decodeJwt(idToken)?.payload : undefined;
  const name = claims?.['cognito:username'] ?? claims?.username;
  return typeof name === 'string' ? name : undefined;
};

/** Bytes the app would draw at random, derived from the seed and the action (so a replay draws the same). */
async function appRandom(session: SandboxSession, index: number, purpose: string, length: number): Promise<Uint8Array> {
  const out = new Uint8Array(length);
  for (let block = 0, at = 0; at < length; block++) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(`cognito-lab sandbox ${session.doc.seed} ${index} ${purpose} ${block}`) as Uint8Array<ArrayBuffer>));
    out.set(digest.subarray(0, Math.min(32, length - at)), at);
    at += 32;
  }
  return out;
}

function requirePassword(password: string, what: string): void {
  if (password === '') throw new CannotRun(`${what} has no password: it was left out of the shared link. Type the password to replay this action.`);
}

function signedInTokens(session: SandboxSession, what: string): SessionTokens {
  const tokens = session.state.tokens;
  if (!tokens) throw new CannotRun(`${what} needs a signed-in user, and nobody is signed in: sign in first.`);
  return tokens;
}

/** Keeps what a successful sign-in gives and forgets what belonged to the previous user. */
function signedIn(session: SandboxSession, result: { IdToken?: string; AccessToken?: string; RefreshToken?: string }, fallbackUsername: string): void {
  const s = session.state;
  if (!result.IdToken || !result.AccessToken) return;
  const username = usernameOf(result.IdToken) ?? fallbackUsername;
  if (s.username !== username) {
    delete s.identityId;
    delete s.credentials;
  }
  s.username = username;
  s.tokens = { idToken: result.IdToken, accessToken: result.AccessToken, ...(result.RefreshToken ? { refreshToken: result.RefreshToken } : {}) };
  delete s.challenge;
}

type AuthOutput = { AuthenticationResult?: { IdToken?: string; AccessToken?: string; RefreshToken?: string }; ChallengeName?: string; Session?: string; ChallengeParameters?: Record<string, string> };

/** After InitiateAuth or RespondToAuthChallenge: tokens, a new challenge, or nothing changed (an error). */
function afterAuth(session: SandboxSession, result: AwsResult<AuthOutput>, username: string): void {
  if (!result.ok) return;
  if (result.output.AuthenticationResult) {
    signedIn(session, result.output.AuthenticationResult, username);
    return;
  }
  if (result.output.ChallengeName && result.output.Session) {
    const parameters = result.output.ChallengeParameters ?? {};
    session.state.challenge = { name: result.output.ChallengeName, session: result.output.Session, username: parameters.USER_ID_FOR_SRP ?? parameters.USERNAME ?? username, parameters };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The actions

async function perform(session: SandboxSession, index: number, action: SandboxAction): Promise<void> {
  switch (action.kind) {
    case 'sign-up':
      return signUp(session, index, action);
    case 'confirm-sign-up':
      return confirmSignUp(session, index, action);
    case 'sign-in':
      return action.flow === 'USER_SRP_AUTH' ? signInSrp(session, index, action) : signInPassword(session, index, action);
    case 'answer-challenge':
      return answerChallenge(session, index, action);
    case 'setup-totp':
      return setupTotp(session, index);
    case 'hosted-ui-sign-in':
      return hostedUiSignIn(session, index, action);
    case 'sign-out':
      return signOut(session, index);
    case 'get-credentials':
      return getCredentials(session, index, action);
    case 'call-api':
      return callTheApi(session, index, action);
    case 'dynamodb':
      return dynamo(session, index, action);
    case 'advance-clock':
      return advanceClock(session, action);
    default: {
      const unknown: never = action;
      throw new CannotRun(`The sandbox does not know the action ${JSON.stringify((unknown as { kind?: unknown }).kind)}.`);
    }
  }
}

function advanceClock(session: SandboxSession, action: Extract<SandboxAction, { kind: 'advance-clock' }>): void {
  if (!Number.isFinite(action.ms) || action.ms <= 0 || action.ms > MAX_ADVANCE_MS) {
    throw new CannotRun(`The clock moves forward only, by more than 0 and at most 400 days; ${String(action.ms)} ms is not that.`);
  }
  session.sim.clock.advance(action.ms);
  const said = describeDuration(action.ms);
  session.state.pendingPreface = session.state.pendingPreface ? `${session.state.pendingPreface.replace(/\.$/, '')}, then ${said} more.` : `${capitalize(said)} later:`;
}

export function describeDuration(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1000, 'second'],
  ];
  const parts: string[] = [];
  let left = ms;
  for (const [size, name] of units) {
    const n = Math.floor(left / size);
    if (n > 0) parts.push(`${n} ${name}${n === 1 ? '' : 's'}`);
    left -= n * size;
  }
  if (parts.length === 0) return `${ms} milliseconds`;
  return parts.slice(0, 2).join(' and ');
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

async function signUp(session: SandboxSession, index: number, action: Extract<SandboxAction, { kind: 'sign-up' }>): Promise<void> {
  requirePassword(action.password, 'This sign-up');
  const client = appClient(session);
  const attributes = [{ Name: 'email', Value: action.email }, ...(action.phone ? [{ Name: 'phone_number', Value: action.phone }] : [])];
  session.state.contacts[action.username] = { email: action.email, ...(action.phone ? { phone: action.phone } : {}) };
  await step(
    session,
    index,
    `Sign up ${action.username}`,
    `The app calls SignUp with the app client ${client.name}, the username ${action.username}, a password and the e-mail address ${action.email}${action.phone ? ` and the phone number ${action.phone}` : ''}.`,
    () => session.state.idp.call('SignUp', { ClientId: client.clientId, Username: action.username, Password: action.password, UserAttributes: attributes }),
  );
}

function latestCode(session: SandboxSession, destinations: (string | undefined)[], channel?: 'EMAIL' | 'SMS'): string | undefined {
  const messages = session.sim.messages().filter((m) => m.code && (!channel || m.channel === channel));
  const wanted = destinations.filter((d): d is string => d !== undefined);
  const mine = wanted.length ? messages.filter((m) => wanted.includes(m.destination)) : messages;
  return (mine.at(-1) ?? (wanted.length ? undefined : messages.at(-1)))?.code;
}

async function confirmSignUp(session: SandboxSession, index: number, action: Extract<SandboxAction, { kind: 'confirm-sign-up' }>): Promise<void> {
  const client = appClient(session);
  const contact = session.state.contacts[action.username];
  const code = action.code ?? latestCode(session, contact ? [contact.email, contact.phone] : []);
  if (!code) throw new CannotRun(`No code has been sent to ${action.username} yet, so there is nothing to confirm with: sign up first (or type the code).`);
  await step(
    session,
    index,
    `Confirm ${action.username}`,
    `The app calls ConfirmSignUp for ${action.username} with the code ${code}${action.code === undefined ? ', the latest one the user pool sent' : ''}.`,
    () => session.state.idp.call('ConfirmSignUp', { ClientId: client.clientId, Username: action.username, ConfirmationCode: code }),
  );
}

async function signInPassword(session: SandboxSession, index: number, action: Extract<SandboxAction, { kind: 'sign-in' }>): Promise<void> {
  requirePassword(action.password, 'This sign-in');
  const client = appClient(session);
  const result = await step(
    session,
    index,
    `Sign in ${action.username} (password)`,
    `The app calls InitiateAuth with USER_PASSWORD_AUTH: the username ${action.username} and the password travel in the request body.`,
    () => session.state.idp.call<AuthOutput>('InitiateAuth', { ClientId: client.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: action.username, PASSWORD: action.password } }),
  );
  afterAuth(session, result, action.username);
}

async function signInSrp(session: SandboxSession, index: number, action: Extract<SandboxAction, { kind: 'sign-in' }>): Promise<void> {
  requirePassword(action.password, 'This sign-in');
  const client = appClient(session);
  const pool = userPool(session);
  const srp = startSrpClient(await appRandom(session, index, 'srp-a', 128));
  const started = await step(
    session,
    index,
    `Sign in ${action.username} (SRP)`,
    `The app calls InitiateAuth with USER_SRP_AUTH: the username ${action.username} and SRP_A, a public value made from a secret the app keeps. The password does not leave the app.`,
    () => session.state.idp.call<AuthOutput>('InitiateAuth', { ClientId: client.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: action.username, SRP_A: srp.srpA } }),
  );
  if (!started.ok) return;
  if (started.output.ChallengeName !== 'PASSWORD_VERIFIER') {
    afterAuth(session, started, action.username);
    return;
  }
  const challenge = started.output.ChallengeParameters as unknown as PasswordVerifierChallenge;
  let answer: Awaited<ReturnType<typeof answerPasswordVerifier>>;
  try {
    answer = await answerPasswordVerifier(srp, pool.id, action.password, challenge, session.sim.clock.now());
  } catch (error) {
    throw new CannotRun(`The app could not compute the SRP answer from the user pool's challenge: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = await step(
    session,
    index,
    'Answer PASSWORD_VERIFIER',
    'The app answers the PASSWORD_VERIFIER challenge with RespondToAuthChallenge: a signature computed from the password, the salt and SRP_B, with a TIMESTAMP. Only the proof travels, never the password.',
    () => session.state.idp.call<AuthOutput>('RespondToAuthChallenge', { ClientId: client.clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: answer, ...(started.output.Session ? { Session: started.output.Session } : {}) }),
  );
  afterAuth(session, result, action.username);
}

async function authenticatorCode(session: SandboxSession, username: string): Promise<string | undefined> {
  const secret = session.state.authenticators[username];
  return secret ? totp(secret, session.sim.clock.now()) : undefined;
}

async function answerChallenge(session: SandboxSession, index: number, action: Extract<SandboxAction, { kind: 'answer-challenge' }>): Promise<void> {
  const challenge = session.state.challenge;
  if (!challenge) throw new CannotRun('There is no challenge to answer: the last sign-in did not ask for one (or it was already answered).');
  const client = appClient(session);
  const username = challenge.username;
  let responses: Record<string, string>;
  let intro: string;
  switch (challenge.name) {
    case 'SOFTWARE_TOKEN_MFA': {
      const code = action.code ?? (await authenticatorCode(session, username));
      if (!code) throw new CannotRun(`The sandbox's virtual authenticator has no secret for ${username} (set up TOTP in this sandbox first), so type the code.`);
      responses = { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: code };
      intro = `The app answers SOFTWARE_TOKEN_MFA with the code ${code}${action.code === undefined ? ", the one the virtual authenticator shows now" : ''}, and the challenge's Session.`;
      break;
    }
    case 'SMS_MFA': {
      const code = action.code ?? latestCode(session, [session.state.contacts[username]?.phone], 'SMS');
      if (!code) throw new CannotRun('No SMS code has been sent, so type the code.');
      responses = { USERNAME: username, SMS_MFA_CODE: code };
      intro = `The app answers SMS_MFA with the code ${code}${action.code === undefined ? ', the latest one texted' : ''}, and the challenge's Session.`;
      break;
    }
    case 'EMAIL_OTP': {
      const code = action.code ?? latestCode(session, [session.state.contacts[username]?.email], 'EMAIL');
      if (!code) throw new CannotRun('No e-mail code has been sent, so type the code.');
      responses = { USERNAME: username, EMAIL_OTP_CODE: code };
      intro = `The app answers EMAIL_OTP with the code ${code}${action.code === undefined ? ', the latest one e-mailed' : ''}, and the challenge's Session.`;
      break;
    }
    case 'SELECT_MFA_TYPE': {
      const choice = action.code ?? (session.state.authenticators[username] ? 'SOFTWARE_TOKEN_MFA' : 'SMS_MFA');
      responses = { USERNAME: username, ANSWER: choice };
      intro = `The app answers SELECT_MFA_TYPE with ${choice}: the factor the user picks for this sign-in.`;
      break;
    }
    case 'NEW_PASSWORD_REQUIRED': {
      if (!action.code) throw new CannotRun('NEW_PASSWORD_REQUIRED is answered with the new password: type it as the answer.');
      responses = { USERNAME: username, NEW_PASSWORD: action.code };
      intro = 'The app answers NEW_PASSWORD_REQUIRED with the new password the user chose, replacing the temporary one.';
      break;
    }
    case 'MFA_SETUP':
      throw new CannotRun('MFA_SETUP is answered by setting up an authenticator: use "Set up TOTP", which does it inside this sign-in.');
    default:
      throw new CannotRun(`The sandbox cannot answer the ${challenge.name} challenge.`);
  }
  const result = await step(session, index, `Answer ${challenge.name}`, intro, () =>
    session.state.idp.call<AuthOutput>('RespondToAuthChallenge', { ClientId: client.clientId, ChallengeName: challenge.name, Session: challenge.session, ChallengeResponses: responses }),
  );
  if (result.ok) delete session.state.challenge;
  afterAuth(session, result, username);
}

async function setupTotp(session: SandboxSession, index: number): Promise<void> {
  const s = session.state;
  const inSignIn = s.challenge?.name === 'MFA_SETUP' ? s.challenge : undefined;
  if (!inSignIn && !s.tokens) throw new CannotRun('Setting up TOTP needs a signed-in user (their access token), or a sign-in waiting on MFA_SETUP: sign in first.');
  const username = inSignIn?.username ?? s.username!;
  const credential = inSignIn ? { Session: inSignIn.session } : { AccessToken: s.tokens!.accessToken };
  const associated = await step(
    session,
    index,
    'AssociateSoftwareToken',
    `The app calls AssociateSoftwareToken with ${inSignIn ? "the MFA_SETUP challenge's Session" : `${username}'s access token`}. The user pool makes a TOTP secret and returns it once, as SecretCode; the sandbox's virtual authenticator keeps it, as an authenticator app would after scanning the QR code.`,
    () => s.idp.call<{ SecretCode?: string; Session?: string }>('AssociateSoftwareToken', credential),
  );
  if (!associated.ok || !associated.output.SecretCode) return;
  const secret = associated.output.SecretCode;
  s.authenticators[username] = secret;
  const code = await totp(secret, session.sim.clock.now());
  const verified = await step(
    session,
    index,
    'VerifySoftwareToken',
    `The app sends the virtual authenticator's current code ${code} with VerifySoftwareToken, to prove the authenticator holds the secret.`,
    () =>
      s.idp.call<{ Status?: string; Session?: string }>('VerifySoftwareToken', {
        ...(inSignIn ? { Session: associated.output.Session } : { AccessToken: s.tokens!.accessToken }),
        UserCode: code,
        FriendlyDeviceName: 'Sandbox authenticator',
      }),
  );
  if (!verified.ok || verified.output.Status !== 'SUCCESS') return;
  if (inSignIn) {
    const client = appClient(session);
    const done = await step(
      session,
      index,
      'Answer MFA_SETUP',
      'The authenticator is verified, so the app finishes the sign-in: RespondToAuthChallenge with MFA_SETUP and the Session VerifySoftwareToken returned.',
      () => s.idp.call<AuthOutput>('RespondToAuthChallenge', { ClientId: client.clientId, ChallengeName: 'MFA_SETUP', Session: verified.output.Session, ChallengeResponses: { USERNAME: username } }),
    );
    if (done.ok) delete s.challenge;
    afterAuth(session, done, username);
    return;
  }
  await step(
    session,
    index,
    'SetUserMFAPreference',
    `The app turns TOTP on for ${username} and makes it the preferred factor with SetUserMFAPreference: from the next sign-in the user pool asks for an authenticator code.`,
    () => s.idp.call('SetUserMFAPreference', { AccessToken: s.tokens!.accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }),
  );
}

async function signOut(session: SandboxSession, index: number): Promise<void> {
  const tokens = signedInTokens(session, 'Signing out');
  const username = session.state.username ?? 'the user';
  const result = await step(
    session,
    index,
    `Sign out ${username}`,
    `The app calls GlobalSignOut with ${username}'s access token: the user pool revokes every refresh token of the user and the access tokens it issued.`,
    () => session.state.idp.call('GlobalSignOut', { AccessToken: tokens.accessToken }),
  );
  if (result.ok) {
    delete session.state.tokens;
    delete session.state.username;
    delete session.state.challenge;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The hosted UI: the browser dance of the authorization code grant with PKCE

const MAX_HOPS = 16;

function inputsOf(formHtml: string): { name: string; type: string }[] {
  const out: { name: string; type: string }[] = [];
  for (const tag of formHtml.matchAll(/<input\b[^>]*>/gi)) {
    const name = /\bname="([^"]*)"/i.exec(tag[0])?.[1];
    if (!name) continue;
    out.push({ name, type: (/\btype="([^"]*)"/i.exec(tag[0])?.[1] ?? 'text').toLowerCase() });
  }
  return out;
}

async function hostedUiSignIn(session: SandboxSession, index: number, action: Extract<SandboxAction, { kind: 'hosted-ui-sign-in' }>): Promise<void> {
  requirePassword(action.password, 'This hosted UI sign-in');
  const pool = userPool(session);
  if (!pool.domain) throw new CannotRun(`The user pool ${pool.name} has no domain, so it has no hosted UI.`);
  const client = appClient(session);
  const callback = client.config?.callbackUrls?.find((u) => !u.includes('{'));
  if (!callback) throw new CannotRun(`The app client ${client.name} has no callback URL, so the hosted UI has nowhere to send the browser back to.`);
  const scopes = client.config?.allowedOAuthScopes?.length ? client.config.allowedOAuthScopes : ['openid'];
  const domain = `https://${pool.domain}.auth.${session.summary.region}.amazoncognito.com`;
  const verifier = toBase64Url(await appRandom(session, index, 'pkce-verifier', 48));
  const challenge = toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(verifier) as Uint8Array<ArrayBuffer>)));
  const state = toHex(await appRandom(session, index, 'oauth-state', 8));
  const query = new URLSearchParams({ response_type: 'code', client_id: client.clientId, redirect_uri: callback, scope: scopes.join(' '), state, code_challenge: challenge, code_challenge_method: 'S256' });
  if (action.provider !== 'COGNITO') query.set('identity_provider', action.provider);
  const b = session.state.browser;
  const providerWords = action.provider === 'COGNITO' ? 'its own login page' : `${action.provider}, named by identity_provider`;

  let response = await step(
    session,
    index,
    'GET /oauth2/authorize',
    `The app sends the browser to the hosted UI's /oauth2/authorize with response_type=code, its client id, the callback ${callback}, the scopes ${scopes.join(' ')}, a state and a PKCE code_challenge (S256); the code_verifier stays in the app. The sign-in goes through ${providerWords}.`,
    () => b.request(`${domain}/oauth2/authorize?${query.toString()}`),
  );
  const submitted = new Set<string>();
  let code: string | undefined;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    if (b.isRedirect(response)) {
      const location = new URL(response.headers.get('location')!, b.urlOf(response));
      const target = new URL(callback);
      if (location.origin === target.origin && location.pathname === target.pathname) {
        const error = location.searchParams.get('error');
        if (error) return; // the step's narration shows the redirect with the error
        code = location.searchParams.get('code') ?? undefined;
        if (location.searchParams.get('state') !== state) throw new CannotRun('The hosted UI came back with a state the app did not send, so the app refuses the answer (CSRF protection).');
        break;
      }
      response = await step(session, index, `Follow to ${location.host}`, `The browser follows the redirect to ${location.host}${location.pathname}.`, () => b.follow(response));
      continue;
    }
    if (response.status !== 200) return;
    const pageUrl = b.urlOf(response);
    const html = await response.text();
    let form: ReturnType<typeof readForm>;
    try {
      form = readForm(html, pageUrl);
    } catch {
      return; // a page without a form (an error page): its step says what it is
    }
    const formHtml = /<form\b[^>]*\bmethod="post"[^>]*>([\s\S]*?)<\/form>/i.exec(html)?.[1] ?? '';
    const inputs = inputsOf(formHtml).filter((i) => i.type !== 'hidden' && i.type !== 'submit' && i.type !== 'button' && i.type !== 'checkbox');
    const host = new URL(pageUrl).host;
    const post = (fields: Record<string, string>) =>
      b.request(form.action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...form.hidden, ...fields }).toString() });
    if (inputs.length === 0) {
      response = await step(session, index, `POST ${new URL(form.action).pathname}`, `The page at ${host} holds a form that posts itself: the browser sends its hidden fields to ${new URL(form.action).host}${new URL(form.action).pathname}.`, () => post({}));
      continue;
    }
    const codeField = inputs.length === 1 && inputs[0]!.name === 'code' ? inputs[0] : undefined;
    const secret = session.state.authenticators[action.username];
    if (codeField && secret && !submitted.has(`${host} code`)) {
      // The hosted UI's MFA page: the virtual authenticator's code, as the user would type it.
      submitted.add(`${host} code`);
      const code = await totp(secret, session.sim.clock.now());
      response = await step(session, index, 'Answer the MFA page', `The hosted UI asks for a code from the authenticator app; the user types ${code}, the code the virtual authenticator shows now.`, () => post({ [codeField.name]: code }));
      continue;
    }
    const passwordField = inputs.find((i) => i.type === 'password');
    const userField = inputs.find((i) => i !== passwordField);
    if (!passwordField || !userField || inputs.length !== 2) {
      if (codeField && submitted.has(`${host} code`)) return; // the code was refused: its step shows why
      throw new CannotRun(`The page at ${host} asks for something other than a username and a password (${inputs.map((i) => i.name).join(', ')}); the sandbox's hosted UI sign-in stops here.`);
    }
    if (submitted.has(host)) return; // the same sign-in page again: the credentials were refused, and its step shows why
    submitted.add(host);
    response = await step(
      session,
      index,
      `Sign in at ${host}`,
      `The user types ${action.username} and the password into the sign-in form at ${host}; the browser posts it to ${new URL(form.action).pathname}.`,
      () => post({ [userField.name]: action.username, [passwordField.name]: action.password }),
    );
  }
  if (!code) return;
  const redeemed = await step(
    session,
    index,
    'POST /oauth2/token',
    'The app redeems the one-time authorization code at /oauth2/token with its code_verifier: the hosted UI hashes the verifier and compares it with the code_challenge it was given.',
    () =>
      session.sim.fetch(
        new Request(`${domain}/oauth2/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ grant_type: 'authorization_code', client_id: client.clientId, code, redirect_uri: callback, code_verifier: verifier }).toString(),
        }),
        { from: 'app' },
      ),
  );
  if (!redeemed.ok) return;
  const tokens = (await redeemed.json()) as { id_token?: string; access_token?: string; refresh_token?: string };
  signedIn(session, { IdToken: tokens.id_token, AccessToken: tokens.access_token, RefreshToken: tokens.refresh_token }, action.username);
}

// ---------------------------------------------------------------------------------------------------------------
// The identity pool

function identityPoolId(session: SandboxSession): string {
  const pool = session.summary.identityPools[0];
  if (!pool) throw new CannotRun('This world has no identity pool, so there are no AWS credentials to get.');
  return pool.id;
}

function otherIdentity(s: RunnerState, me: string | undefined): KnownIdentity | undefined {
  return [...s.identities].reverse().find((i) => i.owner !== undefined && i.owner !== me);
}

/** Another signed-in user's identity id: one seen earlier, else the other demo user's (signed in by a second app). */
async function ensureOtherIdentity(session: SandboxSession, index: number, me: string | undefined): Promise<string> {
  const known = otherIdentity(session.state, me);
  if (known) return known.id;
  const who = Object.values(DEMO).find((u) => u.username !== me);
  const poolId = identityPoolId(session);
  const client = appClient(session);
  if (!who) throw new CannotRun("No other user's identity id is known: sign in as a second user and get credentials first.");
  const signed = await step(
    session,
    index,
    `Another user: ${who.username} signs in`,
    `To have someone else's identity id to present, another copy of the app signs ${who.username} in with USER_PASSWORD_AUTH (a demo user).`,
    () => session.state.idp.call<AuthOutput>('InitiateAuth', { ClientId: client.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: who.username, PASSWORD: who.password } }),
  );
  const idToken = signed.ok ? signed.output.AuthenticationResult?.IdToken : undefined;
  if (!idToken) throw new CannotRun(`The demo user ${who.username} could not sign in, so no other user's identity id is known: sign in as a second user and get credentials first.`);
  const got = await step(
    session,
    index,
    `Another user: ${who.username}'s identity`,
    `That app asks the identity pool for ${who.username}'s identity id with GetId.`,
    () => session.state.identity.call<{ IdentityId: string }>('GetId', { IdentityPoolId: poolId, Logins: { [providerKey(session, idToken)]: idToken } }),
  );
  if (!got.ok) throw new CannotRun(`The identity pool did not give ${who.username} an identity id, so no other user's identity id is known.`);
  session.state.identities.push({ id: got.output.IdentityId, owner: who.username });
  return got.output.IdentityId;
}

async function getCredentials(session: SandboxSession, index: number, action: Extract<SandboxAction, { kind: 'get-credentials' }>): Promise<void> {
  const s = session.state;
  const poolId = identityPoolId(session);
  const guest = action.as === 'guest';
  const tokens = guest ? undefined : signedInTokens(session, 'Getting credentials as the signed-in user');
  const logins = tokens ? { [providerKey(session, tokens.idToken)]: tokens.idToken } : undefined;
  const me = guest ? undefined : s.username;
  const other = action.fault === 'other-identity' ? await ensureOtherIdentity(session, index, me) : undefined;
  const got = await step(
    session,
    index,
    guest ? 'GetId (guest)' : `GetId for ${me ?? 'the user'}`,
    guest
      ? 'The app asks the identity pool for an identity id with GetId and no logins: a guest (unauthenticated) identity.'
      : `The app asks the identity pool for ${me ?? 'the user'}'s identity id with GetId, presenting the ID token under the key ${Object.keys(logins!)[0]}.`,
    () => s.identity.call<{ IdentityId: string }>('GetId', { IdentityPoolId: poolId, ...(logins ? { Logins: logins } : {}) }),
  );
  if (!got.ok) return;
  const own = got.output.IdentityId;
  s.identities.push({ id: own, ...(me !== undefined ? { owner: me } : {}) });
  const presented = other ?? own;
  const result = await step(
    session,
    index,
    other ? 'GetCredentialsForIdentity (another identity)' : 'GetCredentialsForIdentity',
    other
      ? `Break it: the app calls GetCredentialsForIdentity with another user's identity id ${other}${logins ? ` and ${me ?? 'its own user'}'s own ID token` : ' and no logins'}.`
      : `The app trades the identity id${logins ? ' and the ID token' : ''} for temporary AWS credentials with GetCredentialsForIdentity: the identity pool picks the role and STS issues the credentials.`,
    () =>
      s.identity.call<{ IdentityId: string; Credentials: { AccessKeyId: string; SecretKey: string; SessionToken: string; Expiration?: number | string } }>('GetCredentialsForIdentity', {
        IdentityId: presented,
        ...(logins ? { Logins: logins } : {}),
      }),
  );
  if (!result.ok) return;
  const c = result.output.Credentials;
  s.identityId = result.output.IdentityId ?? presented;
  s.credentials = {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretKey,
    sessionToken: c.SessionToken,
    ...(c.Expiration !== undefined ? { expiration: typeof c.Expiration === 'number' ? new Date(c.Expiration * 1000).toISOString() : String(c.Expiration) } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// API Gateway

/** The token with one claim changed (cognito:groups gains admins) and the original signature kept. */
export function tamperToken(token: string): string {
  const [header = '', payload = '', signature = ''] = token.split('.');
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(utf8.decode(fromBase64Url(payload))) as Record<string, unknown>;
  } catch {
    return `${header}.${payload}x.${signature}`;
  }
  const groups = Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as unknown[]).map(String) : [];
  claims['cognito:groups'] = groups.includes('admins') ? [...groups, 'owners'] : [...groups, 'admins'];
  return `${header}.${toBase64Url(utf8.encode(JSON.stringify(claims)))}.${signature}`;
}

async function callTheApi(session: SandboxSession, index: number, action: Extract<SandboxAction, { kind: 'call-api' }>): Promise<void> {
  const api = action.api ? session.summary.restApis.find((a) => a.name === action.api) : session.summary.restApis[0];
  if (!api) throw new CannotRun(action.api ? `This world has no REST API called ${action.api}.` : 'This world has no REST API to call.');
  const path = action.path.startsWith('/') ? action.path : `/${action.path}`;
  const url = `${api.invokeUrl}${path}`;
  const s = session.state;
  const fault = action.fault;
  if (fault === 'clock-skew' && action.auth !== 'sigv4') throw new CannotRun('A skewed clock matters only to a signed request: choose SigV4 to break it this way.');
  if ((fault === 'tampered-claim' || fault === 'swapped-token') && (action.auth === 'sigv4' || action.auth === 'none')) {
    throw new CannotRun(`${fault === 'tampered-claim' ? 'Tampering with a claim' : 'Swapping the tokens'} needs a token in the Authorization header: choose the ID token or the access token.`);
  }
  let headers: Record<string, string> = {};
  let credentials: Credentials | undefined;
  let intro: string;
  if (action.auth === 'id-token' || action.auth === 'access-token') {
    const tokens = signedInTokens(session, 'Calling the API with a token');
    const wanted = action.auth === 'id-token' ? tokens.idToken : tokens.accessToken;
    const swapped = action.auth === 'id-token' ? tokens.accessToken : tokens.idToken;
    const token = fault === 'swapped-token' ? swapped : fault === 'tampered-claim' ? tamperToken(wanted) : wanted;
    headers = { authorization: token };
    const kind = action.auth === 'id-token' ? 'ID token' : 'access token';
    intro =
      fault === 'swapped-token'
        ? `Break it: the app calls ${action.method} ${path} with the ${action.auth === 'id-token' ? 'access token' : 'ID token'} in the Authorization header, where the ${kind} is expected.`
        : fault === 'tampered-claim'
          ? `Break it: the app edits its ${kind}, adding a group to cognito:groups, keeps the original signature, and calls ${action.method} ${path} with it.`
          : `The app calls ${action.method} ${path} with the ${kind} in the Authorization header.`;
  } else if (action.auth === 'sigv4') {
    if (!s.credentials) throw new CannotRun('A SigV4-signed call needs AWS credentials: get credentials from the identity pool first.');
    credentials = s.credentials;
    intro =
      fault === 'clock-skew'
        ? `Break it: the app signs ${action.method} ${path} with SigV4 using a clock 20 minutes behind the real time.`
        : `The app signs ${action.method} ${path} with SigV4 (service execute-api) using its temporary AWS credentials.`;
  } else {
    intro = `The app calls ${action.method} ${path} with no Authorization header.`;
  }
  await step(session, index, `${action.method} ${path}`, intro, () =>
    callApi(session.sim.fetch, {
      method: action.method,
      url,
      headers,
      ...(credentials ? { credentials, region: session.summary.region, now: session.sim.clock.now() + (fault === 'clock-skew' ? CLOCK_SKEW_MS : 0) } : {}),
      from: 'app',
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// DynamoDB

const asAttributes = (values: Record<string, string>): Record<string, { S: string }> => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { S: String(v) }]));

async function dynamo(session: SandboxSession, index: number, action: Extract<SandboxAction, { kind: 'dynamodb' }>): Promise<void> {
  const s = session.state;
  if (!s.credentials || !s.identityId) throw new CannotRun('DynamoDB needs signed requests: get AWS credentials from the identity pool first.');
  const credentials = s.credentials;
  const table = session.doc.world.tables.find((t) => t.name === action.table);
  const partitionKey = table?.partitionKey.name;
  const owner = action.fault === 'other-owner' ? await ensureOtherIdentity(session, index, s.identities.find((i) => i.id === s.identityId)?.owner ?? s.username) : s.identityId;
  const withOwner = (values: Record<string, string> | undefined): Record<string, string> => {
    const out = { ...(values ?? {}) };
    if (partitionKey && (action.fault === 'other-owner' || out[partitionKey] === undefined || out[partitionKey] === '')) out[partitionKey] = owner;
    return out;
  };
  let input: Record<string, unknown>;
  let what: string;
  switch (action.operation) {
    case 'GetItem':
    case 'DeleteItem': {
      const key = withOwner(action.key);
      input = { TableName: action.table, Key: asAttributes(key) };
      what = `the item with the key ${JSON.stringify(key)}`;
      break;
    }
    case 'PutItem': {
      const item = withOwner({ ...(action.key ?? {}), ...(action.item ?? {}) });
      input = { TableName: action.table, Item: asAttributes(item) };
      what = `the item ${JSON.stringify(item)}`;
      break;
    }
    case 'Query': {
      const name = partitionKey ?? Object.keys(action.key ?? {})[0];
      if (!name) throw new CannotRun(`The sandbox does not know the table ${action.table}'s partition key: name it in the key.`);
      const value = withOwner(action.key)[name] ?? owner;
      input = { TableName: action.table, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': name }, ExpressionAttributeValues: { ':pk': { S: value } } };
      what = `the items whose ${name} is ${value}`;
      break;
    }
    default: {
      const unknown: never = action.operation;
      throw new CannotRun(`The sandbox does not know the DynamoDB operation ${String(unknown)}.`);
    }
  }
  const intro =
    action.fault === 'other-owner'
      ? `Break it: the app signs a ${action.operation} on ${action.table} for ${what}, in another user's partition (${owner}), with its own credentials.`
      : action.fault === 'clock-skew'
        ? `Break it: the app signs a ${action.operation} on ${action.table} for ${what} with a clock 20 minutes behind the real time.`
        : `The app signs a ${action.operation} on ${action.table} for ${what} with its temporary AWS credentials.`;
  const client = action.fault === 'clock-skew' ? s.skewedDynamodb : s.dynamodb;
  await step(session, index, `${action.operation} ${action.table}`, intro, () => client.call(action.operation, input, { credentials }));
}
