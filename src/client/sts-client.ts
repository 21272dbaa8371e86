// The AWS Query protocol as the SDK speaks it to STS: a form-encoded POST, an XML answer. Only what the
// learner's app needs: AssumeRoleWithWebIdentity (unsigned; the web identity token is the credential).
import type { ActorId } from '../sim/index';
import type { AwsResult, Credentials, SimFetch } from './aws-client';

export interface AssumedRole {
  credentials: Credentials & { expiration: string };
  assumedRoleArn: string;
  subject: string;
}

function tag(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
}

export async function assumeRoleWithWebIdentity(
  fetch: SimFetch,
  region: string,
  input: { RoleArn: string; RoleSessionName: string; WebIdentityToken: string; DurationSeconds?: number },
  from: ActorId = 'app',
): Promise<AwsResult<AssumedRole>> {
  const form = new URLSearchParams({ Action: 'AssumeRoleWithWebIdentity', Version: '2011-06-15', RoleArn: input.RoleArn, RoleSessionName: input.RoleSessionName, WebIdentityToken: input.WebIdentityToken });
  if (input.DurationSeconds !== undefined) form.set('DurationSeconds', String(input.DurationSeconds));
  const response = await fetch(
    new Request(`https://sts.${region}.amazonaws.com/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: form.toString() }),
    { from },
  );
  const xml = await response.text();
  if (!response.ok) return { ok: false, status: response.status, code: tag(xml, 'Code') ?? 'UnknownError', message: tag(xml, 'Message') ?? '' };
  return {
    ok: true,
    status: response.status,
    output: {
      credentials: {
        accessKeyId: tag(xml, 'AccessKeyId') ?? '',
        secretAccessKey: tag(xml, 'SecretAccessKey') ?? '',
        sessionToken: tag(xml, 'SessionToken') ?? '',
        expiration: tag(xml, 'Expiration') ?? '',
      },
      assumedRoleArn: tag(xml, 'Arn') ?? '',
      subject: tag(xml, 'SubjectFromWebIdentityToken') ?? '',
    },
  };
}
