import type { DomainEvents } from '../modules/shared/domain-events';
import type { AppPubSub } from '../pubsub/pubsub';
import { Topic } from '../pubsub/topics';

/**
 * Open consultations' pages follow their consultation live: a guest's comment, and its closing
 * (the form goes). Ids only, so the event crosses Redis; the subscription reads the consultation.
 */
export function consultationTopics(events: DomainEvents, pubSub: AppPubSub): (() => void)[] {
  const changed = (consultationId: string) =>
    pubSub.publish(Topic.ConsultationChanged, consultationId, { consultationId });
  return [
    events.on('consultation.changed', ({ consultation }) =>
      changed(consultation._id.toHexString()),
    ),
    events.on('comment.added', ({ comment }) => {
      if (comment.consultationId) changed(comment.consultationId.toHexString());
    }),
    // A comment deleted by the Secretariat leaves the guests' list.
    events.on('comment.changed', ({ comment }) => {
      if (comment.consultationId) changed(comment.consultationId.toHexString());
    }),
  ];
}
