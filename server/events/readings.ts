import type { DomainEvents } from '../modules/shared/domain-events';
import type { AppPubSub } from '../pubsub/pubsub';
import { Topic } from '../pubsub/topics';

/**
 * A reading's every step reaches those who follow the draft, on every instance. Only ids travel
 * (pub/sub may be Redis): each subscription reads the reading as it is when it resolves.
 */
export function readingTopics(events: DomainEvents, pubSub: AppPubSub): (() => void)[] {
  return [
    events.on('reading.changed', ({ reading }) => {
      const draftId = reading.draftId.toHexString();
      pubSub.publish(Topic.ReadingChanged, draftId, {
        draftId,
        readingId: reading._id.toHexString(),
      });
    }),
  ];
}
