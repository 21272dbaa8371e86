// Test-only (imported by oracle.test.ts and properties.test.ts, never by the simulator): fast-check
// generators of identity policies, session policies and requests over the vocabulary of this project
// (DynamoDB tables, the reports API, a user pool), with the condition keys a role session carries.
import fc from 'fast-check';
import type { AuthorizationRequest, ConditionValue, NamedPolicy, PolicyDocument, Statement } from './types';

export const ACCOUNT = '123456789012';
const ARN = `us-east-1:${ACCOUNT}`;
export const RESOURCES = [
  `arn:aws:dynamodb:${ARN}:table/Notes`,
  `arn:aws:dynamodb:${ARN}:table/Catalog`,
  `arn:aws:dynamodb:${ARN}:table/Notes/index/ByDate`,
  `arn:aws:execute-api:${ARN}:a1b2c3/prod/GET/reports`,
  `arn:aws:cognito-idp:${ARN}:userpool/us-east-1_AbC`,
];
export const ACTIONS = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:DeleteTable', 'execute-api:Invoke', 'cognito-idp:AdminGetUser'];

// Wildcards stay out of the resource-type prefix (before the first "/" of the resource part): the oracle
// matches that prefix literally, while IAM's Resource page allows wildcards in any segment.
const RESOURCE_PATTERNS = [
  '*', ...RESOURCES, `arn:aws:dynamodb:*:*:table/*`, `arn:aws:dynamodb:${ARN}:table/N?tes`, `arn:aws:dynamodb:*:${ACCOUNT}:table/Notes`,
  `arn:aws:dynamodb:us-*-1:${ACCOUNT}:table/Notes*`, `arn:aws:dynamodb:${ARN}:table/Notes/*`, `arn:aws:dynamodb:${ARN}:*`,
  `arn:aws:execute-api:${ARN}:a1b2c3/*/GET/*`, `arn:aws:execute-api:*:*:a1b2c3/prod/*`, `arn:aws:cognito-idp:${ARN}:userpool/*`,
  `arn:aws:dynamodb:${ARN}:table/\${aws:PrincipalTag/table}`, `arn:aws:dynamodb:${ARN}:table/\${aws:PrincipalTag/nothing, 'Catalog'}`,
  `arn:aws:dynamodb:${ARN}:table/\${aws:PrincipalTag/absent}`, `arn:aws:execute-api:${ARN}:a1b2c3/prod/\${dynamodb:Select}/*`,
];
const ACTION_PATTERNS = ['*', ...ACTIONS, 'dynamodb:*', 'DynamoDB:getitem', 'dynamodb:Get*', 'dynamodb:?utItem', 'dynamodb:*Item', 'dynamodb:*Table', 'execute-api:*', 'cognito-idp:Admin*', 'dynamodb:Batch*'];

const SUBS = ['us-east-1:alice', 'us-east-1:bob'];
type Kind = 'string' | 'multi' | 'number' | 'isoDate' | 'epochDate' | 'bool' | 'arn' | 'ip';
interface KeySpec { key: string; kind: Kind; values: string[] }
const KEYS: KeySpec[] = [
  { key: 'aws:username', kind: 'string', values: ['alice', 'bob', 'Alice'] },
  { key: 'cognito-identity.amazonaws.com:sub', kind: 'string', values: SUBS },
  { key: 'dynamodb:Select', kind: 'string', values: ['SPECIFIC_ATTRIBUTES', 'ALL_ATTRIBUTES', 'COUNT'] },
  { key: 'aws:PrincipalTag/team', kind: 'string', values: ['blue', 'red', 'b*e'] },
  { key: 'aws:PrincipalTag/table', kind: 'string', values: ['Notes', 'Catalog'] },
  { key: 'dynamodb:LeadingKeys', kind: 'multi', values: [...SUBS, 'us-east-1:*'] },
  { key: 'dynamodb:Attributes', kind: 'multi', values: ['ownerId', 'noteId', 'title', 'body'] },
  { key: 'cognito-identity.amazonaws.com:amr', kind: 'multi', values: ['authenticated', 'unauthenticated', 'cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC'] },
  { key: 'test:Count', kind: 'number', values: ['1', '5', '10', '10.5', '-3', 'abc'] },
  { key: 'aws:CurrentTime', kind: 'isoDate', values: ['2026-01-01T12:00:00Z', '2025-06-30T00:00:00Z', '2027-01-01T00:00:00Z'] },
  { key: 'aws:EpochTime', kind: 'epochDate', values: ['1767268800', '1751241600', '1798761600'] },
  { key: 'aws:SecureTransport', kind: 'bool', values: ['true', 'false', 'TRUE', 'maybe'] },
  { key: 'aws:PrincipalArn', kind: 'arn', values: [`arn:aws:iam::${ACCOUNT}:role/Cognito_LearnerAuth_Role`, `arn:aws:iam::${ACCOUNT}:user/alice`, `arn:aws:iam::999999999999:role/Other`] },
  { key: 'aws:SourceIp', kind: 'ip', values: ['203.0.113.7', '198.51.100.1', '2001:db8::1'] },
];

const VARIABLES = ['${aws:username}', '${cognito-identity.amazonaws.com:sub}', "${aws:PrincipalTag/team, 'blue'}", '${aws:PrincipalTag/absent}', '${dynamodb:LeadingKeys}', '${*}'];
const OPERATORS: Record<Kind, string[]> = {
  string: ['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike'],
  multi: ['StringEquals', 'StringNotEquals', 'StringLike', 'StringNotLike', 'StringEqualsIgnoreCase'],
  number: ['NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals'],
  isoDate: ['DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals'],
  epochDate: ['DateEquals', 'DateNotEquals', 'DateLessThan', 'DateGreaterThanEquals'],
  bool: ['Bool'],
  arn: ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike'],
  ip: ['IpAddress', 'NotIpAddress'],
};
// Policy-side values per kind. Dates are compared in one form at a time (see oracle.test.ts); Bool and
// the other non-string operators get no variables (IAM allows them in string and ARN operators only).
const POLICY_VALUES: Record<Kind, (spec: KeySpec) => fc.Arbitrary<string | number | boolean>> = {
  string: (s) => fc.constantFrom(...s.values, ...VARIABLES, 'a*', '*', 'b?ue', 'ALICE', 'us-east-1:*'),
  multi: (s) => fc.constantFrom(...s.values, ...VARIABLES, 'us-east-1:*', 'no*'),
  number: () => fc.constantFrom('1', '5', '10', '10.0', '2.5', 7, 'x'),
  isoDate: () => fc.constantFrom('2026-01-01T12:00:00Z', '2026-01-01T00:00:00Z', '2025-01-01T00:00:00Z'),
  epochDate: () => fc.constantFrom('1767268800', '1767225600', '1735689600'),
  bool: () => fc.constantFrom('true', 'false', true, 'yes'),
  arn: () => fc.constantFrom(`arn:aws:iam::${ACCOUNT}:role/*`, 'arn:aws:iam::*:role/Cognito_*', `arn:aws:iam::${ACCOUNT}:user/alice`, `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`, 'arn:aws:iam::?????????????:role/Other', 'arn:aws:*'),
  ip: () => fc.constantFrom('203.0.113.0/24', '198.51.100.0/30', '10.0.0.0/8', '2001:db8::/32', '0.0.0.0/0'),
};

const oneOrMany = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | T[]> => fc.oneof(arb, fc.array(arb, { minLength: 1, maxLength: 3 }));
const mixCase = (text: string) => fc.constantFrom(text, text.toUpperCase(), text.toLowerCase());

const operatorArb = (kind: Kind): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.tuple(fc.constantFrom('', 'ForAllValues:', 'ForAnyValue:'), fc.constantFrom(...OPERATORS[kind]), fc.constantFrom('', '', 'IfExists')).map(([set, op, ifx]) => set + op + ifx) },
    { weight: 1, arbitrary: fc.constant('Null') },
  );

const conditionEntry: fc.Arbitrary<[string, string, ConditionValue]> = fc.constantFrom(...KEYS).chain((spec) =>
  fc.tuple(operatorArb(spec.kind), mixCase(spec.key)).chain(([operator, key]) =>
    (operator === 'Null' ? oneOrMany(fc.constantFrom('true', 'false')) : oneOrMany(POLICY_VALUES[spec.kind](spec))).map((value): [string, string, ConditionValue] => [operator, key, value]),
  ),
);

const condition = fc.array(conditionEntry, { maxLength: 3 }).map((entries) => {
  const out: Record<string, Record<string, ConditionValue>> = {};
  for (const [operator, key, value] of entries) (out[operator] ??= {})[key] = value;
  return out;
});

export const statementArb = (effect?: 'Allow' | 'Deny'): fc.Arbitrary<Statement> =>
  fc
    .record({
      Effect: effect ? fc.constant(effect) : fc.constantFrom<'Allow' | 'Deny'>('Allow', 'Allow', 'Allow', 'Deny'),
      actionElement: fc.constantFrom('Action', 'Action', 'Action', 'NotAction'),
      actions: oneOrMany(fc.constantFrom(...ACTION_PATTERNS)),
      resourceElement: fc.constantFrom('Resource', 'Resource', 'Resource', 'NotResource'),
      resources: oneOrMany(fc.constantFrom(...RESOURCE_PATTERNS)),
      Condition: fc.option(condition, { nil: undefined, freq: 2 }),
      Sid: fc.option(fc.constantFrom('One', 'Two', 'Three'), { nil: undefined }),
    })
    .map(({ Effect, actionElement, actions, resourceElement, resources, Condition, Sid }) => ({
      ...(Sid ? { Sid } : {}),
      Effect,
      [actionElement]: actions,
      [resourceElement]: resources,
      ...(Condition && Object.keys(Condition).length ? { Condition } : {}),
    }));

/** A policy document; "2008-10-17" (no policy variables) mostly where it makes no difference. */
export const documentArb = (statements: fc.Arbitrary<Statement>, maxStatements = 4): fc.Arbitrary<PolicyDocument> =>
  fc.array(statements, { minLength: 1, maxLength: maxStatements }).chain((Statement) =>
    fc
      .constantFrom<'2012-10-17' | '2008-10-17'>(...(JSON.stringify(Statement).includes('${') ? ([...Array<'2012-10-17'>(15).fill('2012-10-17'), '2008-10-17'] as const) : (['2012-10-17', '2012-10-17', '2008-10-17'] as const)))
      .map((Version) => ({ Version, Statement })),
  );

export const policiesArb = (name: string, max: number, statements = statementArb()): fc.Arbitrary<NamedPolicy[]> =>
  fc.array(documentArb(statements), { minLength: 1, maxLength: max }).map((docs) => docs.map((document, i) => ({ name: `${name}${i + 1}`, document })));

/** Request contexts: each key present or not; multivalued keys as arrays (possibly empty); no empty strings. */
export const contextArb: fc.Arbitrary<Record<string, string | string[]>> = fc
  .tuple(...KEYS.map((spec) => fc.option<string | string[], undefined>(spec.kind === 'multi' ? fc.subarray(spec.values) : fc.constantFrom(...spec.values), { nil: undefined, freq: 3 })))
  .map((values) => Object.fromEntries(KEYS.flatMap((spec, i) => (values[i] === undefined ? [] : [[spec.key, values[i]!]]))));

export const requestArb: fc.Arbitrary<AuthorizationRequest> = fc.record({
  action: fc.constantFrom(...ACTIONS),
  resource: fc.constantFrom(...RESOURCES),
  context: contextArb,
});
