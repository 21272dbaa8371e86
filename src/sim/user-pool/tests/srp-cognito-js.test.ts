// amazon-cognito-identity-js, the library Amplify grew from, signs in against the simulated pool with its default
// flow, USER_SRP_AUTH: its own SRP arithmetic (jsbn BigInteger, its own TIMESTAMP from the Date it sees) must
// agree with the pool's to the bit, and the tokens it gets must pass aws-jwt-verify. Its requests go to sim.fetch
// (globalThis.fetch is swapped for the test) and Date is held at the simulator's virtual time.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession } from 'amazon-cognito-identity-js';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { DEMO_PASSWORDS } from '../../index';
import { learnerLab, worldWith, type LearnerLab } from '../../../testing/user-pool-harness';

const realFetch = globalThis.fetch;
let lab: LearnerLab;

/** Every fetch of the library goes to the simulator, as the app's browser would send it to Cognito. */
function routeFetchTo(target: LearnerLab) {
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => target.sim.fetch(new Request(input, init))) as typeof fetch;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(target.sim.clock.now());
}

beforeEach(async () => {
  lab = await learnerLab();
  routeFetchTo(lab);
});

afterEach(() => {
  globalThis.fetch = realFetch;
  vi.useRealTimers();
});

interface LibraryError {
  code: string;
  name: string;
  message: string;
}

function authenticate(target: LearnerLab, username: string, password: string): Promise<CognitoUserSession> {
  const pool = new CognitoUserPool({ UserPoolId: target.poolId, ClientId: target.web });
  const user = new CognitoUser({ Username: username, Pool: pool });
  return new Promise((resolve, reject) =>
    user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
      onSuccess: resolve,
      onFailure: reject,
      newPasswordRequired: () => reject(new Error('unexpected NEW_PASSWORD_REQUIRED')),
      mfaRequired: () => reject(new Error('unexpected SMS_MFA')),
      totpRequired: () => reject(new Error('unexpected SOFTWARE_TOKEN_MFA')),
    }),
  );
}

async function failure(call: Promise<unknown>): Promise<Pick<LibraryError, 'code' | 'message'>> {
  try {
    await call;
  } catch (error) {
    const { code, message } = error as LibraryError;
    return { code, message };
  }
  throw new Error('expected the sign-in to fail');
}

async function jwksOf(target: LearnerLab): Promise<Jwks> {
  const res = await target.sim.fetch(new Request(`https://cognito-idp.us-east-1.amazonaws.com/${target.poolId}/.well-known/jwks.json`));
  return (await res.json()) as Jwks;
}

describe('amazon-cognito-identity-js against the simulated pool', () => {
  it('signs alice in with its default flow, USER_SRP_AUTH, and gets tokens aws-jwt-verify accepts', async () => {
    const session = await authenticate(lab, 'alice', DEMO_PASSWORDS.alice);
    const calls = lab.sim.trace().map((x) => x.operation);
    expect(calls).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    expect(JSON.parse(lab.sim.trace()[0]!.request.body!)).toMatchObject({ AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'alice' } });
    expect(lab.sim.trace().every((x) => !x.request.body!.includes(DEMO_PASSWORDS.alice))).toBe(true);

    const jwks = await jwksOf(lab);
    const idVerifier = CognitoJwtVerifier.create({ userPoolId: lab.poolId, tokenUse: 'id', clientId: lab.web });
    const accessVerifier = CognitoJwtVerifier.create({ userPoolId: lab.poolId, tokenUse: 'access', clientId: lab.web });
    idVerifier.cacheJwks(jwks);
    accessVerifier.cacheJwks(jwks);
    const id = await idVerifier.verify(session.getIdToken().getJwtToken());
    const access = await accessVerifier.verify(session.getAccessToken().getJwtToken());
    expect(id).toMatchObject({ 'cognito:username': 'alice', email: 'alice@example.com', token_use: 'id' });
    expect(access).toMatchObject({ username: 'alice', client_id: lab.web, token_use: 'access' });
    expect(session.getRefreshToken().getToken().split('.')).toHaveLength(5);
    expect(session.isValid()).toBe(true);
  });

  it('signs in by the verified e-mail alias, hashing the password with the USER_ID_FOR_SRP the pool names', async () => {
    const session = await authenticate(lab, 'alice@example.com', DEMO_PASSWORDS.alice);
    expect(session.getIdToken().payload['cognito:username']).toBe('alice');
  });

  it('fails with NotAuthorizedException for a wrong password', async () => {
    expect(await failure(authenticate(lab, 'alice', 'Wrong#Passw0rd1'))).toEqual({ code: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    // The pool did issue the challenge: the proof failed at the second step.
    expect(lab.sim.trace().map((x) => x.response.status)).toEqual([200, 400]);
  });

  it('fails the same way for a user who does not exist, after a made-up challenge', async () => {
    expect(await failure(authenticate(lab, 'nobody', 'Any#Passw0rd1'))).toEqual({ code: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    expect(lab.sim.trace().map((x) => x.response.status)).toEqual([200, 400]);
  });

  it('is told UserNotFoundException at once when the client is LEGACY', async () => {
    const legacy = await learnerLab({ world: worldWith((p) => void (p.clients[0]!.preventUserExistenceErrors = 'LEGACY')) });
    routeFetchTo(legacy);
    expect(await failure(authenticate(legacy, 'nobody', 'Any#Passw0rd1'))).toEqual({ code: 'UserNotFoundException', message: 'User does not exist.' });
  });

  it('fails when its clock is far from the pool’s: the TIMESTAMP it signs is checked', async () => {
    vi.setSystemTime(lab.sim.clock.now() + 20 * 60_000);
    expect(await failure(authenticate(lab, 'alice', DEMO_PASSWORDS.alice))).toEqual({ code: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });
});
