// RevokeToken: an app signs one session out. The refresh token is revoked with every access token issued
// from it (aws-behaviour.md §3.11); the user's other sessions are untouched. Only refresh tokens can be
// revoked, only by the client they were issued to (with its secret, if it has one), and only when the client
// has token revocation enabled.
import { AwsError } from '../../core/errors';
import type { ServiceContext } from '../../core/router';
import type { UserPoolEnv } from '../env';
import { defineOperation } from '../env';
import type { AppClient, UserPool } from '../model';
import { revokeFamily } from '../revocation';
import { CLIENT_ID, TOKEN } from './shapes';

interface Input {
  Token: string;
  ClientId: string;
  ClientSecret?: string;
  RevokeAssociatedSessions?: 'NONE' | 'LINKED';
}

// [U] The error codes are those the model lists for RevokeToken; AWS's messages for them are not published,
// so these say plainly what went wrong.
const unauthorized = (message: string) => new AwsError('UnauthorizedException', message);

function authenticateClient(env: UserPoolEnv, call: ServiceContext, clientId: string, secret: string | undefined): { pool: UserPool; client: AppClient } {
  for (const pool of env.pools.values()) {
    const client = pool.clients.get(clientId);
    if (!client) continue;
    if (client.clientSecret !== undefined && secret !== client.clientSecret) {
      call.note({ kind: 'info', summary: `Client ${clientId} has a secret, and the request carried ${secret === undefined ? 'none' : 'a wrong one'}: the client is not authenticated.` });
      throw unauthorized(secret === undefined ? `Client ${clientId} is configured with secret but ClientSecret was not received` : 'Client authentication failed.');
    }
    return { pool, client };
  }
  call.note({ kind: 'info', summary: `No app client ${clientId} exists.` });
  throw unauthorized('Client authentication failed.');
}

export const revokeToken = defineOperation<Input, Record<string, never>>({
  name: 'RevokeToken',
  auth: 'none',
  shape: {
    Token: TOKEN,
    ClientId: CLIENT_ID,
    ClientSecret: { type: 'string', min: 1, max: 64, pattern: '[\\w+]+', sensitive: true },
    RevokeAssociatedSessions: { type: 'string', enum: ['NONE', 'LINKED'] },
  },
  async run(env, input, call) {
    const { pool, client } = authenticateClient(env, call, input.ClientId, input.ClientSecret);
    if (!client.enableTokenRevocation) {
      call.note({ kind: 'info', summary: `Token revocation is turned off for app client ${client.clientName}, so its tokens carry no origin_jti and cannot be revoked one session at a time.` });
      throw new AwsError('UnsupportedOperationException', 'Token revocation is not enabled for this client.');
    }
    // Refresh tokens look like a five-part JWE; ID and access tokens are three-part JWTs.
    if (input.Token.split('.').length === 3) {
      call.note({ kind: 'token-checked', summary: 'This is an ID or access token, not a refresh token. Revoke the refresh token instead: the access tokens issued from it go with it.', tokenUse: 'refresh', outcome: 'invalid', reason: 'not a refresh token' });
      throw new AwsError('UnsupportedTokenTypeException', 'Only refresh tokens can be revoked.');
    }
    const record = pool.refreshTokens.get(input.Token);
    if (!record) {
      // [U] As the OAuth revocation endpoint (RFC 7009 §2.2), an unknown token is answered with success.
      call.note({ kind: 'token-checked', summary: 'The pool has no record of this refresh token; there is nothing to revoke, and the answer is success anyway.', tokenUse: 'refresh', outcome: 'invalid' });
      return {};
    }
    if (record.clientId !== client.clientId) {
      call.note({ kind: 'token-checked', summary: `This refresh token was issued to another app client; only that client may revoke it.`, tokenUse: 'refresh', outcome: 'invalid', reason: 'other client' });
      throw unauthorized('The refresh token was not issued to this client.');
    }
    const family = pool.tokenFamilies.get(record.originJti);
    if (family?.revoked) {
      call.note({ kind: 'token-checked', summary: 'This refresh token was already revoked; revoking it again changes nothing.', tokenUse: 'refresh', outcome: 'revoked' });
      return {};
    }
    revokeFamily(call, pool, record.originJti);
    return {};
  },
});
