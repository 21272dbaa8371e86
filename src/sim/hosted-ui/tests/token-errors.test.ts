// Every refusal of POST /oauth2/token, with its exact status and body: HTTP 400 and {"error": …} only
// [V COGDOC token-endpoint.md] — invalid_request, invalid_client, invalid_grant (reused, expired or made-up code, PKCE
// mismatch, redirect URI different from the one at /oauth2/authorize), unauthorized_client, unsupported_grant_type.
import { describe, expect, it } from 'vitest';
import { AdminDisableUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { defaultWorld } from '../../index';
import { cognitoClient } from '../../../testing/sdk-handler';
import { bodyOf, Browser, CALLBACK, codeFor, hostedLab, MINUTE, pkcePair, type HostedLab } from './hosted-ui.testkit';

async function refused(response: Promise<Response>, error: string, status = 400) {
  const res = await response;
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8');
  expect(await bodyOf(res)).toEqual({ error });
}

/** A fresh code for the web client, and the form that would redeem it. */
async function fresh(lab: HostedLab, params: Record<string, string | undefined> = {}) {
  const { code, verifier } = await codeFor(lab, new Browser(lab.sim), params);
  return { grant_type: 'authorization_code', client_id: lab.web, code, redirect_uri: CALLBACK, code_verifier: verifier };
}

const lastReason = (lab: HostedLab) => lab.sim.trace().at(-1)!.notes.filter((n) => n.kind === 'oauth' && n.outcome === 'refused').map((n) => n.summary)[0];

describe('When the request itself is malformed', () => {
  it('refuses a missing or repeated grant_type and a body that is not a form', async () => {
    const lab = await hostedLab();
    await refused(lab.token({ client_id: lab.web }), 'invalid_request');
    await refused(lab.sim.fetch(new Request(`${lab.domain}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials&grant_type=client_credentials' })), 'invalid_request');
    await refused(lab.token({ grant_type: 'authorization_code', client_id: lab.web }, { contentType: 'application/json' }), 'invalid_request');
  });

  it('refuses the password grant and any other unknown grant', async () => {
    const lab = await hostedLab();
    await refused(lab.token({ grant_type: 'password', client_id: lab.web, username: 'alice', password: 'Alice#Passw0rd' }), 'unsupported_grant_type');
  });

  it('refuses a code grant without code or redirect_uri', async () => {
    const lab = await hostedLab();
    const form = await fresh(lab);
    await refused(lab.token({ ...form, code: '' }), 'invalid_request');
    const { redirect_uri: _dropped, ...withoutRedirect } = form;
    await refused(lab.token(withoutRedirect), 'invalid_request');
    expect((await lab.token(form)).status).toBe(200); // neither refusal spent the code
  });
});

describe('When the client does not authenticate', () => {
  it('refuses an unknown client, a missing client, and a public client that sends a secret', async () => {
    const lab = await hostedLab();
    const form = await fresh(lab);
    await refused(lab.token({ ...form, client_id: 'nosuchclient0000000000000' }), 'invalid_client');
    const { client_id: _dropped, ...anonymous } = form;
    await refused(lab.token(anonymous), 'invalid_client');
    await refused(lab.token({ ...form, client_secret: 'guess' }), 'invalid_client');
  });

  it('refuses a client with a secret that sends none, a wrong one, or a malformed Basic header — with 400, as Cognito documents', async () => {
    const lab = await hostedLab();
    const form = { grant_type: 'client_credentials' };
    await refused(lab.token({ ...form, client_id: lab.reportsJob }), 'invalid_client');
    await refused(lab.token(form, { basic: [lab.reportsJob, 'wrong-secret'] }), 'invalid_client');
    await refused(lab.token({ ...form, client_id: lab.reportsJob, client_secret: 'wrong-secret' }), 'invalid_client');
    await refused(lab.sim.fetch(new Request(`${lab.domain}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Basic bm8tY29sb24taGVyZQ==' }, body: 'grant_type=client_credentials' })), 'invalid_client');
    await refused(lab.token({ ...form, client_id: lab.web }, { basic: [lab.reportsJob, lab.reportsSecret] }), 'invalid_client');
    expect(lastReason(lab)).toMatch(/^client_id .* in the body is not the client .* of the Authorization header\./);
  });
});

describe('When the client may not use the grant', () => {
  it('refuses client credentials to a public client and to a client not allowed them', async () => {
    const lab = await hostedLab();
    await refused(lab.token({ grant_type: 'client_credentials', client_id: lab.web }), 'unauthorized_client');
    await refused(lab.token({ grant_type: 'client_credentials' }, { basic: [lab.alb, lab.albSecret] }), 'unauthorized_client');
  });

  it('refuses the code grant to a client not allowed it', async () => {
    const lab = await hostedLab();
    await refused(lab.token({ grant_type: 'authorization_code', code: 'x', redirect_uri: CALLBACK }, { basic: [lab.reportsJob, lab.reportsSecret] }), 'unauthorized_client');
  });

  it('answers unauthorized_client for a redirect_uri the client never registered, as observed on AWS, and keeps the code', async () => {
    const lab = await hostedLab();
    const form = await fresh(lab);
    await refused(lab.token({ ...form, redirect_uri: `${CALLBACK}/` }), 'unauthorized_client');
    expect((await lab.token(form)).status).toBe(200);
  });
});

describe('When the code is not good', () => {
  it('refuses a made-up code, a code of another client, and a reused one', async () => {
    const lab = await hostedLab();
    const form = await fresh(lab);
    await refused(lab.token({ ...form, code: '3f2a9c1e-0000-4000-8000-000000000000' }), 'invalid_grant');
    await refused(lab.token({ grant_type: 'authorization_code', code: form.code, redirect_uri: lab.albCallback }, { basic: [lab.alb, lab.albSecret] }), 'invalid_grant');
    expect(lastReason(lab)).toMatch(/issued to another app client/);
    expect((await lab.token(form)).status).toBe(200);
    await refused(lab.token(form), 'invalid_grant');
    expect(lastReason(lab)).toMatch(/used already/);
  });

  it('refuses a code after its 5 minutes on the virtual clock', async () => {
    const lab = await hostedLab();
    const late = await fresh(lab);
    lab.sim.clock.advance(5 * MINUTE);
    await refused(lab.token(late), 'invalid_grant');
    expect(lastReason(lab)).toMatch(/expired/);
    const inTime = await fresh(lab);
    lab.sim.clock.advance(5 * MINUTE - 1);
    expect((await lab.token(inTime)).status).toBe(200);
  });

  it('refuses a wrong, malformed or missing code_verifier, and spends the code', async () => {
    const lab = await hostedLab();
    const other = await pkcePair('b');
    for (const verifier of [other.verifier, 'short', undefined]) {
      const form = await fresh(lab);
      const { code_verifier: _right, ...rest } = form;
      await refused(lab.token(verifier === undefined ? rest : { ...rest, code_verifier: verifier }), 'invalid_grant');
      expect(lab.sim.trace().at(-1)!.notes.find((n) => n.kind === 'oauth' && n.outcome === 'refused')).toMatchObject({ step: 'pkce', error: 'invalid_grant' });
      await refused(lab.token(form), 'invalid_grant');
    }
  });

  it('refuses a redirect_uri other than the one the code was issued for, even a registered one (invalid_grant)', async () => {
    const world = structuredClone(defaultWorld);
    world.userPools[0]!.clients[0]!.callbackUrls = [CALLBACK, 'https://app.learner-lab.example/other'];
    const lab = await hostedLab({ world });
    const form = await fresh(lab);
    await refused(lab.token({ ...form, redirect_uri: 'https://app.learner-lab.example/other' }), 'invalid_grant');
    expect(lastReason(lab)).toMatch(/must be the one sent to \/oauth2\/authorize/);
  });

  it('refuses the code of a user disabled since', async () => {
    const lab = await hostedLab();
    const form = await fresh(lab);
    await cognitoClient(lab.sim).send(new AdminDisableUserCommand({ UserPoolId: lab.poolId, Username: 'alice' }));
    await refused(lab.token(form), 'invalid_grant');
  });
});
