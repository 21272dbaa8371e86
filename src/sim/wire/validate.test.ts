import { describe, expect, it } from 'vitest';
import { AwsError } from '../core/errors';
import { validateInput, type Shape } from './validate';

const shape: Shape = {
  ClientId: { type: 'string', required: true, min: 1, max: 128, pattern: '[\\w+]+', sensitive: true },
  Username: { type: 'string', required: true, max: 5 },
  Limit: { type: 'integer', min: 0, max: 60 },
  Flow: { type: 'string', enum: ['A', 'B'] },
  Attrs: { type: 'list', of: { type: 'object', fields: { Name: { type: 'string', required: true } } } },
  Meta: { type: 'stringMap' },
};

function errorOf(input: unknown): AwsError {
  try {
    validateInput(input, shape);
  } catch (e) {
    if (e instanceof AwsError) return e;
    throw e;
  }
  throw new Error('expected a validation error');
}

describe('Input validation, in the words of AWS', () => {
  it('accepts a conforming input', () => {
    expect(validateInput({ ClientId: 'abc', Username: 'bob', Limit: 3, Flow: 'A', Attrs: [{ Name: 'x' }], Meta: { a: 'b' } }, shape)).toBeTruthy();
  });

  it('reports a missing member as null', () => {
    expect(errorOf({ ClientId: 'abc' })).toMatchObject({
      code: 'InvalidParameterException',
      message: "1 validation error detected: Value null at 'username' failed to satisfy constraint: Member must not be null",
    });
  });

  it('reports every violation together, hiding sensitive values', () => {
    expect(errorOf({ ClientId: 'a b', Username: 'toolong', Limit: 99, Flow: 'C' }).message).toBe(
      '4 validation errors detected: ' +
        "Value at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+; " +
        "Value 'toolong' at 'username' failed to satisfy constraint: Member must have length less than or equal to 5; " +
        "Value '99' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60; " +
        "Value 'C' at 'flow' failed to satisfy constraint: Member must satisfy enum value set: [A, B]",
    );
  });

  it('names nested members by their path', () => {
    expect(errorOf({ ClientId: 'a', Username: 'b', Attrs: [{ Name: 'ok' }, {}] }).message).toBe(
      "1 validation error detected: Value null at 'attrs.2.member.name' failed to satisfy constraint: Member must not be null",
    );
  });

  it.each([
    ['a number for a string', { ClientId: 5, Username: 'b' }],
    ['an object for a string', { ClientId: {}, Username: 'b' }],
    ['a string for an integer', { ClientId: 'a', Username: 'b', Limit: '3' }],
    ['a list for a map', { ClientId: 'a', Username: 'b', Meta: [] }],
    ['a number inside a map', { ClientId: 'a', Username: 'b', Meta: { a: 1 } }],
    ['a string for a list', { ClientId: 'a', Username: 'b', Attrs: 'x' }],
  ])('refuses %s as a SerializationException', (_label, input) => {
    expect(errorOf(input).code).toBe('SerializationException');
  });

  it.each([[null], [[]], ['text'], [42]])('refuses a body that is not an object: %j', (input) => {
    expect(errorOf(input).code).toBe('SerializationException');
  });
});

describe('A linear-time matcher standing in for a model pattern', () => {
  it('accepts exactly the strings the PASSWORD pattern accepts', async () => {
    const fc = (await import('fast-check')).default;
    const { PASSWORD } = await import('../user-pool/ops/shapes');
    if (PASSWORD.type !== 'string' || !PASSWORD.pattern || !PASSWORD.matcher) throw new Error('PASSWORD has a pattern and a matcher');
    const model = new RegExp(`^(?:${PASSWORD.pattern})$`, 'u');
    const linear = new RegExp(`^(?:${PASSWORD.matcher})$`, 'u');
    const text = fc.array(fc.constantFrom('a', 'Z', '1', '#', ' ', '\t', '\n', 'é', '\u00a0'), { maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(fc.property(text, (s) => model.test(s) === linear.test(s)), { numRuns: 3000 });
  });
});
