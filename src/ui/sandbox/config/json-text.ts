// A JSON reader for the policy and item editors: the same values JSON.parse gives, plus where each value
// starts (line and column, both counted from 1) and, for a syntax error, where it is and what is wrong —
// the same in every browser, which JSON.parse's messages are not. A missing comma is reported where the
// comma belongs (right after the value before it), which is where the learner has to type it.
import { joinPath } from './paths';

export interface TextPosition {
  /** Characters from the start of the text, from 0. */
  index: number;
  line: number;
  column: number;
}

export interface JsonSyntaxError extends TextPosition {
  /** What is wrong, in plain words. */
  problem: string;
}

export type JsonReadResult =
  | { ok: true; value: unknown; positions: ReadonlyMap<string, TextPosition> }
  | { ok: false; error: JsonSyntaxError };

export function positionAt(text: string, index: number): TextPosition {
  return locator(text)(index);
}

/** A position finder for one text: line starts found once, then a binary search per lookup. */
function locator(text: string): (index: number) => TextPosition {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (index) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= index) low = mid;
      else high = mid - 1;
    }
    return { index, line: low + 1, column: index - starts[low]! + 1 };
  };
}

/** IAM's console wording for the finding, with where the error is. [V IAMDOC access-analyzer-reference-policy-checks: JSON_SYNTAX_ERROR] */
export function syntaxErrorMessage(error: JsonSyntaxError): string {
  return `Json syntax error: Fix the JSON syntax error at index ${error.index} line ${error.line} column ${error.column}. ${error.problem}`;
}

class SyntaxFailure extends Error {
  constructor(
    readonly at: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

const MAX_DEPTH = 100;

const describe = (ch: string | undefined): string => (ch === undefined ? 'the end of the text' : ch === '\n' ? 'a line break' : `'${ch}'`);

export function readJson(text: string): JsonReadResult {
  const positions = new Map<string, TextPosition>();
  const at = locator(text);
  let i = 0;
  const fail = (at: number, problem: string): never => {
    throw new SyntaxFailure(at, problem);
  };
  const skip = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };

  function readString(): string {
    const start = i;
    i++; // the opening quote
    let out = '';
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return out;
      }
      if (ch === '\n' || ch === '\r') fail(i, 'The string is not closed: a \'"\' is missing before the end of the line.');
      if (ch < ' ') fail(i, 'A control character (such as a tab) inside a string must be escaped, e.g. \\t.');
      if (ch === '\\') {
        const next = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (next !== undefined && next in simple) {
          out += simple[next];
          i += 2;
          continue;
        }
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        fail(i, `${describe(next === undefined ? undefined : `\\${next}`)} is not a valid escape in a JSON string.`);
      }
      out += ch;
      i++;
    }
    return fail(start, 'The string is not closed: a \'"\' is missing.');
  }

  function readNumber(): number {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match || match[0] === '-') return fail(i, 'A number is not written correctly.');
    i += match[0].length;
    return Number(match[0]);
  }

  let depth = 0;
  function nested<T>(read: () => T): T {
    if (++depth > MAX_DEPTH) fail(i, `Values are nested more than ${MAX_DEPTH} levels deep.`);
    const value = read();
    depth--;
    return value;
  }

  function readValue(path: string): unknown {
    skip();
    positions.set(path, at(i));
    const ch = text[i];
    if (ch === '{') return nested(() => readObject(path));
    if (ch === '[') return nested(() => readArray(path));
    if (ch === '"') return readString();
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return readNumber();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    if (ch === "'") return fail(i, 'Strings use double quotes (") in JSON, not single quotes.');
    if (ch === undefined) return fail(i, 'The text ends where a value was expected.');
    return fail(i, `A value was expected here, not ${describe(ch)}.`);
  }

  function readObject(path: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    i++; // {
    skip();
    if (text[i] === '}') {
      i++;
      return out;
    }
    for (;;) {
      skip();
      if (text[i] === '}') fail(i, "A comma can't come before '}': remove the last comma.");
      if (text[i] === "'") fail(i, 'Property names use double quotes (") in JSON, not single quotes.');
      if (text[i] !== '"') fail(i, `A property name in double quotes was expected here, not ${describe(text[i])}.`);
      const keyAt = i;
      const key = readString();
      skip();
      if (text[i] !== ':') fail(i, `A ':' was expected after the property name "${key}".`);
      i++;
      const childPath = joinPath(path, key);
      out[key] = readValue(childPath);
      const end = i;
      if (!positions.has(`${childPath}#key`)) positions.set(`${childPath}#key`, at(keyAt));
      skip();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return out;
      }
      if (text[i] === undefined) fail(end, "The object is not closed: a '}' is missing.");
      fail(end, `A comma (,) or '}' is missing after the value of "${key}".`);
    }
  }

  function readArray(path: string): unknown[] {
    const out: unknown[] = [];
    i++; // [
    skip();
    if (text[i] === ']') {
      i++;
      return out;
    }
    for (;;) {
      skip();
      if (text[i] === ']') fail(i, "A comma can't come before ']': remove the last comma.");
      out.push(readValue(joinPath(path, out.length)));
      const end = i;
      skip();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return out;
      }
      if (text[i] === undefined) fail(end, "The list is not closed: a ']' is missing.");
      fail(end, `A comma (,) or ']' is missing after element ${out.length} of the list.`);
    }
  }

  try {
    skip();
    if (i >= text.length) fail(i, 'The text is empty: write a JSON object, starting with {.');
    const value = readValue('');
    skip();
    if (i < text.length) fail(i, `Nothing may follow the end of the JSON document, but ${describe(text[i])} does.`);
    return { ok: true, value, positions };
  } catch (error) {
    if (error instanceof SyntaxFailure) return { ok: false, error: { ...at(error.at), problem: error.problem } };
    throw error;
  }
}
