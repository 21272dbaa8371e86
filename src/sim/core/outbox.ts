// E-mail and SMS the services "sent": the learner reads codes here (sim.messages()), as in a real inbox.

export interface DeliveredMessage {
  channel: 'EMAIL' | 'SMS';
  /** The real address or number, unmasked. */
  destination: string;
  subject?: string;
  body: string;
  code?: string;
  at: number;
}

export interface Outbox {
  deliver(message: DeliveredMessage): void;
  all(): DeliveredMessage[];
}

export function createOutbox(): Outbox {
  const messages: DeliveredMessage[] = [];
  return {
    deliver: (message) => void messages.push(message),
    all: () => messages.map((m) => ({ ...m })),
  };
}
