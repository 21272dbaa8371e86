// The app's side of USER_SRP_AUTH for the SRP tests: src/lib/srp's client half driven through the real AWS SDK
// (InitiateAuth with SRP_A, then RespondToAuthChallenge with the claim signature), with hooks to spoil the answer.
import {
  AdminInitiateAuthCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  type CognitoIdentityProviderClient,
  type InitiateAuthCommandOutput,
  type RespondToAuthChallengeCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { answerPasswordVerifier, clientSessionKey, startSrpClient, type PasswordVerifierChallenge, type SrpClient } from '../../../lib/srp/client-half';
import { claimSignature } from '../../../lib/srp/claim';
import { parseHex, poolNameOf } from '../../../lib/srp/group';

export interface SrpLab {
  cognito: CognitoIdentityProviderClient;
  poolId: string;
  web: string;
  sim: { clock: { now(): number } };
}

export const newSrpClient = (): SrpClient => startSrpClient(crypto.getRandomValues(new Uint8Array(128)));

/** Step 1: InitiateAuth USER_SRP_AUTH (or, with `admin`, AdminInitiateAuth signed by the administrator). */
export async function srpInitiate(lab: SrpLab, username: string, options: { client?: SrpClient; clientId?: string; extra?: Record<string, string>; admin?: boolean } = {}) {
  const client = options.client ?? newSrpClient();
  const input = { ClientId: options.clientId ?? lab.web, AuthFlow: 'USER_SRP_AUTH' as const, AuthParameters: { USERNAME: username, SRP_A: client.srpA, ...options.extra } };
  const out: InitiateAuthCommandOutput = options.admin
    ? await lab.cognito.send(new AdminInitiateAuthCommand({ ...input, UserPoolId: lab.poolId }))
    : await lab.cognito.send(new InitiateAuthCommand(input));
  return { client, out, challenge: out.ChallengeParameters as unknown as PasswordVerifierChallenge & { USERNAME: string } };
}

/** Step 2: the PASSWORD_VERIFIER answer from this password, signed at `at` (default: the pool's clock), optionally altered. */
export async function srpRespond(
  lab: SrpLab,
  client: SrpClient,
  challenge: PasswordVerifierChallenge,
  password: string,
  options: { clientId?: string; at?: number; timestamp?: string; alter?: (responses: Record<string, string>) => Record<string, string>; session?: string } = {},
): Promise<RespondToAuthChallengeCommandOutput> {
  const responses: Record<string, string> =
    options.timestamp === undefined
      ? await answerPasswordVerifier(client, lab.poolId, password, challenge, options.at ?? lab.sim.clock.now())
      : await signedWith(lab.poolId, client, challenge, password, options.timestamp);
  return lab.cognito.send(new RespondToAuthChallengeCommand({
    ClientId: options.clientId ?? lab.web,
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeResponses: options.alter ? options.alter(responses) : responses,
    ...(options.session ? { Session: options.session } : {}),
  }));
}

/** Both steps with one password. */
export async function srpSignIn(lab: SrpLab, username: string, password: string): Promise<RespondToAuthChallengeCommandOutput> {
  const { client, challenge } = await srpInitiate(lab, username);
  return srpRespond(lab, client, challenge, password);
}

/** An answer signed over a TIMESTAMP text of the test's choosing (the library always writes the canonical form). */
async function signedWith(poolId: string, client: SrpClient, challenge: PasswordVerifierChallenge, password: string, TIMESTAMP: string) {
  const userId = challenge.USER_ID_FOR_SRP;
  const key = await clientSessionKey(client, poolId, userId, password, parseHex(challenge.SRP_B)!, parseHex(challenge.SALT)!);
  const PASSWORD_CLAIM_SIGNATURE = await claimSignature(key, poolNameOf(poolId), userId, challenge.SECRET_BLOCK, TIMESTAMP);
  return { USERNAME: userId, PASSWORD_CLAIM_SECRET_BLOCK: challenge.SECRET_BLOCK, TIMESTAMP, PASSWORD_CLAIM_SIGNATURE };
}
