// Choosing which of several things a form edits (a user pool, an API, a load balancer): a labelled
// select, shown only when there is more than one.
import { useId } from 'react';

export function Picker({ label, names, index, onChange }: { label: string; names: readonly string[]; index: number; onChange(index: number): void }) {
  const id = useId();
  if (names.length < 2) return null;
  return (
    <div className="config-field config-picker">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={index} onChange={(e) => onChange(Number(e.target.value))}>
        {names.map((name, i) => (
          <option key={i} value={i}>
            {name || `(unnamed ${i + 1})`}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The index to use when the list may have shrunk (an import, a reset). */
export const within = (index: number, length: number) => (index < length ? index : 0);

/** The object at `scope` with only `keys`, for a form that edits some fields of it. */
export function pick<T extends object, K extends keyof T>(value: T | undefined, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  if (!value) return out;
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

/** `value` with `keys` replaced by the draft's (a key the draft lacks is removed). */
export function merge<T extends object, K extends keyof T>(value: T, keys: readonly K[], draft: Pick<T, K>): T {
  const out = { ...value };
  for (const key of keys) {
    if (draft[key] === undefined) delete out[key];
    else out[key] = draft[key];
  }
  return out;
}

/** A SectionFrame `reveal` for a form showing item `current` of the list at `listPath`: selects the item a path is in. */
export function revealItem(listPath: string, current: number, select: (index: number) => void) {
  const prefix = `${listPath}[`;
  return (path: string) => {
    if (!path.startsWith(prefix)) return undefined;
    const index = Number(/^(\d+)\]/.exec(path.slice(prefix.length))?.[1] ?? NaN);
    return Number.isInteger(index) && index !== current ? () => select(index) : undefined;
  };
}

/**
 * The draft without the defaults a form showed for fields the original left out and the learner did not change,
 * so applying a form does not spell out AWS's defaults in the world (and in exports and share links).
 */
export function withoutShownDefaults<T extends object>(draft: T, original: T | undefined, defaults: Partial<T>): T {
  const out = { ...draft };
  for (const key of Object.keys(defaults) as (keyof T)[]) {
    if (original?.[key] === undefined && JSON.stringify(out[key]) === JSON.stringify(defaults[key])) delete out[key];
  }
  return out;
}
