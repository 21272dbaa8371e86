// SRP versus USER_PASSWORD_AUTH: the same user signs in twice. Once with her password in the request body, once
// with Secure Remote Password, where the app proves it knows the password without ever sending it.
import { answerPasswordVerifier, startSrpClient, type PasswordVerifierChallenge } from '../../lib/srp/client-half';
import type { Scenario } from './types';
import { SCENARIO_START, responseJson } from './helpers';
import { DEMO } from './demo-users';

/**
 * The app's secret a. A real app draws it from crypto.getRandomValues for every sign-in; the scenario fixes it so
 * that it replays identically (everything the pool chooses comes from the simulator's seed).
 */
const SECRET_A = Uint8Array.from({ length: 128 }, (_, i) => (i * 73 + 41) & 0xff);

export const srpVsPassword: Scenario = {
  id: 'srp-vs-password',
  title: 'SRP versus USER_PASSWORD_AUTH',
  goal: 'Sign the same user in twice: once sending her password, once with Secure Remote Password, where the password never leaves the app.',
  level: 'intermediate',
  services: ['User pool'],
  minutes: 6,
  seed: 420,
  startTime: SCENARIO_START,
  outcome: 'Alice signed in with SRP: the pool checked a signature made from her password and issued tokens, and neither request of the SRP sign-in carried the password.',
  check: (last) =>
    last.operation === 'RespondToAuthChallenge' &&
    last.response.status === 200 &&
    'AuthenticationResult' in responseJson(last) &&
    !(last.request.body ?? '').includes(DEMO.alice.password) &&
    last.notes.some((n) => n.kind === 'srp' && n.step === 'verify' && n.outcome === 'ok'),
  async script(ctx) {
    const pool = ctx.world.userPools[0]!;
    const web = pool.clients.find((c) => c.name === 'web')!;
    const { username, password } = DEMO.alice;

    await ctx.step(
      {
        title: 'Sign in with USER_PASSWORD_AUTH',
        narration: `Alice's app calls InitiateAuth with AuthFlow USER_PASSWORD_AUTH. Open the HTTP tab: the request body carries USERNAME and PASSWORD, her password in plain text. Only TLS protects it on the way, and Cognito receives it as typed. The pool recomputes its stored SRP verifier from the password and the salt, finds a match and issues tokens.`,
        examTip: 'USER_PASSWORD_AUTH (and ADMIN_USER_PASSWORD_AUTH from a back end) send the password to Cognito. Each flow must be enabled on the app client (ALLOW_USER_PASSWORD_AUTH); it is needed, for example, when a user migration Lambda trigger must see the password.',
      },
      () => ctx.idp.call('InitiateAuth', { ClientId: web.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password } }),
    );

    const client = startSrpClient(SECRET_A);
    const started = await ctx.step(
      {
        title: 'Start SRP: send SRP_A',
        narration: 'Now the app signs Alice in with USER_SRP_AUTH. It picks a secret random number a, keeps it, and sends only USERNAME and SRP_A = g^a mod N, a 3072-bit number from which neither a nor the password can be worked out. The pool answers with the PASSWORD_VERIFIER challenge: the SALT it stored for her, its own public number SRP_B (made from the stored verifier and a secret b), a SECRET_BLOCK naming this attempt, and USER_ID_FOR_SRP.',
        examTip: 'USER_SRP_AUTH is the default flow of the AWS Amplify libraries and amazon-cognito-identity-js. The app client must allow ALLOW_USER_SRP_AUTH, or InitiateAuth is refused.',
      },
      () => ctx.idp.call<{ ChallengeParameters: PasswordVerifierChallenge }>('InitiateAuth', { ClientId: web.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: username, SRP_A: client.srpA } }),
    );
    const challenge = started.ok ? started.output.ChallengeParameters : { SRP_B: '1', SALT: '1', SECRET_BLOCK: '', USER_ID_FOR_SRP: username };
    const answer = await answerPasswordVerifier(client, pool.id, password, challenge, ctx.now());

    await ctx.step(
      {
        title: 'Prove the password: PASSWORD_VERIFIER',
        narration: 'From the password, the salt, SRP_B and its secret a, the app computes a session key, and with it signs the pool name, USER_ID_FOR_SRP, the SECRET_BLOCK and a TIMESTAMP. It sends RespondToAuthChallenge with PASSWORD_CLAIM_SIGNATURE, PASSWORD_CLAIM_SECRET_BLOCK and TIMESTAMP: again no password in the body. The pool derives the same key from its verifier and its secret b; the signatures match only if the app used the right password, so the pool issues the tokens.',
        examTip: 'With SRP an attacker who reads the traffic, or the pool\'s stored verifiers, still does not learn the password. Both flows end in the same three tokens.',
      },
      () => ctx.idp.call('RespondToAuthChallenge', { ClientId: web.clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: answer }),
    );
  },
};
