import type { DraftDoc } from '../modules/drafts/draft.model';
import type { DomainEvents } from '../modules/shared/domain-events';
import type { DraftTextPort } from '../modules/versions/draft-text';
import type { AppPubSub } from '../pubsub/pubsub';
import { accountTopics } from './accounts';
import { auditTrail } from './audit';
import { consultationTopics } from './consultations';
import { dashboardSummary } from './dashboard';
import { liveTopics } from './live-topics';
import { membershipTopics } from './membership';
import { notificationProcessors } from './notifications';
import { paragraphStatus } from './paragraphs';
import { readingTopics } from './readings';
import { reportTopics } from './reports';
import { silenceTopics } from './silence';
import { versionHistory } from './versions';

export interface ProcessorDeps {
  pubSub: AppPubSub;
  /** The co-editing core of this instance: it refuses edits to a draft adopted here at once. */
  collab: {
    statusChanged(draft: DraftDoc): void;
    /** Its paragraph lock follows a status at once on the instance that set it. */
    paragraphStatusChanged(change: { draftId: string; paragraphId: string; status: string }): void;
  } & Pick<DraftTextPort, 'loadState'>;
}

/** Every processor of domain events, in one place; returns what stops them all. */
export function startProcessors(
  events: DomainEvents,
  { pubSub, collab }: ProcessorDeps,
): () => void {
  const stops = [
    // First: edits must be refused before anyone hears of the adoption.
    events.on('draft.statusChanged', ({ draft }) => collab.statusChanged(draft)),
    events.on('paragraph.statusChanged', ({ draft, paragraphId, status }) =>
      collab.paragraphStatusChanged({ draftId: draft._id.toHexString(), paragraphId, status }),
    ),
    ...liveTopics(events, pubSub),
    ...paragraphStatus(events, pubSub),
    ...dashboardSummary(events, pubSub),
    ...versionHistory(events, pubSub, collab),
    ...readingTopics(events, pubSub),
    ...notificationProcessors(events, pubSub),
    ...silenceTopics(events, pubSub, collab),
    ...membershipTopics(events, pubSub),
    ...reportTopics(events, pubSub),
    ...accountTopics(events, pubSub),
    ...consultationTopics(events, pubSub),
    ...auditTrail(events),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
