// Engine figures, in Node, with the real AWS SDK for JavaScript v3:
//   - the simulator's complete journey per second: SignUp, ConfirmSignUp (the code from sim.messages()),
//     InitiateAuth, GetId, GetCredentialsForIdentity, PutItem, Query and GET /profile on NotesApi;
//   - side by side, the same SDK calls for sign-up → confirm → sign-in against the simulator and against
//     cognito-local (its server started here on 127.0.0.1 on a free port, stopped after): flows per second,
//     and the time from a cold start to the first token.
// Usage: node .ci/bench/engine.mjs            (builds the Node bundle, prints JSON)
//        node .ci/bench/engine.mjs cold-sim   (internal: one cold start of the simulator in this fresh process)
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CognitoIdentityProviderClient, ConfirmSignUpCommand, CreateUserPoolClientCommand, CreateUserPoolCommand, InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { NODE_DIST, ROOT, buildNode } from './build.mjs';

// The SDK's notice that releases after January 2027 want Node 22 is not a figure.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const START = Date.UTC(2026, 0, 1, 12);
const PASSWORD = 'Bench#Passw0rd1';
const LOCAL_CODE = '123456';
const SELF = fileURLToPath(import.meta.url);

const load = (name) => import(pathToFileURL(join(NODE_DIST, `${name}.mjs`)).href);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs `once` repeatedly for `ms`; returns completed runs per second. */
async function perSecond(once, ms) {
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    await once();
    count++;
  }
  return count / ((performance.now() - start) / 1000);
}

// ---------- the simulator ----------

async function simulatorFixture(sim) {
  const { cognitoClient, cognitoIdentityClient, dynamoClient } = await load('sdk-handler');
  const world = sim.describe();
  const web = world.userPools[0].clients.find((c) => c.name === 'web').clientId;
  const providerKey = `cognito-idp.${world.region}.amazonaws.com/${world.userPools[0].id}`;
  const idp = cognitoClient(sim);
  const identity = cognitoIdentityClient(sim);
  let users = 0;
  /** SignUp → ConfirmSignUp (code from the simulated inbox) → InitiateAuth; returns the tokens. */
  async function signUpToSignIn() {
    const username = `bench${++users}`;
    await idp.send(new SignUpCommand({ ClientId: web, Username: username, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }] }));
    const code = sim.messages().at(-1).code;
    await idp.send(new ConfirmSignUpCommand({ ClientId: web, Username: username, ConfirmationCode: code }));
    const out = await idp.send(new InitiateAuthCommand({ ClientId: web, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD } }));
    if (!out.AuthenticationResult?.IdToken) throw new Error('the simulator returned no tokens');
    return out.AuthenticationResult;
  }
  async function journey() {
    const tokens = await signUpToSignIn();
    const Logins = { [providerKey]: tokens.IdToken };
    const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: world.identityPools[0].id, Logins }));
    const { Credentials } = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins }));
    const notes = dynamoClient(sim, { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretKey, sessionToken: Credentials.SessionToken });
    await notes.send(new PutItemCommand({ TableName: 'Notes', Item: { ownerId: { S: IdentityId }, noteId: { S: 'n1' }, body: { S: 'hello' } } }));
    const mine = await notes.send(new QueryCommand({ TableName: 'Notes', KeyConditionExpression: 'ownerId = :me', ExpressionAttributeValues: { ':me': { S: IdentityId } } }));
    if (mine.Items?.length !== 1) throw new Error('the Query did not return the note just written');
    const res = await sim.fetch(new Request(`${world.restApis[0].invokeUrl}/profile`, { headers: { Authorization: tokens.IdToken } }), { from: 'app' });
    if (res.status !== 200) throw new Error(`GET /profile answered ${res.status}`);
    await res.arrayBuffer();
  }
  return { signUpToSignIn, journey };
}

/** In this (fresh) process: load the simulator, create it, sign up, confirm and sign in; ms to the first token. */
async function coldSimulator() {
  const t0 = performance.now();
  const { createSimulator } = await load('sim');
  const sim = await createSimulator({ seed: 42, startTime: START });
  const { signUpToSignIn } = await simulatorFixture(sim);
  await signUpToSignIn();
  return performance.now() - t0;
}

function runChild(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SELF, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

// ---------- cognito-local ----------

/** A TCP port nobody listens on now, on 127.0.0.1 (for cognito-local here, and for `vite preview` in run.mjs). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const canConnect = (port) =>
  new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

/** Starts cognito-local in a fresh data folder; resolves once it accepts connections. */
async function startCognitoLocal() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'cognito-local-bench-'));
  // Its data lives in ./.cognito of its working folder; the config binds it to 127.0.0.1 and the port.
  mkdirSync(join(dir, '.cognito'), { recursive: true });
  writeFileSync(join(dir, '.cognito', 'config.json'), JSON.stringify({ ServerConfig: { hostname: '127.0.0.1', port }, UserPoolDefaults: { UsernameAttributes: [] }, TokenConfig: { IssuerDomain: `http://127.0.0.1:${port}` } }));
  const bin = join(ROOT, 'node_modules', 'cognito-local', 'lib', 'bin', 'start.js');
  // CODE fixes the confirmation code it would otherwise only print (its README, "Confirmation codes").
  const child = spawn(process.execPath, [bin], { cwd: dir, env: { ...process.env, PORT: String(port), CODE: LOCAL_CODE }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => (log = (log + d).slice(-4000)));
  child.stderr.on('data', (d) => (log = (log + d).slice(-4000)));
  let exited = false;
  child.on('exit', () => (exited = true));
  const deadline = performance.now() + 30_000;
  while (!(await canConnect(port))) {
    if (exited || performance.now() > deadline) throw new Error(`cognito-local did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  const stop = () =>
    new Promise((resolve) => {
      const done = () => {
        rmSync(dir, { recursive: true, force: true });
        resolve();
      };
      if (exited) return done();
      child.once('exit', done);
      child.kill('SIGTERM');
    });
  return { port, stop };
}

async function cognitoLocalFixture(port) {
  const idp = new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: `http://127.0.0.1:${port}`, credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
  const pool = await idp.send(new CreateUserPoolCommand({ PoolName: 'LearnerPool', AutoVerifiedAttributes: ['email'] }));
  const client = await idp.send(new CreateUserPoolClientCommand({ UserPoolId: pool.UserPool.Id, ClientName: 'web', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }));
  const web = client.UserPoolClient.ClientId;
  let users = 0;
  async function signUpToSignIn() {
    const username = `bench${++users}`;
    await idp.send(new SignUpCommand({ ClientId: web, Username: username, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }] }));
    await idp.send(new ConfirmSignUpCommand({ ClientId: web, Username: username, ConfirmationCode: LOCAL_CODE }));
    const out = await idp.send(new InitiateAuthCommand({ ClientId: web, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD } }));
    if (!out.AuthenticationResult?.IdToken) throw new Error('cognito-local returned no tokens');
    return out.AuthenticationResult;
  }
  return { signUpToSignIn, close: () => idp.destroy() };
}

// ---------- the whole engine section ----------

/** A cold start of cognito-local: spawn, wait for its port, create a pool and a client, sign up, confirm, sign in. */
async function coldCognitoLocal() {
  const t0 = performance.now();
  const server = await startCognitoLocal();
  try {
    const fixture = await cognitoLocalFixture(server.port);
    await fixture.signUpToSignIn();
    const elapsed = performance.now() - t0;
    fixture.close();
    return elapsed;
  } finally {
    await server.stop();
  }
}

/**
 * The machine may be shared, so the two sides are measured in alternation, ROUNDS times each, and the
 * figures are medians; the ratios are medians of each round's ratio (both sides of a round ran under the
 * same conditions).
 */
const ROUNDS = 5;
const WINDOW_MS = 1000;

export async function runEngineBench({ build = true, log = () => {} } = {}) {
  if (build) await buildNode();
  const { createSimulator } = await load('sim');

  log(`engine: cold starts, the simulator and cognito-local in turn (${ROUNDS} each)`);
  const simCold = [];
  const localCold = [];
  for (let round = 0; round < ROUNDS; round++) {
    simCold.push((await runChild(['cold-sim'])).ms);
    localCold.push(await coldCognitoLocal());
  }

  log(`engine: throughput, ${ROUNDS} rounds of ${WINDOW_MS} ms windows in turn`);
  const sim = await createSimulator({ seed: 7, startTime: START });
  const simFixture = await simulatorFixture(sim);
  const server = await startCognitoLocal();
  const journeys = [];
  const simFlows = [];
  const localFlows = [];
  try {
    const localFixture = await cognitoLocalFixture(server.port);
    for (let i = 0; i < 20; i++) {
      await simFixture.journey();
      await localFixture.signUpToSignIn();
    }
    for (let round = 0; round < ROUNDS; round++) {
      journeys.push(await perSecond(simFixture.journey, WINDOW_MS));
      simFlows.push(await perSecond(simFixture.signUpToSignIn, WINDOW_MS));
      localFlows.push(await perSecond(localFixture.signUpToSignIn, WINDOW_MS));
    }
    localFixture.close();
  } finally {
    await server.stop();
  }
  return {
    rounds: ROUNDS,
    journeysPerSecond: median(journeys),
    simFlowsPerSecond: median(simFlows),
    localFlowsPerSecond: median(localFlows),
    throughputRatio: median(simFlows.map((x, i) => x / localFlows[i])),
    simColdMs: median(simCold),
    localColdMs: median(localCold),
    coldRatio: median(localCold.map((x, i) => x / simCold[i])),
    samples: { journeys, simFlows, localFlows, simCold, localCold },
  };
}

if (process.argv[1] === SELF) {
  if (process.argv[2] === 'cold-sim') {
    process.stdout.write(JSON.stringify({ ms: await coldSimulator() }));
  } else {
    console.log(JSON.stringify(await runEngineBench({ log: (m) => console.error(m) }), null, 2));
  }
}
