// Hand-built exchanges of the identity-pool and DynamoDB story for the inspector's tests: realistic wire
// bodies and notes, signed for real (src/lib's SigV4) so the derivation steps and signatures are true.
import type { Exchange, Note } from '../../sim/index';
import type { Evaluation, StatementExplanation } from '../../sim/iam/types';
import { canonicalRequest, computeSignature, formatAmzDate, headerMap, sha256Hex, signingKeySteps, stringToSign, TERMINATOR } from '../../lib/sigv4/canonical';

export const AT = Date.UTC(2026, 2, 2, 9, 0, 0);
export const ALICE_ID = 'us-east-1:7f3c2a10-5b4e-4d8a-9c61-2e0f1a9b3c44';
export const BOB_ID = 'us-east-1:0d9e8f7a-6b5c-4d3e-8f21-a0b1c2d3e4f5';
export const AUTH_ROLE = 'arn:aws:iam::123456789012:role/Cognito_LearnerAuth_Role';
export const SESSION_ARN = 'arn:aws:sts::123456789012:assumed-role/Cognito_LearnerAuth_Role/CognitoIdentityCredentials';
export const NOTES_ARN = 'arn:aws:dynamodb:us-east-1:123456789012:table/Notes';
export const KEY = {
  accessKeyId: 'ASIAQ3EGUQ7EXAMPLE12',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLEsessionTokenFwoGZXIvYXdzEBYaDHqa0AP1B4tk8qYhJiLBAbBYe3M9ub/Yi2Ty+Tc7F9sfqMUhjtB8VIA2PVrWC3fsNQ==',
};

let n = 0;
function exchange(parts: Omit<Exchange, 'id' | 'at' | 'notes'> & Partial<Pick<Exchange, 'at' | 'notes'>>): Exchange {
  return { id: `x${++n}`, at: AT, notes: [], ...parts };
}

const json11 = { 'content-type': 'application/x-amz-json-1.1' };

/** GetCredentialsForIdentity (enhanced flow) with the role chosen and the credentials issued, after a nested check of the ID token. */
export function getCredentials(at = AT): { exchange: Exchange; nested: Exchange[] } {
  const expiresAt = AT + 3_600_000;
  const x = exchange({
    at,
    from: 'app',
    to: 'cognito-identity',
    operation: 'GetCredentialsForIdentity',
    request: {
      method: 'POST',
      url: 'https://cognito-identity.us-east-1.amazonaws.com/',
      headers: { ...json11, 'x-amz-target': 'AWSCognitoIdentityService.GetCredentialsForIdentity' },
      body: JSON.stringify({ IdentityId: ALICE_ID, Logins: { 'cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEfGhI': 'an ID token' } }),
    },
    response: {
      status: 200,
      headers: { ...json11, 'x-amzn-requestid': 'b1c2d3e4-0000-4000-8000-000000000001' },
      body: JSON.stringify({ IdentityId: ALICE_ID, Credentials: { AccessKeyId: KEY.accessKeyId, SecretKey: KEY.secretAccessKey, SessionToken: KEY.sessionToken, Expiration: expiresAt / 1000 } }),
    },
    notes: [
      { kind: 'role-chosen', summary: 'The authenticated role, as no rule or token claim chose another.', roleArn: AUTH_ROLE, how: 'authenticated-role' },
      { kind: 'credentials-issued', summary: 'Temporary credentials for Cognito_LearnerAuth_Role, valid 1 h.', ...KEY, expiresAt, roleArn: AUTH_ROLE, identityId: ALICE_ID },
    ],
  });
  const jwks = exchange({
    parentId: x.id,
    from: 'cognito-identity',
    to: 'cognito-idp',
    operation: 'GET /.well-known/jwks.json',
    request: { method: 'GET', url: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEfGhI/.well-known/jwks.json', headers: {} },
    response: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"keys":[]}' },
    notes: [{ kind: 'token-checked', summary: 'The ID token is valid.', tokenUse: 'id', outcome: 'valid' }],
  });
  return { exchange: x, nested: [jwks] };
}

/** STS AssumeRoleWithWebIdentity (basic flow): the credentials only in its XML answer. */
export function assumeRole(at = AT + 5 * 60_000): Exchange {
  const xml = `<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleWithWebIdentityResult>
    <Audience>us-east-1:4a5b6c7d-1111-2222-3333-444455556666</Audience>
    <AssumedRoleUser>
      <AssumedRoleId>AROAQ3EGUQ7EXAMPLEID:learner-session</AssumedRoleId>
      <Arn>arn:aws:sts::123456789012:assumed-role/Cognito_LearnerAuth_Role/learner-session</Arn>
    </AssumedRoleUser>
    <Provider>cognito-identity.amazonaws.com</Provider>
    <Credentials>
      <AccessKeyId>ASIAQ3EGUQ7STSKEY345</AccessKeyId>
      <SecretAccessKey>9drTJvcXLB89EXAMPLELB8923FB892xMFI+STS</SecretAccessKey>
      <SessionToken>FwoGZXIvYXdzEXAMPLE&amp;token/from+sts==</SessionToken>
      <Expiration>2026-03-02T10:00:00Z</Expiration>
    </Credentials>
    <SubjectFromWebIdentityToken>${ALICE_ID}</SubjectFromWebIdentityToken>
  </AssumeRoleWithWebIdentityResult>
  <ResponseMetadata><RequestId>c0ffee00-0000-4000-8000-000000000002</RequestId></ResponseMetadata>
</AssumeRoleWithWebIdentityResponse>`;
  return exchange({
    at,
    from: 'app',
    to: 'sts',
    operation: 'AssumeRoleWithWebIdentity',
    request: {
      method: 'POST',
      url: 'https://sts.us-east-1.amazonaws.com/',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: `Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=${encodeURIComponent(AUTH_ROLE)}&RoleSessionName=learner-session&WebIdentityToken=an.openid.token`,
    },
    response: { status: 200, headers: { 'content-type': 'text/xml' }, body: xml },
  });
}

/** A DynamoDB call signed with the credentials above, and its sigv4 note as the simulator records it. */
async function signed(operation: string, body: object, rest: { status: number; response: object; notes: Note[]; at?: number }): Promise<Exchange> {
  const url = new URL('https://dynamodb.us-east-1.amazonaws.com/');
  const text = JSON.stringify(body);
  const amzDate = formatAmzDate(AT);
  const headers: Record<string, string> = {
    'content-type': 'application/x-amz-json-1.0',
    host: url.host,
    'x-amz-date': amzDate,
    'x-amz-security-token': KEY.sessionToken,
    'x-amz-target': `DynamoDB_20120810.${operation}`,
  };
  const signedHeaders = Object.keys(headers).sort();
  const canonical = canonicalRequest({ method: 'POST', url, query: '', signedHeaders, headers: headerMap(headers), bodyLength: text.length, payloadHash: await sha256Hex(text) });
  const scope = `${amzDate.slice(0, 8)}/us-east-1/dynamodb/${TERMINATOR}`;
  const toSign = await stringToSign(amzDate, scope, canonical);
  const signature = await computeSignature(KEY.secretAccessKey, amzDate.slice(0, 8), 'us-east-1', 'dynamodb', toSign);
  const keyDerivation = await signingKeySteps(KEY.secretAccessKey, amzDate.slice(0, 8), 'us-east-1', 'dynamodb');
  const sigv4: Note = { kind: 'sigv4', summary: 'The signature matches.', outcome: 'valid', accessKeyId: KEY.accessKeyId, canonicalRequest: canonical, stringToSign: toSign, signedHeaders, keyDerivation, signature };
  return exchange({
    at: rest.at ?? AT,
    from: 'app',
    to: 'dynamodb',
    operation,
    request: {
      method: 'POST',
      url: url.href,
      headers: { ...headers, authorization: `AWS4-HMAC-SHA256 Credential=${KEY.accessKeyId}/${scope}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}` },
      body: text,
    },
    response: { status: rest.status, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: JSON.stringify(rest.response) },
    notes: [sigv4, ...rest.notes],
  });
}

const sub = { '${cognito-identity.amazonaws.com:sub}': ALICE_ID };

function statement(over: Partial<StatementExplanation> & Pick<StatementExplanation, 'policyName' | 'index'>): StatementExplanation {
  return { policyType: 'identity', effect: 'Allow', actionMatched: true, resourceMatched: true, conditions: [], applies: true, substitutions: {}, ...over };
}

function evaluation(action: string, decision: Evaluation['decision'], reason: string, leadingKeys: string[]): Evaluation {
  const matched = leadingKeys.every((k) => k === ALICE_ID);
  const statements = [
    statement({
      policyName: 'NotesOwnerOnly',
      index: 0,
      sid: 'OwnItemsOnly',
      conditions: [{ operator: 'ForAllValues:StringEquals', key: 'dynamodb:LeadingKeys', policyValues: [ALICE_ID], writtenValues: ['${cognito-identity.amazonaws.com:sub}'], requestValues: leadingKeys, matched }],
      applies: matched,
      substitutions: sub,
    }),
    statement({ policyName: 'CatalogReadOnly', index: 0, sid: 'ReadTheCatalog', resourceMatched: false, applies: false }),
    statement({ policyName: 'ReportsApi', index: 0, sid: 'CallReports', actionMatched: false, resourceMatched: false, applies: false }),
  ];
  return {
    decision,
    reason,
    request: { action, resource: NOTES_ARN, context: { 'dynamodb:LeadingKeys': leadingKeys, 'aws:PrincipalArn': AUTH_ROLE, 'aws:SecureTransport': 'true', 'aws:SourceIp': undefined } },
    statements,
    ...(decision === 'Allow' ? { decidingStatement: statements[0] } : { missingAllow: 'identity' as const }),
  };
}

/** Alice asks for one of Bob's notes: the signature is fine, IAM denies it (no statement allows). */
export function getBobsNote(): Promise<Exchange> {
  const reason = `Denied implicitly: no identity-based policy statement allows dynamodb:GetItem on ${NOTES_ARN}. Statement OwnItemsOnly of NotesOwnerOnly covers the action and resource, but ForAllValues:StringEquals failed.`;
  const message = `User: ${SESSION_ARN} is not authorized to perform: dynamodb:GetItem on resource: ${NOTES_ARN} because no identity-based policy allows the dynamodb:GetItem action`;
  return signed(
    'GetItem',
    { TableName: 'Notes', Key: { ownerId: { S: BOB_ID }, noteId: { S: 'n-001' } } },
    {
      status: 400,
      response: { __type: 'com.amazon.coral.service#AccessDeniedException', Message: message },
      notes: [
        { kind: 'policy', summary: 'IAM denies dynamodb:GetItem.', evaluation: evaluation('dynamodb:GetItem', 'ImplicitDeny', reason, [BOB_ID]), principalArn: SESSION_ARN },
        { kind: 'error', summary: 'AccessDeniedException', code: 'AccessDeniedException', message, status: 400 },
      ],
    },
  );
}

/** Alice queries her own notes: allowed by OwnItemsOnly; two items and a next page. */
export function queryOwnNotes(): Promise<Exchange> {
  const items = [
    { title: { S: 'Shopping' }, noteId: { S: 'n-001' }, ownerId: { S: ALICE_ID }, version: { N: '42' }, pinned: { BOOL: true }, tags: { SS: ['home', 'todo'] }, meta: { M: { color: { S: 'blue' } } } },
    { ownerId: { S: ALICE_ID }, noteId: { S: 'n-002' }, title: { S: 'Ideas' }, version: { N: '1' }, links: { L: [{ S: 'https://example.com' }] } },
  ];
  return signed(
    'Query',
    { TableName: 'Notes', KeyConditionExpression: 'ownerId = :me', ExpressionAttributeValues: { ':me': { S: ALICE_ID } }, Limit: 2 },
    {
      status: 200,
      response: { Items: items, Count: 2, ScannedCount: 2, LastEvaluatedKey: { ownerId: { S: ALICE_ID }, noteId: { S: 'n-002' } } },
      notes: [{ kind: 'policy', summary: 'IAM allows dynamodb:Query.', evaluation: evaluation('dynamodb:Query', 'Allow', `Allowed: statement OwnItemsOnly of NotesOwnerOnly allows dynamodb:Query on ${NOTES_ARN}.`, [ALICE_ID]), principalArn: SESSION_ARN }],
    },
  );
}

/** A Query of a partition with no notes: allowed, nothing found. */
export function queryEmpty(): Promise<Exchange> {
  return signed('Query', { TableName: 'Notes', KeyConditionExpression: 'ownerId = :me', ExpressionAttributeValues: { ':me': { S: ALICE_ID } } }, { status: 200, response: { Items: [], Count: 0, ScannedCount: 0 }, notes: [] });
}

/** The same GetItem after tampering with the body: the service computes another signature. */
export async function tamperedGetItem(): Promise<Exchange> {
  const x = await getBobsNote();
  const sigv4 = x.notes[0] as Extract<Note, { kind: 'sigv4' }>;
  const { keyDerivation: _k, signature: _s, signedHeaders: _h, ...kept } = sigv4;
  return { ...x, response: { status: 400, headers: {}, body: '{"__type":"com.amazon.coral.service#InvalidSignatureException"}' }, notes: [{ ...kept, outcome: 'invalid', code: 'InvalidSignatureException', summary: 'The signature does not match.' }] };
}

/** A user-pool call: nothing of the AWS tabs. */
export function initiateAuth(): Exchange {
  return exchange({
    from: 'app',
    to: 'cognito-idp',
    operation: 'InitiateAuth',
    request: { method: 'POST', url: 'https://cognito-idp.us-east-1.amazonaws.com/', headers: { ...json11, 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' }, body: '{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"abc"}' },
    response: { status: 400, headers: json11, body: '{"__type":"NotAuthorizedException","message":"Incorrect username or password."}' },
    notes: [{ kind: 'error', summary: 'Wrong password.', code: 'NotAuthorizedException', message: 'Incorrect username or password.', status: 400 }],
  });
}

/** API Gateway's GET /reports whose handler read a note from DynamoDB: the AWS notes sit on the nested call. */
export async function apiWithNestedDynamoDb(): Promise<{ exchange: Exchange; nested: Exchange[] }> {
  const x = exchange({
    from: 'app',
    to: 'api-gateway',
    operation: 'GET /reports',
    request: { method: 'GET', url: 'https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod/reports', headers: {} },
    response: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"reports":[]}' },
  });
  const inner = await queryOwnNotes();
  return { exchange: x, nested: [{ ...inner, from: 'lambda', parentId: x.id }] };
}
