import type { Client } from 'graphql-ws';
import { fromBase64, toBase64 } from 'lib0/buffer';
import { GraphQLErrorLike, RequestError, request } from './graphql-request';
import type { WireEvent } from './wire';

/** One event of a draft's update stream, whatever carried it. */
export type UpdateEvent = Omit<WireEvent, 'draftId'>;

export interface StreamHandlers {
  event(event: UpdateEvent): void;
  /**
   * The stream ended while the connection stayed open: refused or failed (with the server's error),
   * or simply completed (null). A closed connection says so through `onClosed` instead.
   */
  ended(error: RequestError | null): void;
}

/**
 * How a DraftProvider reaches the server: a draft's update stream, sending an update (resolves with
 * its seq once stored, rejects with a RequestError), and the connection's comings and goings.
 */
export interface DraftTransport {
  onConnected(listener: () => void): () => void;
  onClosed(listener: () => void): () => void;
  subscribe(
    draftId: string,
    afterSeq: number,
    clientId: string,
    handlers: StreamHandlers,
  ): () => void;
  send(draftId: string, clientId: string, update: Uint8Array): Promise<number>;
}

const APPLY = `mutation ApplyDraftUpdate($draftId: ID!, $update: String!, $clientId: String) {
  applyDraftUpdate(draftId: $draftId, update: $update, clientId: $clientId) { seq }
}`;
const UPDATES = `subscription DraftUpdates($draftId: ID!, $afterSeq: Int, $clientId: String) {
  draftUpdates(draftId: $draftId, afterSeq: $afterSeq, clientId: $clientId) { seq firstSeq durable update snapshot synced stateVector }
}`;

interface GraphQLUpdateEvent {
  seq: number;
  firstSeq: number;
  durable: boolean;
  update: string;
  snapshot: boolean;
  synced: boolean;
  stateVector: string | null;
}

/**
 * The public GraphQL API (`draftUpdates`, `applyDraftUpdate`) over a graphql-ws client: what any
 * outside client uses. The web client uses the binary socket (collab-socket.ts) instead.
 */
export class GraphQLTransport implements DraftTransport {
  constructor(readonly client: Client) {}

  onConnected(listener: () => void): () => void {
    return this.client.on('connected', listener);
  }

  onClosed(listener: () => void): () => void {
    return this.client.on('closed', listener);
  }

  subscribe(
    draftId: string,
    afterSeq: number,
    clientId: string,
    handlers: StreamHandlers,
  ): () => void {
    let refused: RequestError | null = null;
    return this.client.subscribe<{ draftUpdates: GraphQLUpdateEvent }>(
      { query: UPDATES, variables: { draftId, afterSeq, clientId } },
      {
        next: ({ data, errors }) => {
          // A stream the server could not start comes as errors, then its end.
          if (errors?.length)
            refused = new RequestError(
              errors[0].message,
              String(errors[0].extensions?.code ?? 'ERROR'),
            );
          if (data) {
            const e = data.draftUpdates;
            handlers.event({
              ...e,
              update: fromBase64(e.update),
              stateVector: e.stateVector ? fromBase64(e.stateVector) : null,
            });
          }
        },
        error: (err: unknown) => {
          // Anything but the server's errors is the socket closing: onClosed deals with it.
          if (!Array.isArray(err)) return;
          const first = err[0] as GraphQLErrorLike | undefined;
          handlers.ended(
            first ? new RequestError(first.message, first.extensions?.code ?? 'ERROR') : refused,
          );
        },
        complete: () => handlers.ended(refused),
      },
    );
  }

  async send(draftId: string, clientId: string, update: Uint8Array): Promise<number> {
    const { applyDraftUpdate } = await request<{ applyDraftUpdate: { seq: number } }>(
      this.client,
      APPLY,
      { draftId, update: toBase64(update), clientId },
    );
    return applyDraftUpdate.seq;
  }
}
