// What checking an expression needs: the request's placeholders (tracking which are used, for AWS's
// "unused" errors) and a record of problems by kind, since AWS reports the most important kind first
// (e.g. an unknown function before a reserved word, whatever their order in the text) [P dynalite].
import type { AttributeValue } from '../types';
import { pathText, type Path, type RawElement } from './ast';
import { isReservedWord } from './reserved-words';

export interface Placeholders {
  names: Record<string, string> | undefined;
  values: Record<string, AttributeValue> | undefined;
  unusedNames: Set<string>;
  unusedValues: Set<string>;
}

export class Problems {
  private readonly found = new Map<string, string>();
  add(kind: string, message: string): void {
    if (!this.found.has(kind)) this.found.set(kind, message);
  }
  first(order: readonly string[]): string | undefined {
    for (const kind of order) {
      const message = this.found.get(kind);
      if (message !== undefined) return message;
    }
    return undefined;
  }
}

export function resolveElements(elements: RawElement[], ctx: Placeholders, problems: Problems, nameKind = 'placeholder'): Path {
  return elements.map((e) => {
    if (e.kind === 'index') return e.index;
    if (e.kind === 'attr') {
      if (isReservedWord(e.name)) problems.add('reserved', `Attribute name is a reserved keyword; reserved keyword: ${e.name}`);
      return e.name;
    }
    const name = ctx.names?.[e.placeholder];
    if (name === undefined) {
      problems.add(nameKind, `An expression attribute name used in the document path is not defined; attribute name: ${e.placeholder}`);
      return e.placeholder;
    }
    ctx.unusedNames.delete(e.placeholder);
    return name;
  });
}

export function resolveValue(placeholder: string, ctx: Placeholders, problems: Problems, kind = 'placeholder'): AttributeValue {
  const value = ctx.values?.[placeholder];
  if (value === undefined) {
    problems.add(kind, `An expression attribute value used in expression is not defined; attribute value: ${placeholder}`);
    return { NULL: true };
  }
  ctx.unusedValues.delete(placeholder);
  return value;
}

/** Records overlapping or conflicting paths (a and a.b; a.b and a[0]) as AWS reports them. */
export function checkPaths(paths: Path[], problems: Problems): void {
  for (let i = 1; i < paths.length; i++) {
    for (let j = 0; j < i; j++) {
      const one = paths[j]!;
      const two = paths[i]!;
      let k = 0;
      let differ = false;
      for (; k < one.length && k < two.length; k++) {
        if (typeof one[k] !== typeof two[k]) {
          problems.add('pathConflict', `Two document paths conflict with each other; must remove or rewrite one of these paths; path one: ${pathText(one)}, path two: ${pathText(two)}`);
          differ = true;
          break;
        }
        if (one[k] !== two[k]) {
          differ = true;
          break;
        }
      }
      if (!differ) problems.add('pathOverlap', `Two document paths overlap with each other; must remove or rewrite one of these paths; path one: ${pathText(one)}, path two: ${pathText(two)}`);
    }
  }
}
