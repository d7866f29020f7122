import type { DomainEvents } from '../modules/shared/domain-events';
import { publishDraftChanged } from '../pubsub/draft-changed';
import type { AppPubSub } from '../pubsub/pubsub';
import { ALL, Topic } from '../pubsub/topics';

/**
 * A paragraph's status, live: open editors (by draft) and every instance's paragraph lock (ALL)
 * hear of it, and dashboards read the draft's counts again.
 */
export function paragraphStatus(events: DomainEvents, pubSub: AppPubSub): (() => void)[] {
  return [
    events.on('paragraph.statusChanged', ({ draft, paragraphId, status }) => {
      const draftId = draft._id.toHexString();
      const payload = { draftId, paragraphId, status };
      for (const key of [draftId, ALL]) pubSub.publish(Topic.ParagraphsChanged, key, payload);
      publishDraftChanged(pubSub, draftId);
    }),
  ];
}
