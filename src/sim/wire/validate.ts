// Input validation in the style of AWS's Coral framework: first the JSON shape (a wrong type is a
// SerializationException), then the model's constraints (all violations reported together as
// "N validation error(s) detected: Value '…' at 'member' failed to satisfy constraint: …").
import { AwsError } from '../core/errors';

export type FieldSpec =
  | { type: 'string'; required?: boolean; min?: number; max?: number; pattern?: string; /** A linear-time equivalent of `pattern` to test with, where the model's own would backtrack badly. */ matcher?: string; enum?: readonly string[]; sensitive?: boolean }
  | { type: 'boolean'; required?: boolean }
  | { type: 'integer'; required?: boolean; min?: number; max?: number }
  | { type: 'stringMap'; required?: boolean; sensitive?: boolean }
  | { type: 'list'; required?: boolean; min?: number; max?: number; of: FieldSpec }
  | { type: 'object'; required?: boolean; fields: Shape };

export type Shape = Record<string, FieldSpec>;

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function jsonTypeName(value: unknown): string {
  if (value === null) return 'NULL_VALUE';
  if (Array.isArray(value)) return 'START_ARRAY';
  switch (typeof value) {
    case 'string': return 'VALUE_STRING';
    case 'number': return Number.isInteger(value) ? 'VALUE_NUMBER_INT' : 'VALUE_NUMBER_FLOAT';
    case 'boolean': return value ? 'VALUE_TRUE' : 'VALUE_FALSE';
    default: return 'START_OBJECT';
  }
}

// [U] The exact SerializationException wording varies by service; this follows the Jackson token names
// Coral reports, e.g. "Unexpected token received from parser" / "… can not be converted to String".
function serializationError(value: unknown, expected: string): AwsError {
  return new AwsError('SerializationException', `${jsonTypeName(value)} can not be converted to ${expected}`);
}

function checkTypes(value: unknown, spec: FieldSpec): void {
  if (value === undefined || value === null) return;
  switch (spec.type) {
    case 'string':
      if (typeof value !== 'string') throw serializationError(value, 'String');
      return;
    case 'boolean':
      if (typeof value !== 'boolean') throw serializationError(value, 'Boolean');
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw serializationError(value, 'Integer');
      return;
    case 'stringMap':
      if (typeof value !== 'object' || Array.isArray(value)) throw serializationError(value, 'Map');
      for (const v of Object.values(value as object)) if (v !== null && typeof v !== 'string') throw serializationError(v, 'String');
      return;
    case 'list':
      if (!Array.isArray(value)) throw serializationError(value, 'List');
      for (const item of value) checkTypes(item, spec.of);
      return;
    case 'object':
      if (typeof value !== 'object' || Array.isArray(value)) throw serializationError(value, 'Structure');
      for (const [name, child] of Object.entries(spec.fields)) checkTypes((value as Record<string, unknown>)[name], child);
      return;
  }
}

function describeValue(value: unknown, sensitive: boolean | undefined): string {
  if (sensitive) return 'Value at';
  if (value === undefined || value === null) return 'Value null at';
  if (typeof value === 'string') return `Value '${value}' at`;
  return `Value '${JSON.stringify(value)}' at`;
}

const patterns = new Map<string, RegExp>();
function compiled(pattern: string): RegExp {
  let regex = patterns.get(pattern);
  if (!regex) {
    regex = new RegExp(`^(?:${pattern})$`, 'u');
    patterns.set(pattern, regex);
  }
  return regex;
}

function collectViolations(value: unknown, spec: FieldSpec, path: string, out: string[]): void {
  const at = (constraint: string) => out.push(`${describeValue(value, 'sensitive' in spec ? spec.sensitive : false)} '${path}' failed to satisfy constraint: ${constraint}`);
  if (value === undefined || value === null) {
    if (spec.required) at('Member must not be null');
    return;
  }
  switch (spec.type) {
    case 'string': {
      const s = value as string;
      if (spec.min !== undefined && s.length < spec.min) at(`Member must have length greater than or equal to ${spec.min}`);
      if (spec.max !== undefined && s.length > spec.max) at(`Member must have length less than or equal to ${spec.max}`);
      if (spec.pattern !== undefined && !compiled(spec.matcher ?? spec.pattern).test(s)) at(`Member must satisfy regular expression pattern: ${spec.pattern}`);
      if (spec.enum && !spec.enum.includes(s)) at(`Member must satisfy enum value set: [${spec.enum.join(', ')}]`);
      return;
    }
    case 'integer': {
      const n = value as number;
      if (spec.min !== undefined && n < spec.min) at(`Member must have value greater than or equal to ${spec.min}`);
      if (spec.max !== undefined && n > spec.max) at(`Member must have value less than or equal to ${spec.max}`);
      return;
    }
    case 'list': {
      const list = value as unknown[];
      if (spec.min !== undefined && list.length < spec.min) at(`Member must have length greater than or equal to ${spec.min}`);
      if (spec.max !== undefined && list.length > spec.max) at(`Member must have length less than or equal to ${spec.max}`);
      list.forEach((item, i) => collectViolations(item, spec.of, `${path}.${i + 1}.member`, out));
      return;
    }
    case 'object':
      for (const [name, child] of Object.entries(spec.fields)) {
        collectViolations((value as Record<string, unknown>)[name], child, `${path}.${lowerFirst(name)}`, out);
      }
      return;
    case 'boolean':
    case 'stringMap':
      return;
  }
}

/**
 * Checks `input` against `shape` and returns it typed, or throws AWS's error. `errorCode` is the
 * code the service uses for constraint violations (Cognito: InvalidParameterException).
 */
export function validateInput<T>(input: unknown, shape: Shape, errorCode = 'InvalidParameterException'): T {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new AwsError('SerializationException', 'Start of structure or map found where not expected.');
  }
  const record = input as Record<string, unknown>;
  for (const [name, spec] of Object.entries(shape)) checkTypes(record[name], spec);
  const violations: string[] = [];
  for (const [name, spec] of Object.entries(shape)) collectViolations(record[name], spec, lowerFirst(name), violations);
  if (violations.length > 0) {
    const n = violations.length;
    throw new AwsError(errorCode, `${n} validation error${n === 1 ? '' : 's'} detected: ${violations.join('; ')}`);
  }
  return input as T;
}
