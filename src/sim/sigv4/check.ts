// Every signed service does the same first step: verify the request's SigV4 signature against the
// account's credentials, record the check in the trace (canonical request, string to sign, key
// derivation), and either name the caller or refuse with AWS's error.
import type { CredentialRecord, CredentialStore } from '../core/credentials';
import { AwsError } from '../core/errors';
import type { ServiceContext } from '../core/router';
import { verifySigV4 } from './verify';

export async function checkSignature(
  call: ServiceContext,
  credentials: Pick<CredentialStore, 'get'>,
  scope: { service: string; region: string; now: number; maxSkewMs?: number },
): Promise<CredentialRecord> {
  const result = await verifySigV4(
    { method: call.method, url: call.url.toString(), headers: call.headers, body: call.body },
    { ...scope, lookup: (id) => credentials.get(id) },
  );
  if (!result.ok) {
    call.note({
      kind: 'sigv4',
      summary: `The SigV4 signature was refused: ${result.message.split('\n')[0]}`,
      outcome: 'invalid',
      code: result.code,
      ...(result.accessKeyId ? { accessKeyId: result.accessKeyId } : {}),
      ...(result.canonicalRequest ? { canonicalRequest: result.canonicalRequest } : {}),
      ...(result.stringToSign ? { stringToSign: result.stringToSign } : {}),
    });
    throw new AwsError(result.code, result.message);
  }
  call.note({
    kind: 'sigv4',
    summary: `SigV4 signature verified for access key ${result.accessKeyId}: the signature was recomputed from the secret key and matches.`,
    outcome: 'valid',
    accessKeyId: result.accessKeyId,
    canonicalRequest: result.canonicalRequest,
    stringToSign: result.stringToSign,
    signedHeaders: result.signedHeaders,
    keyDerivation: result.keyDerivation,
    signature: result.signature,
  });
  return credentials.get(result.accessKeyId)!;
}
