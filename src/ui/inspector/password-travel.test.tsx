// The HTTP tab says whether a Cognito sign-in request carries the password or only SRP values, on the real
// exchanges of the srp-vs-password scenario and on a few hand-made requests.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { createSimulator, defaultWorld, type Exchange, type RecordedRequest } from '../../sim/index';
import { runScenario } from '../../content/scenarios/run';
import { srpVsPassword } from '../../content/scenarios/srp-vs-password';
import { Inspector } from './inspector';
import { passwordTravel } from './password-travel';

let passwordSignIn: Exchange;
let srpStart: Exchange;
let srpProof: Exchange;

beforeAll(async () => {
  const run = await runScenario(srpVsPassword, createSimulator, defaultWorld);
  const [a, b, c] = run.steps.map((s) => run.trace.find((x) => x.id === s.exchangeId)!);
  [passwordSignIn, srpStart, srpProof] = [a!, b!, c!];
});

function showHttp(exchange: Exchange) {
  render(<Inspector exchange={exchange} nested={[]} verifyToken={vi.fn(async () => ({ status: 'valid' as const, kid: 'k', issuer: 'i' }))} />);
  return screen.getByRole('tabpanel', { name: 'HTTP' });
}

const note = (panel: HTMLElement) => within(panel).queryByRole('note', { name: 'Password on the wire' });

describe('The HTTP tab of a Cognito sign-in request', () => {
  it('says the password is in the body of a USER_PASSWORD_AUTH request', () => {
    const found = note(showHttp(passwordSignIn));
    expect(found).toHaveTextContent('The password is in this request.');
    expect(found).toHaveTextContent('PASSWORD (USER_PASSWORD_AUTH)');
    expect(found).toHaveTextContent('only TLS protects it');
  });

  it('says an SRP request carries no password, only SRP values, at both steps', () => {
    const start = note(showHttp(srpStart));
    expect(start).toHaveTextContent('No password in this request.');
    expect(start).toHaveTextContent('SRP values (SRP_A) (USER_SRP_AUTH)');
    expect(start).toHaveTextContent('the password never leaves the app');
  });

  it('lists the claim signature, SECRET_BLOCK and TIMESTAMP of the PASSWORD_VERIFIER answer', () => {
    const proof = note(showHttp(srpProof));
    expect(proof).toHaveTextContent('No password in this request.');
    expect(proof).toHaveTextContent('PASSWORD_CLAIM_SIGNATURE, PASSWORD_CLAIM_SECRET_BLOCK, TIMESTAMP');
    expect(proof).toHaveTextContent('(PASSWORD_VERIFIER)');
  });

  it('says nothing about requests that are not password sign-ins', () => {
    const refresh: Exchange = {
      ...passwordSignIn,
      id: 'refresh',
      request: { ...passwordSignIn.request, body: JSON.stringify({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: 'c', AuthParameters: { REFRESH_TOKEN: 'r' } }) },
    };
    expect(note(showHttp(refresh))).toBeNull();
  });
});

describe('Reading a request for a password', () => {
  const request = (target: string | undefined, body: unknown): RecordedRequest => ({
    method: 'POST',
    url: 'https://cognito-idp.us-east-1.amazonaws.com/',
    headers: target ? { 'X-Amz-Target': target } : {},
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

  it('finds NEW_PASSWORD in a challenge answer and PASSWORD in an administrator’s sign-in', () => {
    expect(passwordTravel(request('AWSCognitoIdentityProviderService.RespondToAuthChallenge', { ChallengeName: 'NEW_PASSWORD_REQUIRED', ChallengeResponses: { USERNAME: 'dana', NEW_PASSWORD: 'x' } }))).toEqual({
      carries: 'password',
      operation: 'RespondToAuthChallenge',
      flow: 'NEW_PASSWORD_REQUIRED',
      fields: ['NEW_PASSWORD'],
    });
    expect(passwordTravel(request('AWSCognitoIdentityProviderService.AdminInitiateAuth', { AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'a', PASSWORD: 'x' } }))?.carries).toBe('password');
  });

  it('ignores other services, other operations, and bodies that are not JSON objects', () => {
    expect(passwordTravel(request('DynamoDB_20120810.PutItem', { AuthParameters: { PASSWORD: 'x' } }))).toBeUndefined();
    expect(passwordTravel(request('AWSCognitoIdentityProviderService.SignUp', { Username: 'a', Password: 'x' }))).toBeUndefined();
    expect(passwordTravel(request(undefined, { AuthParameters: { PASSWORD: 'x' } }))).toBeUndefined();
    expect(passwordTravel(request('AWSCognitoIdentityProviderService.InitiateAuth', '{not json'))).toBeUndefined();
    expect(passwordTravel(request('AWSCognitoIdentityProviderService.InitiateAuth', { AuthFlow: 'USER_SRP_AUTH' }))).toBeUndefined();
  });
});
