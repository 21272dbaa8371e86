// The diagram in words, for its accessible name and for the text alternatives screen readers get.
import { actorInfo } from './actors';
import { edgeRef, type Diagram, type DiagramEdge } from './trace-to-diagram';

/** "Flow diagram: step 2 of 5, Your app → User pool: InitiateAuth". */
export function diagramName(diagram: Diagram): string {
  const { current } = diagram;
  if (!current) return 'Flow diagram: no steps yet';
  return `Flow diagram: step ${current.number} of ${current.stepCount}, ${current.fromLabel} → ${current.toLabel}: ${current.requestLabel}`;
}

/** "#2: Your app sent InitiateAuth to User pool; User pool answered an error, 400 UserNotConfirmedException." */
export function describeEdge(edge: DiagramEdge): string {
  const from = actorInfo(edge.from).label;
  const to = actorInfo(edge.to).label;
  const answer = edge.outcome === 'error' ? `an error, ${edge.status} ${edge.responseLabel}` : `${edge.status} ${edge.responseLabel}`;
  const nested = edge.nested ? `, nested in #${edge.number}` : '';
  return `#${edgeRef(edge)}${nested}: ${from} sent ${edge.label} to ${to}; ${to} answered ${answer}.`;
}
