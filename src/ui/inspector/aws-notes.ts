// The notes of one kind carried by an exchange and by the calls it made (a policy evaluated by DynamoDB
// under API Gateway…), each with the exchange it came from so a view can say where it happened.
import type { Exchange, Note } from '../../sim/index';

export type NoteOf<K extends Note['kind']> = Extract<Note, { kind: K }>;

export interface LocatedNote<K extends Note['kind']> {
  note: NoteOf<K>;
  /** The exchange that recorded it: the one shown, or one of its nested calls. */
  source: Exchange;
  nested: boolean;
}

export function notesOfKind<K extends Note['kind']>(kind: K, exchange: Exchange, nested: readonly Exchange[]): LocatedNote<K>[] {
  const found: LocatedNote<K>[] = [];
  for (const source of [exchange, ...nested]) {
    for (const note of source.notes) {
      if (note.kind === kind) found.push({ note: note as NoteOf<K>, source, nested: source !== exchange });
    }
  }
  return found;
}

/** "dynamodb: GetItem", naming a nested call for a heading or a caption. */
export function callName(source: Exchange): string {
  return `${source.to}: ${source.operation}`;
}
