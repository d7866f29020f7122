import type { Types } from 'mongoose';
import type { Collaboration } from '../collaboration/collaboration';
import type { Config } from '../config';
import type { Role } from '../modules/users/role';
import type { Loaders } from './loaders';
import type { AppPubSub } from '../pubsub/pubsub';

export interface AuthUser {
  id: string;
  _id: Types.ObjectId;
  name: string;
  email: string;
  roles: Role[];
  delegationId: Types.ObjectId | null;
  workingGroupIds: Types.ObjectId[];
  sessionId: Types.ObjectId;
  sessionExpiresAt: Date;
}

export interface Context {
  user: AuthUser | null;
  /** A token was sent but is unknown, expired or revoked. */
  tokenRejected: boolean;
  loaders: Loaders;
  pubSub: AppPubSub;
  config: Pick<Config, 'sessionTtlMs'>;
  collab: Collaboration;
  /** The WebSocket connection the operation came over; null over HTTP. */
  connectionId: string | null;
}
