// Adding and removing the items of a list in a form's draft (groups, app clients, routes…), with focus
// moved where the learner expects it: into a new item, or to the Add button after a removal.
import { useEffect, useRef } from 'react';
import { getAt, setAt } from './paths';
import { useForm } from './section-form';
import { focusField } from './section-frame';

/** Focus the element with this id after the next render (it may not exist yet). */
export function useFocusLater(): (id: string) => void {
  const target = useRef<string | null>(null);
  // After every render: the change that asked for focus has rendered by then.
  useEffect(() => {
    if (target.current === null) return;
    focusField(target.current);
    target.current = null;
  });
  return (id) => {
    target.current = id;
  };
}

export function AddButton<T>({ path, label, make, focusPath }: { path: string; label: string; make(list: readonly T[]): T; focusPath?: (index: number) => string }) {
  const form = useForm();
  const focusLater = useFocusLater();
  return (
    <button
      type="button"
      className="button button--secondary config-add"
      onClick={() => {
        const list = (getAt(form.draft, path) as T[] | undefined) ?? [];
        form.update((d) => setAt(d, path, [...list, make(list)]));
        if (focusPath) focusLater(form.idFor(form.issuePathOf(focusPath(list.length))));
      }}
    >
      {label}
    </button>
  );
}

export function RemoveButton({ path, index, label, onRemoved }: { path: string; index: number; label: string; onRemoved?: () => void }) {
  const form = useForm();
  const ref = useRef<HTMLButtonElement>(null);
  return (
    <button
      ref={ref}
      type="button"
      className="button button--secondary config-remove"
      onClick={() => {
        const list = (getAt(form.draft, path) as unknown[] | undefined) ?? [];
        const next = list.filter((_, i) => i !== index);
        form.update((d) => setAt(d, path, next));
        // The button goes with its item: leave focus on the section's Add button rather than on nothing.
        const section = ref.current?.closest('form');
        setTimeout(() => section?.querySelector<HTMLButtonElement>('.config-add')?.focus(), 0);
        onRemoved?.();
      }}
    >
      {label}
    </button>
  );
}

/** A name for a new item that no other item has: "group-2", "group-3"… */
export function freshName(base: string, taken: readonly (string | undefined)[]): string {
  for (let n = taken.length + 1; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}
