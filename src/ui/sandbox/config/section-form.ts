// One form of the Configure panel: a draft of a slice of the world that the learner edits, checked as it is
// typed — by validateWorld over the world the draft would make (what setWorld will judge), by the form's own
// further checks, and by fields that read their own text (numbers, JSON) — shown for a field once it has been
// left, and for everything on Apply; then applied with setWorld, which refuses a world validateWorld finds
// fault with and changes nothing. Every problem is shown next to the field it is about (the field whose path
// is the longest prefix of the problem's path) and listed in a summary; a problem no field on screen shows is
// listed there with where it is, in words.
import { createContext, useCallback, useContext, useRef, useState, type FormEvent } from 'react';
import type { WorldConfig } from '../../../sim/world/config';
import { useConfigApi, type WorldIssue } from './config-api';
import { describePath } from './describe-path';
import { closestField, getAt, isUnder, joinPath, pathId, setAt } from './paths';

export interface SectionSpec<D> {
  /** The slice of the world this form edits. */
  read(world: WorldConfig): D;
  /** The world with the edited slice put back. */
  write(world: WorldConfig, draft: D): WorldConfig;
  /** Checks validateWorld does not make, with paths in the world (as validateWorld writes them). */
  check?(draft: D, world: WorldConfig): WorldIssue[];
  /** The draft's root in the world, e.g. "userPools[0]"; a field at draft path "a.b" is about world path "{scope}.a.b". */
  scope: string;
}

export interface FieldProblem {
  message: string;
  /** The rest of the problem's path below the field, e.g. ".Statement[1].Effect". */
  rest: string;
}

export interface SummaryItem {
  /** Where in the world, as validateWorld writes it. */
  path: string;
  message: string;
  location: string;
  /** The element that shows the field, when one on screen does. */
  targetId?: string;
}

export interface SectionForm<D = unknown> {
  baseId: string;
  scope: string;
  draft: D;
  dirty: boolean;
  get(path: string): unknown;
  /** Sets a draft value; the field's own refused-value messages go (it has changed). */
  set(path: string, value: unknown, issuePath?: string): void;
  /** Any other change (adding or removing an item): every refused-value message goes. */
  update(change: (draft: D) => D): void;
  issuePathOf(path: string): string;
  idFor(issuePath: string): string;
  /** The id of the field on screen now that shows a problem at this path, if one does. */
  fieldIdFor(path: string): string | undefined;
  problemsFor(issuePath: string): FieldProblem[];
  touch(issuePath: string): void;
  register(issuePath: string): () => void;
  /** Problems a field finds in its own text (a number, JSON): they hold the form back like any other. */
  setLocalIssues(issuePath: string, issues: readonly WorldIssue[]): void;
  submit(event?: FormEvent): void;
  discard(): void;
  summary: SummaryItem[] | null;
  /** Bumped on each refused Apply, so the summary takes focus. */
  refusals: number;
  status: string;
  /** Bumped whenever the draft starts again from the world (Discard, a change of the world): fields holding their own text reread it. */
  generation: number;
}

interface State<D> {
  base: string;
  draft: D;
  serverIssues: readonly WorldIssue[];
  touched: ReadonlySet<string>;
  submitted: boolean;
  summary: SummaryItem[] | null;
  refusals: number;
  status: string;
  generation: number;
}

/**
 * The problems of a draft before it is sent, one account of each: a field's own reading of its text (a JSON
 * editor's grammar, a number) speaks for everything under it; then validateWorld, exactly as setWorld will
 * judge; then this form's further checks, on paths validateWorld says nothing about.
 */
export function immediateIssues(local: readonly (readonly [string, readonly WorldIssue[]])[], validated: readonly WorldIssue[], checked: readonly WorldIssue[]): WorldIssue[] {
  const own = local.filter(([, issues]) => issues.length > 0).map(([field]) => field);
  const fromWorld = validated.filter((issue) => !own.some((field) => isUnder(issue.path, field)));
  const taken = new Set(fromWorld.map((issue) => issue.path));
  return [...local.flatMap(([, issues]) => issues), ...fromWorld, ...checked.filter((issue) => !taken.has(issue.path) && !own.some((field) => isUnder(issue.path, field)))];
}

const clone = <T,>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

export function useSectionForm<D>(baseId: string, spec: SectionSpec<D>): SectionForm<D> {
  const api = useConfigApi();
  const slice = spec.read(api.world);
  const base = JSON.stringify(slice) ?? '';
  const fresh = (status: string, before?: State<D>): State<D> => ({
    base,
    draft: clone(slice),
    serverIssues: [],
    touched: new Set(),
    submitted: false,
    summary: null,
    refusals: before?.refusals ?? 0,
    status,
    generation: (before?.generation ?? 0) + 1,
  });
  const [state, setState] = useState<State<D>>(() => fresh(''));
  const [localIssues, setLocal] = useState<ReadonlyMap<string, readonly WorldIssue[]>>(new Map());
  const fields = useRef(new Map<string, number>());

  // The applied world changed (this form's Apply, another form's, a reset or an import): start again from it.
  let current = state;
  if (state.base !== base) {
    current = fresh(state.status, state);
    setState(current);
    if (localIssues.size > 0) setLocal(new Map());
  }

  const { scope } = spec;
  const candidate = spec.write(api.world, current.draft);
  const immediate = immediateIssues(
    [...localIssues.entries()],
    api.validate(candidate),
    spec.check?.(current.draft, api.world) ?? [],
  );
  const dirty = JSON.stringify(current.draft) !== base;

  const register = useCallback((issuePath: string) => {
    const map = fields.current;
    map.set(issuePath, (map.get(issuePath) ?? 0) + 1);
    return () => {
      const left = (map.get(issuePath) ?? 1) - 1;
      if (left <= 0) map.delete(issuePath);
      else map.set(issuePath, left);
    };
  }, []);

  const setLocalIssues = useCallback((issuePath: string, issues: readonly WorldIssue[]) => {
    setLocal((before) => {
      const had = before.get(issuePath) ?? [];
      if (JSON.stringify(had) === JSON.stringify(issues)) return before;
      const next = new Map(before);
      if (issues.length) next.set(issuePath, issues);
      else next.delete(issuePath);
      return next;
    });
  }, []);

  const fieldOf = (issue: WorldIssue) => closestField(issue.path, fields.current.keys());

  // A field's own problems: under its path, and under no other field's longer path. (A field that has just
  // appeared is not registered yet, so this does not ask the registry about the field itself.)
  const owns = (issuePath: string, issue: WorldIssue) => {
    if (!isUnder(issue.path, issuePath)) return false;
    for (const other of fields.current.keys()) if (other.length > issuePath.length && isUnder(issue.path, other)) return false;
    return true;
  };

  function problemsFor(issuePath: string): FieldProblem[] {
    const mine = (issue: WorldIssue) => owns(issuePath, issue);
    const shown = current.submitted || current.touched.has(issuePath);
    const list = [...current.serverIssues.filter(mine), ...(shown ? immediate.filter(mine) : [])];
    const seen = new Set<string>();
    return list
      .filter((issue) => !seen.has(issue.path + issue.message) && seen.add(issue.path + issue.message))
      .map((issue) => ({ message: issue.message, rest: issue.path.slice(issuePath.length) }));
  }

  function summarize(issues: readonly WorldIssue[], world: WorldConfig): SummaryItem[] {
    return issues.map((issue) => {
      const field = fieldOf(issue);
      return { path: issue.path, message: issue.message, location: describePath(issue.path, world), targetId: field === undefined ? undefined : pathId(baseId, field) };
    });
  }

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (immediate.length > 0) {
      setState((s) => ({ ...s, submitted: true, serverIssues: [], summary: summarize(immediate, candidate), refusals: s.refusals + 1, status: '' }));
      return;
    }
    const issues = api.setWorld(candidate);
    if (issues.length > 0) {
      setState((s) => ({ ...s, submitted: true, serverIssues: issues, summary: summarize(issues, candidate), refusals: s.refusals + 1, status: '' }));
      return;
    }
    const n = api.actionCount;
    const replay = n === 0 ? 'There are no actions to replay yet.' : `The sandbox replays your ${n === 1 ? 'action' : `${n} actions`} against it.`;
    setState((s) => ({ ...s, serverIssues: [], summary: null, submitted: false, touched: new Set(), status: `Applied. ${replay}` }));
  }

  return {
    baseId,
    scope,
    draft: current.draft,
    dirty,
    get: (path) => getAt(current.draft, path),
    set: (path, value, issuePath = joinPath(scope, path)) =>
      setState((s) => ({
        ...s,
        draft: setAt(s.draft, path, value),
        serverIssues: s.serverIssues.filter((issue) => !owns(issuePath, issue)),
        status: '',
      })),
    update: (change) => setState((s) => ({ ...s, draft: change(s.draft), serverIssues: [], status: '' })),
    issuePathOf: (path) => joinPath(scope, path),
    idFor: (issuePath) => pathId(baseId, issuePath),
    fieldIdFor: (path) => {
      const field = closestField(path, fields.current.keys());
      return field === undefined ? undefined : pathId(baseId, field);
    },
    problemsFor,
    touch: (issuePath) => setState((s) => (s.touched.has(issuePath) ? s : { ...s, touched: new Set([...s.touched, issuePath]) })),
    register,
    setLocalIssues,
    submit,
    discard: () => {
      setLocal(new Map());
      setState(fresh('Changes discarded.', current));
    },
    summary: current.summary,
    refusals: current.refusals,
    status: current.status,
    generation: current.generation,
  };
}

export const FormContext = createContext<SectionForm | null>(null);

export function useForm(): SectionForm {
  const form = useContext(FormContext);
  if (!form) throw new Error('A config field must be inside a SectionFrame');
  return form;
}
