// SECRET_HASH = Base64(HMAC-SHA256(key = client secret, message = username + clientId)) — required on
// every request of a client that has a secret (aws-behaviour.md §3.7).
import { AwsError } from '../core/errors';
import type { ServiceContext } from '../core/router';
import { toBase64, utf8 } from '../../lib/encoding';
import type { AppClient } from './model';

export async function computeSecretHash(clientSecret: string, username: string, clientId: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', utf8.encode(clientSecret) as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, utf8.encode(username + clientId) as Uint8Array<ArrayBuffer>);
  return toBase64(new Uint8Array(mac));
}

export async function checkSecretHash(call: ServiceContext, client: AppClient, username: string, secretHash: string | undefined): Promise<void> {
  if (!client.clientSecret) return;
  if (!secretHash) {
    call.note({ kind: 'secret-hash', summary: 'The client has a secret, but the request carried no SECRET_HASH.', outcome: 'missing' });
    throw new AwsError('NotAuthorizedException', `Client ${client.clientId} is configured with secret but SECRET_HASH was not received`);
  }
  const expected = await computeSecretHash(client.clientSecret, username, client.clientId);
  if (expected !== secretHash) {
    call.note({ kind: 'secret-hash', summary: 'SECRET_HASH does not match HMAC-SHA256(client secret, username + client id).', outcome: 'invalid' });
    throw new AwsError('NotAuthorizedException', `Unable to verify secret hash for client ${client.clientId}`);
  }
  call.note({ kind: 'secret-hash', summary: 'SECRET_HASH matches: the caller knows the client secret.', outcome: 'valid' });
}
