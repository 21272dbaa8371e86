import { describe, expect, it } from 'vitest';
import type { Evaluation, StatementExplanation } from '../../sim/iam/types';
import { allSubstitutions, conditionLine, contextValue, decidingStatement, formatValues, withVariables } from './policy-explain';

const SUB = '${cognito-identity.amazonaws.com:sub}';
const ID = 'us-east-1:7f3c2a10-5b4e-4d8a-9c61-2e0f1a9b3c44';

function stmt(effect: 'Allow' | 'Deny', applies: boolean, substitutions: Record<string, string> = {}): StatementExplanation {
  return { policyName: 'P', policyType: 'identity', index: 0, effect, actionMatched: true, resourceMatched: true, conditions: [], applies, substitutions };
}

function evaluation(decision: Evaluation['decision'], statements: StatementExplanation[]): Evaluation {
  return { decision, reason: '', statements, request: { action: 'dynamodb:GetItem', resource: '*', context: {} } };
}

describe('decidingStatement', () => {
  it('is the statement the evaluator recorded, found by policy and position even in a copied note', () => {
    const statements = [stmt('Allow', true), { ...stmt('Allow', true), policyName: 'Q' }];
    expect(decidingStatement({ ...evaluation('Allow', statements), decidingStatement: { ...statements[1]! } })).toBe(1);
  });
  it('is otherwise the first applying Deny of an explicit deny, or the first applying Allow of an allow', () => {
    const statements = [stmt('Allow', true), stmt('Deny', false), stmt('Deny', true), stmt('Deny', true)];
    expect(decidingStatement(evaluation('ExplicitDeny', statements))).toBe(2);
    expect(decidingStatement(evaluation('Allow', [stmt('Allow', false), stmt('Allow', true)]))).toBe(1);
  });
  it('is none for an implicit deny, even if an Allow applied (outside a session policy)', () => {
    expect(decidingStatement(evaluation('ImplicitDeny', [stmt('Allow', true)]))).toBeUndefined();
  });
});

describe('withVariables', () => {
  it('shows the variable a value came from, inside a longer value too', () => {
    expect(withVariables(ID, { [SUB]: ID })).toBe(`${SUB} → ${ID}`);
    expect(withVariables(`private/${ID}/*`, { [SUB]: ID })).toBe(`private/${SUB}/* → private/${ID}/*`);
  });

  it('puts back the longest values first, so a region inside an identity id stays part of it', () => {
    expect(withVariables(`${ID}@us-east-1`, { '${aws:RequestedRegion}': 'us-east-1', [SUB]: ID })).toBe(`${SUB}@\${aws:RequestedRegion} → ${ID}@us-east-1`);
  });

  it('leaves a value without variables, or with empty substitutions, as it is', () => {
    expect(withVariables('ALL_ATTRIBUTES', { [SUB]: ID })).toBe('ALL_ATTRIBUTES');
    expect(withVariables('x', { '${aws:username}': '' })).toBe('x');
  });
});

describe('conditionLine', () => {
  it('reads "operator key: request [values] vs policy [variable → value]"', () => {
    const line = conditionLine({ operator: 'ForAllValues:StringEquals', key: 'dynamodb:LeadingKeys', policyValues: [ID], requestValues: ['a', 'b'], matched: false }, { [SUB]: ID });
    expect(line).toBe(`ForAllValues:StringEquals dynamodb:LeadingKeys: request [a, b] vs policy [${SUB} → ${ID}]`);
  });

  it('prefers the values as the evaluator recorded them written, showing only those a variable changed', () => {
    const condition = { operator: 'ForAnyValue:StringLike', key: 'k', policyValues: [ID, 'x*'], writtenValues: [SUB, 'x*'], requestValues: [], matched: false };
    expect(conditionLine(condition, {})).toBe(`ForAnyValue:StringLike k: request [] vs policy [${SUB} → ${ID}, x*]`);
  });

  it('says when the request lacks the key', () => {
    expect(conditionLine({ operator: 'StringEqualsIfExists', key: 'dynamodb:Select', policyValues: ['SPECIFIC_ATTRIBUTES'], requestValues: undefined, matched: true }, {})).toBe(
      'StringEqualsIfExists dynamodb:Select: request (absent) vs policy [SPECIFIC_ATTRIBUTES]',
    );
  });
});

describe('values', () => {
  it('lists values, empty lists and absent keys distinctly', () => {
    expect(formatValues(['a'])).toBe('[a]');
    expect(formatValues([])).toBe('[]');
    expect(formatValues(undefined)).toBe('(absent)');
    expect(contextValue('true')).toBe('true');
    expect(contextValue(['x', 'y'])).toBe('[x, y]');
    expect(contextValue(undefined)).toBe('(absent)');
  });

  it('collects each substituted variable once across statements', () => {
    const ev = evaluation('Allow', [stmt('Allow', true, { [SUB]: ID }), stmt('Allow', false, { [SUB]: ID, '${aws:userid}': 'AROA:s' })]);
    expect(allSubstitutions(ev)).toEqual([
      [SUB, ID],
      ['${aws:userid}', 'AROA:s'],
    ]);
  });
});
