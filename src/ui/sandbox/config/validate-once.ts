// validateWorld for the forms. Every section form judges the world its draft would make on each render, and the
// Configure panel keeps all nine forms mounted, so one change in the store (a replay's new trace, say) would
// validate the same world nine times over. validateWorld is pure: the answer for a world already judged (the
// same content, whichever object holds it) is reused. The latest few worlds are kept, no more.
import type { WorldConfig } from '../../../sim/index';
import { validateWorld, type WorldIssue } from '../../../store/sandbox';

const KEEP = 24;
const byContent = new Map<string, readonly WorldIssue[]>();

export function validateOnce(world: WorldConfig): WorldIssue[] {
  const key = JSON.stringify(world);
  let issues = byContent.get(key);
  if (issues) byContent.delete(key); // re-inserted below as the most recent
  else issues = validateWorld(world);
  byContent.set(key, issues);
  while (byContent.size > KEEP) byContent.delete(byContent.keys().next().value!);
  // A copy, so that no caller can change what the next one is told.
  return [...issues];
}
