import type { Collaboration } from '../collaboration/collaboration';
import type { Config } from '../config';
import type { AuthUser } from '../core/auth-user';
import type { DomainEvents } from '../modules/shared/domain-events';
import type { AppPubSub } from '../pubsub/pubsub';
import type { Loaders } from './loaders';

export type { AuthUser };

export interface Context {
  user: AuthUser | null;
  /** A token was sent but is unknown, expired or revoked. */
  tokenRejected: boolean;
  loaders: Loaders;
  pubSub: AppPubSub;
  /** Where services announce what they changed. */
  events: DomainEvents;
  config: Pick<Config, 'sessionTtlMs'> & {
    /** Where people reach the web client (PUBLIC_URL, else this server): links in e-mails. */
    baseUrl(): string;
  };
  collab: Collaboration;
  /** The WebSocket connection the operation came over; null over HTTP. */
  connectionId: string | null;
}
