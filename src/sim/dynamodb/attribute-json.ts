// Reading DynamoDB JSON from a request: first the JSON types (a wrong one is Coral's SerializationException,
// with the Jackson wording dynalite captured from DynamoDB [P]), then the values themselves (AWS's
// ValidationException texts: empty values, two types at once, bad numbers, empty or duplicated sets).
import { AwsError } from '../core/errors';
import { fromBase64, toBase64 } from '../../lib/encoding';
import { decimalProblem, formatDecimal, parseDecimal } from './numbers';
import { setOwn } from './own';
import { ATTRIBUTE_TYPES, type AttributeValue, type Item } from './types';

const ATTRIBUTE_VALUE_CLASS = 'com.amazonaws.dynamodb.v20120810.AttributeValue';
const serialization = (message: string) => new AwsError('SerializationException', message);

function jsonToken(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'TRUE_VALUE' : 'FALSE_VALUE';
  if (typeof value === 'number') return Number.isInteger(value) ? 'NUMBER_VALUE' : 'DECIMAL_VALUE';
  return 'STRING_VALUE';
}

function readString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) throw serialization('Unrecognized collection type class java.lang.String');
  if (typeof value === 'object') throw serialization('Start of structure or map found where not expected');
  throw serialization(`${jsonToken(value)} cannot be converted to String`);
}

function readBlob(value: unknown): string {
  if (Array.isArray(value)) throw serialization('Unrecognized collection type class java.nio.ByteBuffer');
  if (typeof value === 'object' && value !== null) throw serialization('Start of structure or map found where not expected');
  if (typeof value !== 'string') throw serialization('only base-64-encoded strings are convertible to bytes');
  if (value.length % 4 !== 0) throw serialization(`Base64 encoded length is expected a multiple of 4 bytes but found: ${value.length}`);
  try {
    return toBase64(fromBase64(value));
  } catch {
    throw serialization('Invalid last non-pad Base64 character dectected');
  }
}

function readBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) throw serialization('Unrecognized collection type class java.lang.Boolean');
  if (typeof value === 'object') throw serialization('Start of structure or map found where not expected');
  if (typeof value === 'string') throw serialization('Unexpected token received from parser');
  throw serialization(`${jsonToken(value)} cannot be converted to Boolean`);
}

function readList<T>(value: unknown, read: (v: unknown) => T): T[] {
  if (!Array.isArray(value)) {
    if (typeof value === 'object') throw serialization('Start of structure or map found where not expected');
    throw serialization('Unexpected field type');
  }
  return value.filter((v) => v !== null).map(read);
}

/** A value as sent: its members type-checked, but possibly empty or with several types (checked later). */
export type RawValue = Partial<Record<string, unknown>>;

/** Reads one attribute value's JSON; wrong JSON types throw SerializationException. */
export function readValue(json: unknown, depth = 0): RawValue {
  if (Array.isArray(json)) throw serialization(`Unrecognized collection type class ${ATTRIBUTE_VALUE_CLASS}`);
  if (typeof json !== 'object' || json === null) throw serialization('Unexpected value type in payload');
  // [U] AWS caps nesting at 32 levels; the message here is the simulator's.
  if (depth > 32) throw new AwsError('ValidationException', 'Nesting Levels have exceeded supported limits');
  const raw: RawValue = {};
  for (const [type, member] of Object.entries(json as Record<string, unknown>)) {
    if (member === null || member === undefined) continue;
    switch (type) {
      case 'S': case 'N': raw[type] = readString(member); break;
      case 'B': raw[type] = readBlob(member); break;
      case 'BOOL': case 'NULL': raw[type] = readBoolean(member); break;
      case 'SS': case 'NS': raw[type] = readList(member, readString); break;
      case 'BS': raw[type] = readList(member, readBlob); break;
      case 'L': raw[type] = readList(member, (v) => readValue(v, depth + 1)); break;
      case 'M': raw[type] = readMap(member, depth + 1); break;
      default: break; // unknown members are dropped, as Coral does
    }
  }
  return raw;
}

/** Reads a map of attribute values (an Item, a Key, ExpressionAttributeValues). */
export function readMap(json: unknown, depth = 0): Record<string, RawValue> {
  if (Array.isArray(json)) throw serialization(`Unrecognized collection type java.util.Map<java.lang.String, ${ATTRIBUTE_VALUE_CLASS}>`);
  if (typeof json !== 'object' || json === null) throw serialization('Unexpected field type');
  const out: Record<string, RawValue> = {};
  for (const [name, value] of Object.entries(json as Record<string, unknown>)) {
    if (value !== null && value !== undefined) setOwn(out, name, readValue(value, depth));
  }
  return out;
}

const INVALID = 'One or more parameter values were invalid: ';
const listText = (values: string[]) => `[${values.join(', ')}]`;

/** Checks a value read by readValue, returning it normalised, or AWS's complaint. */
export function checkValue(raw: RawValue): { value: AttributeValue } | { problem: string } {
  const types = Object.keys(raw);
  if (types.length === 0) return { problem: 'Supplied AttributeValue is empty, must contain exactly one of the supported datatypes' };
  let value: AttributeValue | undefined;
  for (const type of types) {
    const member = raw[type];
    switch (type) {
      case 'N': {
        const n = checkNumber(member as string);
        if ('problem' in n) return n;
        value = { N: n.text };
        break;
      }
      case 'NULL':
        if (member !== true) return { problem: `${INVALID}Null attribute value types must have the value of true` };
        value = { NULL: true };
        break;
      case 'SS': case 'BS': {
        const set = member as string[];
        if (set.length === 0) return { problem: type === 'SS' ? `${INVALID}An string set  may not be empty` : `${INVALID}Binary sets should not be empty` };
        if (new Set(set).size !== set.length) {
          return { problem: type === 'SS' ? `${INVALID}Input collection ${listText(set)} contains duplicates.` : `${INVALID}Input collection ${listText(set)}of type BS contains duplicates.` };
        }
        value = (type === 'SS' ? { SS: [...set] } : { BS: [...set] });
        break;
      }
      case 'NS': {
        const set = member as string[];
        if (set.length === 0) return { problem: `${INVALID}An number set  may not be empty` };
        const numbers: string[] = [];
        for (const text of set) {
          const n = checkNumber(text);
          if ('problem' in n) return n;
          numbers.push(n.text);
        }
        if (new Set(numbers).size !== numbers.length) return { problem: 'Input collection contains duplicates' };
        value = { NS: numbers };
        break;
      }
      case 'L': {
        const list: AttributeValue[] = [];
        for (const element of member as RawValue[]) {
          const checked = checkValue(element);
          if ('problem' in checked) return checked;
          list.push(checked.value);
        }
        value = { L: list };
        break;
      }
      case 'M': {
        const checked = checkItem(member as Record<string, RawValue>);
        if ('problem' in checked) return checked;
        value = { M: checked.item };
        break;
      }
      default:
        value = { [type]: member } as AttributeValue;
    }
  }
  if (types.length > 1) return { problem: 'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes' };
  return { value: value! };
}

function checkNumber(text: string): { text: string } | { problem: string } {
  if (text === '') return { problem: 'The parameter cannot be converted to a numeric value' };
  const d = parseDecimal(text);
  if (!d) return { problem: `The parameter cannot be converted to a numeric value: ${text}` };
  const problem = decimalProblem(d);
  return problem ? { problem } : { text: formatDecimal(d) };
}

/** Checks every value of a map (an item or a key). */
export function checkItem(raw: Record<string, RawValue>): { item: Item } | { problem: string } {
  const item: Item = {};
  for (const [name, value] of Object.entries(raw)) {
    const checked = checkValue(value);
    if ('problem' in checked) return checked;
    setOwn(item, name, checked.value);
  }
  return { item };
}

/** Reads and checks a map member of a request, throwing AWS's errors; `prefix` precedes a value's problem. */
export function itemFrom(json: unknown, prefix = ''): Item {
  const checked = checkItem(readMap(json));
  if ('problem' in checked) throw new AwsError('ValidationException', prefix + checked.problem);
  return checked.item;
}

export const isAttributeType = (s: string): boolean => (ATTRIBUTE_TYPES as readonly string[]).includes(s);
