// Small helpers for the forms' own checks (those validateWorld does not make): each adds an issue, with its path
// in the world, when the value is refused.
import type { WorldIssue } from './config-api';

export type Issues = WorldIssue[];

export function required(issues: Issues, path: string, value: unknown, message: string) {
  if (typeof value !== 'string' || value.trim() === '') issues.push({ path, message });
}

export function pattern(issues: Issues, path: string, value: unknown, regex: RegExp, message: string) {
  if (typeof value === 'string' && value !== '' && !regex.test(value)) issues.push({ path, message });
}

/** The second and later items whose key repeats an earlier one's. */
export function duplicates<T>(issues: Issues, items: readonly T[] | undefined, key: (item: T) => string | undefined, path: (index: number) => string, message: (key: string) => string) {
  const seen = new Set<string>();
  (items ?? []).forEach((item, i) => {
    const k = key(item);
    if (k === undefined || k === '') return;
    if (seen.has(k)) issues.push({ path: path(i), message: message(k) });
    seen.add(k);
  });
}

/** Names such as a policy's: 1–128 of letters, digits and +=,.@_-. */
export const AWS_NAME = /^[\w+=,.@-]{1,128}$/;
