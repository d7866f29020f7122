import { CommentTargetType } from '../modules/comments/comment.model';
import type { DomainEvents } from '../modules/shared/domain-events';
import { publishDraftChanged } from '../pubsub/draft-changed';
import type { AppPubSub } from '../pubsub/pubsub';

/**
 * Tells open dashboards that a draft's summary changed: everything a dashboard shows of a draft
 * (titles, deadline, status, last edit, who is in it, open comments) has its event here.
 */
export function dashboardSummary(events: DomainEvents, pubSub: AppPubSub): (() => void)[] {
  const changed = (draftId: string) => publishDraftChanged(pubSub, draftId);
  return [
    events.on('draft.created', ({ draft }) => changed(draft._id.toHexString())),
    events.on('draft.updated', ({ draft }) => changed(draft._id.toHexString())),
    events.on('draft.statusChanged', ({ draft }) => changed(draft._id.toHexString())),
    // Its open brackets: the service wrote the new count.
    events.on('draft.bracketDecided', ({ draft }) => changed(draft._id.toHexString())),
    // Not 'draft.edited': the summary is written about once a second, not per keystroke.
    events.on('draft.activityRecorded', ({ draftId }) => changed(draftId)),
    events.on('draft.presenceChanged', ({ draftId }) => changed(draftId)),
    // Everyone's cards are resolved again, for each their own count: one event, no per-person topic.
    events.on('draft.visited', ({ draftId }) => changed(draftId)),
    // Open proposals are counted on the card; the draft page's list follows the same topic.
    events.on('proposal.changed', ({ draftId }) => changed(draftId)),
    // The draft page's consultations (in its versions panel) follow the same topic.
    events.on('consultation.changed', ({ consultation }) =>
      changed(consultation.draftId.toHexString()),
    ),
    ...(['comment.added', 'comment.changed'] as const).map((type) =>
      events.on(type, ({ comment }) => {
        if (comment.targetType === CommentTargetType.DRAFT) changed(comment.targetId.toHexString());
      }),
    ),
  ];
}
