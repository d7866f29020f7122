import type { DomainEvents } from '../modules/shared/domain-events';
import type { AppPubSub } from '../pubsub/pubsub';
import { ALL, Topic } from '../pubsub/topics';

/** Feeds the pub/sub topics GraphQL subscriptions read, on every instance. */
export function liveTopics(events: DomainEvents, pubSub: AppPubSub): (() => void)[] {
  return [
    events.on('draft.statusChanged', ({ draft }) => {
      for (const key of [draft._id.toHexString(), draft.workingGroupId.toHexString(), ALL])
        pubSub.publish(Topic.DraftStatusChanged, key, draft);
    }),
    events.on('comment.added', ({ comment }) =>
      pubSub.publish(Topic.CommentAdded, comment.targetId.toHexString(), comment),
    ),
    events.on('comment.changed', ({ comment }) =>
      pubSub.publish(Topic.CommentChanged, comment.targetId.toHexString(), comment),
    ),
    events.on('meeting.changed', ({ meeting }) => {
      pubSub.publish(Topic.AgendaChanged, meeting._id.toHexString(), meeting);
      // A calendar shows a month: a meeting moved into it is news to a page that did not show it.
      pubSub.publish(Topic.MeetingsChanged, ALL, {
        meetingId: meeting._id.toHexString(),
        deleted: false,
      });
    }),
    events.on('meeting.created', ({ meeting }) =>
      pubSub.publish(Topic.MeetingsChanged, ALL, {
        meetingId: meeting._id.toHexString(),
        deleted: false,
      }),
    ),
    events.on('meeting.deleted', ({ meetingId }) =>
      pubSub.publish(Topic.MeetingsChanged, ALL, {
        meetingId: meetingId.toHexString(),
        deleted: true,
      }),
    ),
    events.on('session.revoked', ({ sessionIds }) => {
      for (const id of sessionIds) {
        const sessionId = id.toHexString();
        pubSub.publish(Topic.SessionRevoked, sessionId, { sessionId });
        // Every instance's session cache listens to them all.
        pubSub.publish(Topic.SessionRevoked, ALL, { sessionId });
      }
    }),
  ];
}
