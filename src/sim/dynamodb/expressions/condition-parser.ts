// Parses ConditionExpression, FilterExpression and KeyConditionExpression (one grammar) into a raw tree:
// comparisons, BETWEEN, IN, AND/OR/NOT with parentheses, function calls, document paths with dots and
// [n]. Only syntax is checked here; meaning (placeholders, functions, reserved words) comes after.
import type { Comparator, RawCondition, RawElement, RawOperand, RawPath } from './ast';
import type { Token, TokenStream } from './tokens';

const COMPARATORS = new Set(['=', '<>', '<', '<=', '>', '>=']);
const CONDITION_KEYWORDS = new Set(['AND', 'OR', 'NOT', 'BETWEEN', 'IN']);
/** [U] AWS's own limit on nesting is not documented; deeper than this is reported as a syntax error. */
const MAX_DEPTH = 300;

export interface ParseState {
  stream: TokenStream;
  keywords: Set<string>;
  depth: number;
  /** Operators and functions, for AWS's limit of 300 per expression. */
  operators: number;
  redundantParens: boolean;
}

export function enter(state: ParseState, token: Token) {
  if (++state.depth > MAX_DEPTH) state.stream.fail(token);
}

const isKeyword = (state: ParseState, token: Token) => token.kind === 'ident' && state.keywords.has(token.text.toUpperCase());

/** A document path: names (or #placeholders), then `.name` and `[n]` steps. */
export function parsePath(state: ParseState): RawPath {
  const { stream } = state;
  const elements: RawElement[] = [];
  const element = () => {
    const t = stream.peek();
    if (t.kind === 'ident' && !isKeyword(state, t)) elements.push({ kind: 'attr', name: stream.next().text });
    else if (t.kind === 'name') elements.push({ kind: 'name', placeholder: stream.next().text });
    else stream.fail(t);
  };
  element();
  for (;;) {
    if (stream.isPunct('.')) {
      stream.next();
      element();
    } else if (stream.isPunct('[')) {
      stream.next();
      const n = stream.peek();
      if (n.kind !== 'number') stream.fail(n);
      stream.next();
      stream.expect(']');
      elements.push({ kind: 'index', index: Number(n.text) });
    } else return { kind: 'path', elements };
  }
}

/** Function arguments after the opening parenthesis, through the closing one. */
export function parseArguments(state: ParseState, operand: (s: ParseState) => RawOperand): RawOperand[] {
  const args = [operand(state)];
  while (state.stream.isPunct(',')) {
    state.stream.next();
    args.push(operand(state));
  }
  state.stream.expect(')');
  return args;
}

/** An operand of a condition: a path, a :value, a function call, or any of these in parentheses. */
export function parseOperand(state: ParseState): RawOperand {
  const { stream } = state;
  const t = stream.peek();
  if (t.kind === 'punct' && t.text === '(') {
    enter(state, t);
    stream.next();
    const inner = parseOperand(state);
    stream.expect(')');
    state.depth--;
    if (inner.wrapped) state.redundantParens = true;
    return { ...inner, wrapped: true };
  }
  if (t.kind === 'value') return { kind: 'value', placeholder: stream.next().text };
  if (t.kind === 'ident' && !isKeyword(state, t) && stream.isPunct('(', 1)) {
    enter(state, t);
    stream.next();
    stream.next();
    state.operators++;
    const args = parseArguments(state, parseOperand);
    state.depth--;
    return { kind: 'call', name: t.text, args };
  }
  return parsePath(state);
}

/** Index of the parenthesis closing the one at `open` (in the full token list), or -1. */
function matchingParen(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'punct') continue;
    if (t.text === '(') depth++;
    else if (t.text === ')' && --depth === 0) return i;
  }
  return -1;
}

function nextSignificant(tokens: Token[], from: number): Token | undefined {
  for (let i = from; i < tokens.length; i++) if (tokens[i]!.kind !== 'ws') return tokens[i];
  return undefined;
}

/** After a parenthesised group: does an operator follow, so the group was an operand? */
function groupIsOperand(state: ParseState, open: Token): boolean {
  const close = matchingParen(state.stream.tokens, open.index);
  if (close < 0) return false;
  const after = nextSignificant(state.stream.tokens, close + 1);
  if (!after) return false;
  if (after.kind === 'punct') return COMPARATORS.has(after.text);
  return after.kind === 'ident' && (after.text.toUpperCase() === 'BETWEEN' || after.text.toUpperCase() === 'IN');
}

function parsePrimary(state: ParseState): RawCondition {
  const { stream } = state;
  const t = stream.peek();
  if (t.kind === 'punct' && t.text === '(' && !groupIsOperand(state, t)) {
    enter(state, t);
    stream.next();
    const inner = parseOr(state);
    stream.expect(')');
    state.depth--;
    if (inner.wrapped) state.redundantParens = true;
    return { ...inner, wrapped: true };
  }
  const subject = parseOperand(state);
  const op = stream.peek();
  if (op.kind === 'punct' && COMPARATORS.has(op.text)) {
    stream.next();
    state.operators++;
    return { kind: 'compare', op: op.text as Comparator, left: subject, right: parseOperand(state) };
  }
  if (stream.isKeyword('BETWEEN')) {
    stream.next();
    state.operators++;
    const low = parseOperand(state);
    if (!stream.isKeyword('AND')) stream.fail();
    stream.next();
    return { kind: 'between', subject, low, high: parseOperand(state) };
  }
  if (stream.isKeyword('IN')) {
    stream.next();
    state.operators++;
    stream.expect('(');
    return { kind: 'in', subject, list: parseArguments(state, parseOperand) };
  }
  if (subject.kind === 'call' && !subject.wrapped) return { kind: 'call', name: subject.name, args: subject.args };
  return stream.fail(op);
}

function parseNot(state: ParseState): RawCondition {
  if (state.stream.isKeyword('NOT')) {
    state.stream.next();
    state.operators++;
    return { kind: 'not', operand: parsePrimary(state) };
  }
  return parsePrimary(state);
}

function parseAnd(state: ParseState): RawCondition {
  let left = parseNot(state);
  while (state.stream.isKeyword('AND')) {
    state.stream.next();
    state.operators++;
    left = { kind: 'and', left, right: parseNot(state) };
  }
  return left;
}

function parseOr(state: ParseState): RawCondition {
  let left = parseAnd(state);
  while (state.stream.isKeyword('OR')) {
    state.stream.next();
    state.operators++;
    left = { kind: 'or', left, right: parseAnd(state) };
  }
  return left;
}

/** Parses a whole condition; throws ExpressionProblem on a syntax error. */
export function parseConditionTokens(stream: TokenStream): { condition: RawCondition; operators: number; redundantParens: boolean } {
  const state: ParseState = { stream, keywords: CONDITION_KEYWORDS, depth: 0, operators: 0, redundantParens: false };
  const condition = parseOr(state);
  if (stream.peek().kind !== 'eof') stream.fail();
  return { condition, operators: state.operators, redundantParens: state.redundantParens };
}

