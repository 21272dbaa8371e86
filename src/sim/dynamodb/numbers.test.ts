import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NUMBER_ERRORS, addDecimals, canonicalNumber, compareDecimals, decimalProblem, formatDecimal, parseDecimal } from './numbers';

describe('DynamoDB numbers', () => {
  it.each([
    ['1.50', '1.5'],
    ['1E2', '100'],
    ['-0.0012e3', '-1.2'],
    ['+007', '7'],
    ['-0', '0'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['1e-5', '0.00001'],
  ])('stores %s as %s', (text, canonical) => {
    expect(canonicalNumber(text)).toBe(canonical);
  });

  it.each(['', 'abc', '1,5', '0x10', 'Infinity', 'NaN', '1e', ' 1', '--1'])('refuses %j', (text) => {
    expect(parseDecimal(text)).toBeUndefined();
  });

  it('refuses what DynamoDB cannot store', () => {
    expect(decimalProblem(parseDecimal('1e126')!)).toBe(NUMBER_ERRORS.overflow);
    expect(decimalProblem(parseDecimal('9.9999e125')!)).toBeUndefined();
    expect(decimalProblem(parseDecimal('1e-131')!)).toBe(NUMBER_ERRORS.underflow);
    expect(decimalProblem(parseDecimal('1'.repeat(39))!)).toBe(NUMBER_ERRORS.precision);
    expect(decimalProblem(parseDecimal('1'.repeat(38))!)).toBeUndefined();
  });

  it('adds and subtracts exactly', () => {
    const sum = addDecimals(parseDecimal('0.1')!, parseDecimal('0.2')!);
    expect(formatDecimal(sum)).toBe('0.3');
    expect(formatDecimal(addDecimals(parseDecimal('5')!, parseDecimal('7.25')!, true))).toBe('-2.25');
    expect(formatDecimal(addDecimals(parseDecimal('1e20')!, parseDecimal('1')!))).toBe('100000000000000000001');
  });

  it('orders numbers as numbers, whatever their notation (property)', () => {
    const decimal = fc.tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 4 }));
    fc.assert(
      fc.property(decimal, decimal, ([a, sa], [b, sb]) => {
        const x = a / 10 ** sa;
        const y = b / 10 ** sb;
        const c = compareDecimals(parseDecimal(`${a}e-${sa}`)!, parseDecimal(x.toFixed(sa))!);
        expect(c).toBe(0);
        expect(Math.sign(compareDecimals(parseDecimal(`${a}e-${sa}`)!, parseDecimal(`${b}e-${sb}`)!))).toBe(Math.sign(x - y));
      }),
    );
  });
});
