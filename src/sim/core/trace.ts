// Records exchanges in order. An exchange is opened when a request arrives and completed when its
// response is ready, so a nested call (a service asking another through the router) appears before
// the exchange that caused it completes, carrying that exchange's id as parentId.
import type { ActorId, Exchange, Note, RecordedRequest, RecordedResponse } from './trace-types';

export interface OpenExchange {
  readonly id: string;
  readonly parentId: string | undefined;
  readonly notes: Note[];
  operation: string;
}

export interface TraceRecorder {
  open(init: { from: ActorId; to: ActorId; operation: string; request: RecordedRequest; at: number; parentId?: string }): OpenExchange;
  complete(open: OpenExchange, response: RecordedResponse): void;
  all(): readonly Exchange[];
}

export function createTraceRecorder(): TraceRecorder {
  const exchanges: Exchange[] = [];
  let counter = 0;
  let snapshot: readonly Exchange[] = [];
  let dirty = false;
  return {
    open(init) {
      const id = `x${++counter}`;
      const exchange: Exchange = {
        id,
        ...(init.parentId ? { parentId: init.parentId } : {}),
        from: init.from,
        to: init.to,
        operation: init.operation,
        request: init.request,
        response: { status: 0, headers: {} },
        at: init.at,
        notes: [],
      };
      exchanges.push(exchange);
      dirty = true;
      const open: OpenExchange = {
        id,
        parentId: init.parentId,
        notes: exchange.notes,
        get operation() {
          return exchange.operation;
        },
        set operation(value: string) {
          exchange.operation = value;
        },
      };
      return open;
    },
    complete(open, response) {
      const exchange = exchanges.find((e) => e.id === open.id);
      if (exchange) exchange.response = response;
      dirty = true;
    },
    all() {
      if (dirty) {
        snapshot = exchanges.map((e) => ({ ...e, notes: [...e.notes] }));
        dirty = false;
      }
      return snapshot;
    },
  };
}
