import { describe, expect, it } from 'vitest';
import { readJson, syntaxErrorMessage } from './json-text';
import { checkPolicy } from './policy-check';

const MISSING_COMMA = ['{', '  "Version": "2012-10-17",', '  "Statement": [{', '    "Effect": "Allow"', '    "Action": "dynamodb:GetItem",', '    "Resource": "*"', '  }]', '}'].join('\n');

describe('Reading JSON with positions', () => {
  it('gives the same value as JSON.parse, and where each value starts', () => {
    const text = '{\n  "a": [1, {"b": "x\\n"}],\n  "c": null\n}';
    const read = readJson(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value).toEqual(JSON.parse(text));
    expect(read.positions.get('a[1].b')).toEqual({ index: 19, line: 2, column: 18 });
    expect(read.positions.get('c')).toMatchObject({ line: 3, column: 8 });
  });

  it('points a missing comma at the end of line 4, where it belongs', () => {
    const read = readJson(MISSING_COMMA);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error).toMatchObject({ line: 4, column: 22, index: 68 });
    expect(MISSING_COMMA.slice(read.error.index - 7, read.error.index)).toBe('"Allow"');
    expect(syntaxErrorMessage(read.error)).toBe('Json syntax error: Fix the JSON syntax error at index 68 line 4 column 22. A comma (,) or \'}\' is missing after the value of "Effect".');
  });

  it.each([
    ['', 1, 1, /empty/],
    ['{"a": 1,}', 1, 9, /A comma can't come before '}'/],
    ["{'a': 1}", 1, 2, /double quotes/],
    ['{"a": tru}', 1, 7, /A value was expected here/],
    ['{"a": "x', 1, 7, /not closed/],
    ['[1, 2', 1, 6, /The list is not closed/],
    ['{"a": 1} x', 1, 10, /Nothing may follow/],
    ['{"a": 01}', 1, 8, /A comma \(,\) or '}' is missing/],
  ])('refuses %j at line %i, column %i', (text, line, column, problem) => {
    const read = readJson(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error).toMatchObject({ line, column });
    expect(read.error.problem).toMatch(problem);
  });

  it('refuses, rather than overflowing, a value nested too deep', () => {
    const read = readJson('['.repeat(100_000));
    expect(read.ok).toBe(false);
  });
});

describe('The policy grammar checks', () => {
  it('names the statement of an invalid effect, in the console’s words', () => {
    const problems = checkPolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }, { Effect: 'Allow2', Action: 's3:*', Resource: '*' }] }, 'identity');
    expect(problems).toEqual([{ path: 'Statement[1].Effect', statement: 1, message: 'Invalid effect: The effect Allow2 is not valid. Use Allow or Deny.' }]);
  });

  it('wants a Resource and no Principal in an identity policy, a Principal in a trust policy', () => {
    const statement = { Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity' };
    expect(checkPolicy({ Statement: [statement] }, 'trust')).toEqual([]);
    expect(checkPolicy({ Statement: [statement] }, 'identity').map((p) => p.message)).toEqual([
      'Missing resource: Add a Resource or NotResource element to the policy statement.',
      'Unsupported principal: The policy type IDENTITY_POLICY does not support the Principal element. Remove the Principal element.',
    ]);
    expect(checkPolicy({ Statement: { Effect: 'Allow', Action: 'sts:AssumeRole' } }, 'trust').map((p) => p.message)).toEqual(['Missing principal: Add a Principal element to the policy statement.']);
  });

  it('checks the document, element names, versions, operators and Sids', () => {
    const messages = (doc: unknown) => checkPolicy(doc, 'identity').map((p) => p.message);
    expect(messages([])).toEqual(['Data type mismatch: The text does not match the expected JSON data type Object.']);
    expect(messages({ Version: '2012-10-18', Statement: [] })).toEqual([
      'Invalid version: The version 2012-10-18 is not valid. Use one of the following versions: 2012-10-17, 2008-10-17',
      'Missing statement: Add a statement to the policy',
    ]);
    expect(messages({ Statement: [{ Sid: 'no spaces', Effect: 'Deny', Action: 'dynamodb:*', NotAction: 'x:y', Resource: '*', Condition: { StringEqual: { a: 'b' } }, Extra: 1 }] })).toEqual([
      'Invalid policy element: The policy element Extra is not valid.',
      'Unsupported Sid: Update the characters in the Sid element to use one of the following character types: [a-z, A-Z, 0-9]',
      'Unsupported element combination: The policy elements Action and NotAction can not be used in the same statement. Remove one of these elements.',
      'Invalid condition operator: The condition operator StringEqual is not valid. Use a valid condition operator.',
    ]);
    expect(messages({ Statement: [{ Effect: 'Allow', Action: 'GetItem', Resource: '*', Condition: { 'ForAllValues:StringEqualsIfExists': { k: ['v'] } } }] })).toEqual([
      'Invalid action: The action GetItem does not exist. Write actions as service:Action, e.g. dynamodb:GetItem.',
    ]);
  });
});
