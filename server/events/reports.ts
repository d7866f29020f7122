import { logger } from '../logger';
import { DraftReportModel } from '../modules/reports/report.model';
import type { DomainEvents } from '../modules/shared/domain-events';
import { publishDraftChanged } from '../pubsub/draft-changed';
import type { AppPubSub } from '../pubsub/pubsub';

/**
 * Compiled reports follow their sources: a new version of a draft a report cites is news to the
 * report's page (its sources panel says a newer version exists), as is a section taken in.
 */
export function reportTopics(events: DomainEvents, pubSub: AppPubSub): (() => void)[] {
  return [
    events.on('draft.versionCreated', ({ draft }) => {
      DraftReportModel.find({ 'sections.sourceDraftId': draft._id }, { draftId: 1 })
        .lean()
        .then((reports) => {
          for (const r of reports) publishDraftChanged(pubSub, r.draftId.toHexString());
        })
        .catch((err) =>
          logger.error(
            { err, draftId: draft._id.toHexString() },
            'could not tell the reports citing a draft of its new version',
          ),
        );
    }),
    events.on('report.sectionTakenIn', ({ draft }) =>
      publishDraftChanged(pubSub, draft._id.toHexString()),
    ),
  ];
}
