// A policy document in the JSON editor, checked as the IAM console's policy editor checks it, each
// problem named by its statement ("Statement 2 (line 9): Invalid effect: …").
import { JsonEditor } from './json-editor';
import { checkPolicy, type PolicyKind } from './policy-check';

const statementOf = (path: string) => {
  const match = /^Statement(?:\[(\d+)\])?/.exec(path);
  return match ? `Statement ${Number(match[1] ?? 0) + 1}` : undefined;
};

export function PolicyEditor({ path, label, kind, hint }: { path: string; label: string; kind: PolicyKind; hint?: string }) {
  return <JsonEditor path={path} label={label} hint={hint} check={(value) => checkPolicy(value, kind)} partOf={statementOf} />;
}
