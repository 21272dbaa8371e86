// Parses an UpdateExpression: SET (with + and -, if_not_exists, list_append), REMOVE, ADD and DELETE
// sections, each a comma-separated list of actions. Only syntax is checked here.
import type { RawOperand, RawPath, RawUpdate, RawUpdateAction } from './ast';
import { enter, parseArguments, parsePath, type ParseState } from './condition-parser';
import type { TokenStream } from './tokens';

const SECTION_KEYWORDS = new Set(['SET', 'REMOVE', 'ADD', 'DELETE']);
type Keyword = RawUpdate['sections'][number]['keyword'];

function parseTerm(state: ParseState): RawOperand {
  const { stream } = state;
  const t = stream.peek();
  if (t.kind === 'punct' && t.text === '(') {
    enter(state, t);
    stream.next();
    const inner = parseSetValue(state);
    stream.expect(')');
    state.depth--;
    return { ...inner, wrapped: true };
  }
  if (t.kind === 'value') return { kind: 'value', placeholder: stream.next().text };
  if (t.kind === 'ident' && !SECTION_KEYWORDS.has(t.text.toUpperCase()) && stream.isPunct('(', 1)) {
    enter(state, t);
    stream.next();
    stream.next();
    state.operators++;
    const args = parseArguments(state, parseTerm);
    state.depth--;
    return { kind: 'call', name: t.text, args };
  }
  return parsePath(state);
}

function parseSetValue(state: ParseState): RawOperand {
  let left = parseTerm(state);
  while (state.stream.isPunct('+') || state.stream.isPunct('-')) {
    const op = state.stream.next().text as '+' | '-';
    state.operators++;
    left = { kind: 'arith', op, left, right: parseTerm(state) };
  }
  return left;
}

function parseValuePlaceholder(state: ParseState): RawOperand {
  const t = state.stream.peek();
  if (t.kind !== 'value') state.stream.fail(t);
  return { kind: 'value', placeholder: state.stream.next().text };
}

function parseAction(state: ParseState, keyword: Keyword): RawUpdateAction {
  const path: RawPath = parsePath(state);
  switch (keyword) {
    case 'SET':
      state.stream.expect('=');
      return { kind: 'set', path, value: parseSetValue(state) };
    case 'REMOVE':
      return { kind: 'remove', path };
    case 'ADD':
      return { kind: 'add', path, value: parseValuePlaceholder(state) };
    case 'DELETE':
      return { kind: 'delete', path, value: parseValuePlaceholder(state) };
  }
}

/** Parses a whole update expression; throws ExpressionProblem on a syntax error. */
export function parseUpdateTokens(stream: TokenStream): { update: RawUpdate; operators: number } {
  const state: ParseState = { stream, keywords: SECTION_KEYWORDS, depth: 0, operators: 0, redundantParens: false };
  const update: RawUpdate = { sections: [] };
  do {
    const t = stream.peek();
    const keyword = t.kind === 'ident' ? t.text.toUpperCase() : '';
    if (!SECTION_KEYWORDS.has(keyword)) stream.fail(t);
    stream.next();
    const actions = [parseAction(state, keyword as Keyword)];
    while (stream.isPunct(',')) {
      stream.next();
      actions.push(parseAction(state, keyword as Keyword));
    }
    update.sections.push({ keyword: keyword as Keyword, actions });
  } while (stream.peek().kind !== 'eof');
  return { update, operators: state.operators };
}

/** Parses a ProjectionExpression: paths separated by commas. */
export function parseProjectionTokens(stream: TokenStream): RawPath[] {
  const state: ParseState = { stream, keywords: new Set(), depth: 0, operators: 0, redundantParens: false };
  const paths = [parsePath(state)];
  while (stream.isPunct(',')) {
    stream.next();
    paths.push(parsePath(state));
  }
  if (stream.peek().kind !== 'eof') stream.fail();
  return paths;
}
