// The shapes of parsed expressions: raw (as written, placeholders unresolved) from the parsers, and
// resolved (names substituted, values looked up) for evaluation.
import type { AttributeValue } from '../types';

export type Comparator = '=' | '<>' | '<' | '<=' | '>' | '>=';

export type RawElement = { kind: 'attr'; name: string } | { kind: 'name'; placeholder: string } | { kind: 'index'; index: number };

export type RawOperand = (
  | { kind: 'path'; elements: RawElement[] }
  | { kind: 'value'; placeholder: string }
  | { kind: 'call'; name: string; args: RawOperand[] }
  | { kind: 'arith'; op: '+' | '-'; left: RawOperand; right: RawOperand }
) & { wrapped?: boolean };

export type RawCondition = (
  | { kind: 'compare'; op: Comparator; left: RawOperand; right: RawOperand }
  | { kind: 'between'; subject: RawOperand; low: RawOperand; high: RawOperand }
  | { kind: 'in'; subject: RawOperand; list: RawOperand[] }
  | { kind: 'and' | 'or'; left: RawCondition; right: RawCondition }
  | { kind: 'not'; operand: RawCondition }
  | { kind: 'call'; name: string; args: RawOperand[] }
) & { wrapped?: boolean };

export type RawPath = Extract<RawOperand, { kind: 'path' }>;

export type RawUpdateAction =
  | { kind: 'set'; path: RawPath; value: RawOperand }
  | { kind: 'remove'; path: RawPath }
  | { kind: 'add' | 'delete'; path: RawPath; value: RawOperand };

export interface RawUpdate {
  sections: { keyword: 'SET' | 'REMOVE' | 'ADD' | 'DELETE'; actions: RawUpdateAction[] }[];
}

/** A document path: attribute and map-key names, and list indexes. */
export type Path = (string | number)[];

export type Operand =
  | { kind: 'path'; path: Path }
  | { kind: 'value'; value: AttributeValue }
  | { kind: 'size'; arg: Operand };

export type ConditionFunction = 'attribute_exists' | 'attribute_not_exists' | 'attribute_type' | 'begins_with' | 'contains';

export type Condition =
  | { kind: 'compare'; op: Comparator; left: Operand; right: Operand }
  | { kind: 'between'; subject: Operand; low: Operand; high: Operand }
  | { kind: 'in'; subject: Operand; list: Operand[] }
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; operand: Condition }
  | { kind: 'function'; name: ConditionFunction; args: Operand[] };

export type UpdateValue =
  | { kind: 'path'; path: Path }
  | { kind: 'value'; value: AttributeValue }
  | { kind: 'if_not_exists'; path: Path; fallback: UpdateValue }
  | { kind: 'list_append'; left: UpdateValue; right: UpdateValue }
  | { kind: 'arith'; op: '+' | '-'; left: UpdateValue; right: UpdateValue };

export type UpdateAction =
  | { kind: 'set'; path: Path; value: UpdateValue }
  | { kind: 'remove'; path: Path }
  | { kind: 'add' | 'delete'; path: Path; value: AttributeValue };

/** "[a, b, [1]]", as AWS prints a path in its messages. */
export const pathText = (path: Path): string => `[${path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join(', ')}]`;
