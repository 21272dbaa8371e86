import { describe, expect, it } from 'vitest';
import { identityLab, type IdentityLab } from '../../../testing/identity-pool-harness';

const post = (lab: IdentityLab, host: string, form: Record<string, string>) =>
  lab.sim.fetch(new Request(`https://${host}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: new URLSearchParams(form).toString() }));

async function guestToken(lab: IdentityLab): Promise<string> {
  return (await lab.openIdToken(await lab.getId())).Token!;
}

describe('When STS is called on the wire (Query protocol, XML)', () => {
  it('answers AssumeRoleWithWebIdentity with the 2011-06-15 XML document', async () => {
    const lab = await identityLab();
    const token = await guestToken(lab);
    const response = await post(lab, 'sts.us-east-1.amazonaws.com', { Action: 'AssumeRoleWithWebIdentity', Version: '2011-06-15', RoleArn: lab.roleArn('Cognito_LearnerUnauth_Role'), RoleSessionName: 'guest', WebIdentityToken: token });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/xml');
    const xml = await response.text();
    expect(xml).toMatch(
      /^<AssumeRoleWithWebIdentityResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><AssumeRoleWithWebIdentityResult><SubjectFromWebIdentityToken>us-east-1:[0-9a-f-]{36}<\/SubjectFromWebIdentityToken><Audience>us-east-1:[0-9a-f-]{36}<\/Audience><AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role\/Cognito_LearnerUnauth_Role\/guest<\/Arn><AssumedRoleId>AROA[A-Z0-9]{17}:guest<\/AssumedRoleId><\/AssumedRoleUser><Credentials><AccessKeyId>ASIA[A-Z0-9]{16}<\/AccessKeyId><SecretAccessKey>[A-Za-z0-9+/]{40}<\/SecretAccessKey><SessionToken>[A-Za-z0-9+/=]+<\/SessionToken><Expiration>2026-01-01T01:00:00Z<\/Expiration><\/Credentials><Provider>cognito-identity\.amazonaws\.com<\/Provider><\/AssumeRoleWithWebIdentityResult><ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata><\/AssumeRoleWithWebIdentityResponse>$/,
    );
  });

  it('answers errors as an ErrorResponse with Type, Code, Message and RequestId, on the global endpoint too', async () => {
    const lab = await identityLab();
    const token = await guestToken(lab);
    const response = await post(lab, 'sts.amazonaws.com', { Action: 'AssumeRoleWithWebIdentity', Version: '2011-06-15', RoleArn: lab.roleArn('AdminRole'), RoleSessionName: 'guest', WebIdentityToken: token });
    expect(response.status).toBe(403);
    const requestId = response.headers.get('x-amzn-requestid');
    expect(await response.text()).toBe(
      `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>Not authorized to perform sts:AssumeRoleWithWebIdentity</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
    );
  });

  it('reports missing parameters as a validation error', async () => {
    const lab = await identityLab();
    const response = await post(lab, 'sts.us-east-1.amazonaws.com', { Action: 'AssumeRoleWithWebIdentity', Version: '2011-06-15', RoleArn: lab.roleArn('AdminRole'), WebIdentityToken: 'abcd' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("<Code>ValidationError</Code><Message>1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null</Message>");
  });

  it('asks for a signature on signed actions and does not know made-up ones', async () => {
    const lab = await identityLab();
    const unsigned = await post(lab, 'sts.us-east-1.amazonaws.com', { Action: 'GetCallerIdentity', Version: '2011-06-15' });
    expect(unsigned.status).toBe(403);
    expect(await unsigned.text()).toContain('<Code>MissingAuthenticationToken</Code><Message>Request is missing Authentication Token</Message>');
    const unknown = await post(lab, 'sts.us-east-1.amazonaws.com', { Action: 'BecomeRoot', Version: '2011-06-15' });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('<Code>InvalidAction</Code><Message>Could not find operation BecomeRoot for version 2011-06-15</Message>');
    expect(lab.lastExchange('BecomeRoot')).toMatchObject({ to: 'sts', response: { status: 400 } });
  });
});
