import type { EventBus, NegotiationEvent } from '../usecases/ports';

/** Carries "negotiation N has new events" between instances (PostgreSQL LISTEN/NOTIFY). */
export interface Relay {
  notify(message: string): Promise<void>;
  onMessage(handler: (message: string) => void): void;
  close(): Promise<void>;
}

export type EventLoader = (negotiationId: number, afterId: number) => Promise<NegotiationEvent[]>;
type Listener = (event: NegotiationEvent) => void;

/**
 * Fan-out of committed negotiation events to the browsers watching them. Alone (SQLite), an instance
 * delivers what it publishes. With a relay, every instance — the publishing one included — learns of
 * new events from the database notification and reads them from the event log, so all instances
 * deliver the same events in the same order.
 */
export class EventHub implements EventBus {
  private readonly listeners = new Map<number, Set<Listener>>();
  private readonly delivered = new Map<number, number>();
  private readonly pending = new Map<number, Promise<void>>();

  constructor(
    private readonly load: EventLoader,
    private readonly relay?: Relay,
    private readonly onError: (err: unknown) => void = () => {},
  ) {
    relay?.onMessage((message) => {
      const { n, id } = JSON.parse(message) as { n: number; id: number };
      if (this.listeners.has(n)) this.catchUp(n, id);
    });
  }

  publish(event: NegotiationEvent): void {
    if (this.relay) {
      this.relay.notify(JSON.stringify({ n: event.negotiationId, id: event.id })).catch(this.onError);
      return;
    }
    this.deliver(event);
  }

  /** Listen to one negotiation; returns the function that stops listening. */
  subscribe(negotiationId: number, listener: Listener): () => void {
    const set = this.listeners.get(negotiationId) ?? new Set();
    set.add(listener);
    this.listeners.set(negotiationId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) {
        this.listeners.delete(negotiationId);
        this.delivered.delete(negotiationId);
      }
    };
  }

  private deliver(event: NegotiationEvent): void {
    const last = this.delivered.get(event.negotiationId) ?? 0;
    if (event.id <= last) return;
    this.delivered.set(event.negotiationId, event.id);
    for (const listener of this.listeners.get(event.negotiationId) ?? []) {
      try {
        listener(event);
      } catch (err) {
        this.onError(err);
      }
    }
  }

  /** Read what this instance has not yet delivered for a negotiation; one read at a time per negotiation. */
  private catchUp(negotiationId: number, notifiedId: number): void {
    const previous = this.pending.get(negotiationId) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        // Subscribers read their own backlog when they connect; the hub starts at the first event it is told of.
        const after = this.delivered.get(negotiationId) ?? notifiedId - 1;
        for (const event of await this.load(negotiationId, after)) this.deliver(event);
      })
      .catch(this.onError);
    this.pending.set(negotiationId, next);
  }
}
