import { createPubSub } from '@graphql-yoga/subscription';
import type { CommentDoc } from '../modules/comments/comment.model';
import type { DraftDoc } from '../modules/drafts/draft.model';
import type { MeetingDoc } from '../modules/meetings/meeting.model';

export enum Topic {
  CommentAdded = 'COMMENT_ADDED',
  CommentChanged = 'COMMENT_CHANGED',
  AgendaChanged = 'AGENDA_CHANGED',
  DraftStatusChanged = 'DRAFT_STATUS_CHANGED',
}

/** What each topic carries. Every event is routed by an id (a target, a meeting, a group). */
export interface TopicPayloads {
  [Topic.CommentAdded]: CommentDoc;
  [Topic.CommentChanged]: CommentDoc;
  [Topic.AgendaChanged]: MeetingDoc;
  [Topic.DraftStatusChanged]: DraftDoc;
}

/** Routing id of events every subscriber of a topic wants. */
export const ALL = 'all';

/**
 * The one pub/sub interface of the server. In-process for one instance; a Redis-backed
 * implementation of the same interface carries events between several instances.
 */
export interface AppPubSub {
  publish<T extends Topic>(topic: T, id: string, payload: TopicPayloads[T]): void;
  subscribe<T extends Topic>(topic: T, id: string): AsyncIterable<TopicPayloads[T]>;
}

type Channels = { [K in Topic]: [id: string, payload: TopicPayloads[K]] };

export function createInProcessPubSub(): AppPubSub {
  const inner = createPubSub<Channels>();
  return {
    publish(topic, id, payload) {
      (inner.publish as (t: string, i: string, p: unknown) => void)(topic, id, payload);
    },
    subscribe<T extends Topic>(topic: T, id: string) {
      return (inner.subscribe as (t: string, i: string) => AsyncIterable<TopicPayloads[T]>)(topic, id);
    },
  };
}
