// The lexer shared by every DynamoDB expression, and AWS's syntax error: `Syntax error; token: "x",
// near: "…"`, where "near" is the offending token with its neighbours as written (the token before it,
// and the one before that when whitespace separates them; the token after it, likewise) [P moto, from AWS].

import { AwsError } from '../../core/errors';

export type TokenKind = 'ident' | 'name' | 'value' | 'number' | 'punct' | 'ws' | 'bad' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Index in the token list (whitespace included). */
  index: number;
}

const PUNCTUATION = ['<=', '>=', '<>', '=', '<', '>', '(', ')', ',', '.', '[', ']', '+', '-'];
const WORD = /[A-Za-z0-9_]/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const push = (kind: TokenKind, value: string) => tokens.push({ kind, text: value, index: tokens.length });
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      let j = i + 1;
      while (j < text.length && ' \t\n\r'.includes(text[j]!)) j++;
      push('ws', text.slice(i, j));
      i = j;
      continue;
    }
    if (c === '#' || c === ':' || WORD.test(c)) {
      let j = i + 1;
      while (j < text.length && WORD.test(text[j]!)) j++;
      const word = text.slice(i, j);
      if (c === '#' || c === ':') push(word.length > 1 ? (c === '#' ? 'name' : 'value') : 'bad', word);
      else if (/^[0-9]+$/.test(word)) push('number', word);
      else if (/^[0-9]/.test(word)) push('bad', word);
      else push('ident', word);
      i = j;
      continue;
    }
    const punct = PUNCTUATION.find((p) => text.startsWith(p, i));
    if (punct) {
      push('punct', punct);
      i += punct.length;
      continue;
    }
    // One character, whole code point, that no expression may contain.
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    push('bad', ch);
    i += ch.length;
  }
  tokens.push({ kind: 'eof', text: '', index: tokens.length });
  return tokens;
}

/** AWS's "Syntax error; token: …, near: …" for the token at this index of the list. */
export function syntaxErrorDetail(tokens: Token[], index: number): string {
  const at = tokens[index]!;
  const text = (i: number) => tokens[i]?.text ?? '';
  let near = '';
  const last = tokens[index - 1];
  if (last) near += (last.kind === 'ws' ? text(index - 2) : '') + last.text;
  near += at.text;
  const next = tokens[index + 1];
  if (next && next.kind !== 'eof') near += next.text + (next.kind === 'ws' ? text(index + 2) : '');
  const token = at.kind === 'eof' ? '<EOF>' : at.text;
  return `Syntax error; token: "${token}", near: "${near}"`;
}

/** A syntax error: already an AwsError, which the compiler re-words as "Invalid <Name>: …". */
export class ExpressionProblem extends AwsError {
  constructor(readonly detail: string) {
    super('ValidationException', detail);
  }
}

/** A cursor over the tokens that skips whitespace. */
export class TokenStream {
  private position = 0;
  constructor(readonly tokens: Token[]) {
    this.skip();
  }

  private skip() {
    while (this.tokens[this.position]!.kind === 'ws') this.position++;
  }

  peek(offset = 0): Token {
    let p = this.position;
    for (let n = 0; n < offset; n++) {
      if (this.tokens[p]!.kind === 'eof') break;
      p++;
      while (this.tokens[p]!.kind === 'ws') p++;
    }
    return this.tokens[p]!;
  }

  next(): Token {
    const token = this.tokens[this.position]!;
    if (token.kind !== 'eof') {
      this.position++;
      this.skip();
    }
    return token;
  }

  /** Consumes the punctuation or fails with AWS's syntax error. */
  expect(punct: string): Token {
    const token = this.peek();
    if (token.kind !== 'punct' || token.text !== punct) this.fail(token);
    return this.next();
  }

  isPunct(punct: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'punct' && t.text === punct;
  }

  isKeyword(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'ident' && t.text.toUpperCase() === word;
  }

  fail(token: Token = this.peek()): never {
    throw new ExpressionProblem(syntaxErrorDetail(this.tokens, token.index));
  }
}
