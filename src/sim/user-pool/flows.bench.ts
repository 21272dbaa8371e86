// How fast the simulator itself is: hand-built AWS JSON requests straight to sim.fetch (no SDK), so
// the figures are the simulator's. Run with `npm run bench` (vitest bench --run).
//   (a) sign-up → confirm (code from sim.messages()) → sign-in, on one simulator: hz = flows per second;
//   (b) createSimulator() with the default world;
//   (c) the first sign-in on a fresh simulator: it generates the pool's two RSA-2048 keys;
//   (d) for contrast, a sign-in on a simulator whose keys already exist.
import { bench, describe } from 'vitest';
import { createSimulator, DEMO_PASSWORDS, type Simulator } from '../index';

const ENDPOINT = 'https://cognito-idp.us-east-1.amazonaws.com/';
const START = Date.UTC(2026, 0, 1, 12);

function request(operation: string, body: unknown): Request {
  return new Request(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify(body),
  });
}

/** Sends one operation; a non-200 answer fails the benchmark instead of timing an error path. */
async function send(sim: Simulator, operation: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await sim.fetch(request(operation, body));
  const out = (await res.json()) as Record<string, unknown>;
  if (res.status !== 200) throw new Error(`${operation} answered ${res.status}: ${JSON.stringify(out)}`);
  return out;
}

const webClientOf = (sim: Simulator) => sim.describe().userPools[0]!.clients.find((c) => c.name === 'web')!.clientId;

const signInAlice = (sim: Simulator, clientId: string) =>
  send(sim, 'InitiateAuth', { ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: DEMO_PASSWORDS.alice } });

// One long-lived simulator whose signing keys exist already (the first sign-in generated them).
const warm = await createSimulator({ seed: 1, startTime: START });
const warmClient = webClientOf(warm);
await signInAlice(warm, warmClient);

let flows = 0;

describe('(a) user flows on one simulator (hz = flows per second)', () => {
  bench(
    'sign-up → confirm → sign-in (SignUp, ConfirmSignUp, InitiateAuth USER_PASSWORD_AUTH)',
    async () => {
      const username = `user${++flows}`;
      const password = 'Flow#Passw0rd1';
      await send(warm, 'SignUp', { ClientId: warmClient, Username: username, Password: password, UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }] });
      const code = warm.messages().at(-1)!.code!;
      await send(warm, 'ConfirmSignUp', { ClientId: warmClient, Username: username, ConfirmationCode: code });
      const out = await send(warm, 'InitiateAuth', { ClientId: warmClient, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password } });
      if (!(out.AuthenticationResult as { IdToken?: string } | undefined)?.IdToken) throw new Error('the sign-in returned no tokens');
    },
    { time: 1500 },
  );
});

describe('(b) creating a simulator', () => {
  let seed = 1000;
  bench('createSimulator() with the default world', async () => {
    await createSimulator({ seed: ++seed, startTime: START });
  });
});

describe('(c, d) signing in: a fresh simulator (RSA key generation) versus a warm one', () => {
  // Fresh simulators are made before each timed phase, so only the sign-in itself is timed.
  let fresh: Simulator[] = [];
  let seed = 5000;
  const RUNS = 12;
  const WARMUP = 2;
  bench(
    'first sign-in on a fresh simulator (generates the pool’s two RSA-2048 keys)',
    async () => {
      const sim = fresh.pop();
      if (!sim) throw new Error('no fresh simulator left: the iteration count and the setup disagree');
      await signInAlice(sim, webClientOf(sim));
    },
    {
      time: 0,
      iterations: RUNS,
      warmupTime: 0,
      warmupIterations: WARMUP,
      setup: async (_task, mode) => {
        const count = mode === 'warmup' ? WARMUP : RUNS;
        fresh = await Promise.all(Array.from({ length: count }, () => createSimulator({ seed: ++seed, startTime: START })));
      },
    },
  );

  bench('sign-in on a warm simulator (keys already generated)', async () => {
    await signInAlice(warm, warmClient);
  });
});
