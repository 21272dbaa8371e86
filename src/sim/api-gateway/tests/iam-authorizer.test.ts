// GET /reports with AWS_IAM: requests signed by the AWS SDK's own signer with identity-pool credentials got
// through the real enhanced flow; a wrong secret, a guest, a stale signature and a JWT are refused as AWS does.
import { describe, expect, it } from 'vitest';
import { claimsOf, gatewayLab, MINUTE, type GatewayLab } from '../../../testing/api-gateway-harness';

async function credentialsOf(lab: GatewayLab, who: 'bob' | 'alice' | 'guest') {
  if (who === 'guest') {
    const identityId = await lab.getId();
    const { Credentials } = await lab.credentialsFor(identityId);
    return { identityId, tokens: undefined, keys: { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretKey!, sessionToken: Credentials!.SessionToken! } };
  }
  const flow = await lab.enhancedFlow(who);
  const c = flow.result.Credentials!;
  return { identityId: flow.identityId, tokens: flow.tokens, keys: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretKey!, sessionToken: c.SessionToken! } };
}

describe('GET /reports (AWS_IAM)', () => {
  it("accepts a request @smithy/signature-v4 signed with bob's identity-pool credentials, and tells the Lambda who called", async () => {
    const lab = await gatewayLab();
    const { identityId, keys, tokens } = await credentialsOf(lab, 'bob');
    const answer = await lab.signedRest('/reports', keys);
    expect(answer.status).toBe(200);
    const exchange = lab.lastGatewayExchange();
    expect(lab.notesOf(exchange, 'sigv4')[0]).toMatchObject({ outcome: 'valid', accessKeyId: keys.accessKeyId });
    expect(lab.notesOf(exchange, 'policy')[0]).toMatchObject({ evaluation: { decision: 'Allow', request: { action: 'execute-api:Invoke' } } });
    const [invocation] = lab.invocationsUnder(exchange);
    const identity = (invocation!.event.requestContext as { identity: Record<string, unknown> }).identity;
    expect(lab.credentialRecord(keys.accessKeyId)!.session!.roleName).toBe('Cognito_LearnerAuth_Role');
    expect(identity).toMatchObject({
      cognitoIdentityId: identityId,
      cognitoIdentityPoolId: lab.identityPoolId,
      cognitoAuthenticationType: 'authenticated',
      cognitoAuthenticationProvider: `${lab.providerKey},${lab.providerKey}:CognitoSignIn:${String(claimsOf(tokens!.IdToken!).sub)}`,
      userArn: 'arn:aws:sts::123456789012:assumed-role/Cognito_LearnerAuth_Role/CognitoIdentityCredentials',
      caller: expect.stringMatching(/^AROA[A-Z0-9]{17}:CognitoIdentityCredentials$/),
      user: expect.stringMatching(/^AROA[A-Z0-9]{17}:CognitoIdentityCredentials$/),
      accessKey: keys.accessKeyId,
      accountId: '123456789012',
      sourceIp: '203.0.113.10',
      userAgent: 'notes-app/1.0',
    });
    expect((invocation!.event.requestContext as Record<string, unknown>).authorizer).toBeUndefined();
  });

  it('refuses a request signed with the wrong secret: 403 InvalidSignatureException with the canonical request', async () => {
    const lab = await gatewayLab();
    const { keys } = await credentialsOf(lab, 'bob');
    const answer = await lab.signedRest('/reports', { ...keys, secretAccessKey: 'x'.repeat(40) });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
    const message = String(answer.json!.message);
    expect(message.startsWith('The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n')).toBe(true);
    expect(lab.invocationsUnder(lab.lastGatewayExchange())).toEqual([]);
  });

  it("denies a guest's credentials with IAM's AccessDenied message, capital M", async () => {
    const lab = await gatewayLab();
    const { keys } = await credentialsOf(lab, 'guest');
    const answer = await lab.signedRest('/reports', keys);
    expect(answer.status).toBe(403);
    expect(answer.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    expect(answer.json).toEqual({
      Message: `User: arn:aws:sts::123456789012:assumed-role/Cognito_LearnerUnauth_Role/CognitoIdentityCredentials is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:123456789012:${lab.restApiId}/prod/GET/reports because no identity-based policy allows the execute-api:Invoke action`,
    });
  });

  it("denies alice too: her group's AdminRole, chosen from the token, has no execute-api permission", async () => {
    const lab = await gatewayLab();
    const { keys } = await credentialsOf(lab, 'alice');
    const answer = await lab.signedRest('/reports', keys);
    expect(answer.status).toBe(403);
    expect(String(answer.json!.Message)).toContain('assumed-role/AdminRole/CognitoIdentityCredentials is not authorized to perform: execute-api:Invoke');
  });

  it('allows 5 minutes of clock skew, not the 15 of other services', async () => {
    const lab = await gatewayLab();
    const { keys } = await credentialsOf(lab, 'bob');
    const now = lab.sim.clock.now();
    expect((await lab.signedRest('/reports', keys, new Date(now - 4 * MINUTE))).status).toBe(200);
    const stale = await lab.signedRest('/reports', keys, new Date(now - 6 * MINUTE));
    expect(stale.status).toBe(403);
    expect(stale.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
    expect(stale.json).toEqual({ message: 'Signature expired: 20251231T235400Z is now earlier than 20251231T235500Z (20260101T000000Z - 5 min.)' });
    const early = await lab.signedRest('/reports', keys, new Date(now + 6 * MINUTE));
    expect(String(early.json!.message)).toBe('Signature not yet current: 20260101T000600Z is still later than 20260101T000500Z (20260101T000000Z + 5 min.)');
  });

  it('answers an unsigned call 403 Missing Authentication Token', async () => {
    const lab = await gatewayLab();
    const answer = await lab.rest('/reports');
    expect(answer.status).toBe(403);
    expect(answer.text).toBe('{"message":"Missing Authentication Token"}');
    expect(answer.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
  });

  it('refuses a JWT sent to an AWS_IAM method: it is not a SigV4 Authorization header', async () => {
    const lab = await gatewayLab();
    const answer = await lab.rest('/reports', { Authorization: `Bearer ${(await lab.signIn('bob')).IdToken!}` });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('x-amzn-errortype')).toBe('IncompleteSignatureException');
    expect(String(answer.json!.message)).toMatch(/^Invalid key=value pair \(missing equal-sign\) in Authorization header \(hashed with SHA-256 and encoded with Base64\): '[A-Za-z0-9+/]{43}='\.$/);
  });

  it('refuses credentials whose session has ended (an hour later): 403 ExpiredTokenException', async () => {
    const lab = await gatewayLab();
    const { keys } = await credentialsOf(lab, 'bob');
    lab.sim.clock.advance(61 * MINUTE);
    const answer = await lab.signedRest('/reports', keys);
    expect(answer.status).toBe(403);
    expect(answer.headers.get('x-amzn-errortype')).toBe('ExpiredTokenException');
    expect(answer.json).toEqual({ message: 'The security token included in the request is expired' });
  });
});
