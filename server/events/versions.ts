import { logger } from '../logger';
import { DraftStatus } from '../modules/drafts/draft-status';
import type { DomainEvents } from '../modules/shared/domain-events';
import type { DraftTextPort } from '../modules/versions/draft-text';
import { ADOPTION_LABEL, freezeVersion } from '../modules/versions/version.service';
import { publishDraftChanged } from '../pubsub/draft-changed';
import type { AppPubSub } from '../pubsub/pubsub';

/**
 * Version history: adoption freezes the adopted text as the next numbered version by itself, and
 * every new version or restore is announced to those who follow the draft.
 */
export function versionHistory(
  events: DomainEvents,
  pubSub: AppPubSub,
  texts: Pick<DraftTextPort, 'loadState'>,
): (() => void)[] {
  const changed = (draftId: string) => publishDraftChanged(pubSub, draftId);
  return [
    events.on('draft.statusChanged', ({ draft, byId, to }) => {
      if (to !== DraftStatus.ADOPTED) return;
      freezeVersion(draft, byId, ADOPTION_LABEL, texts)
        .then((version) => events.emit('draft.versionCreated', { draft, version, byId }))
        .catch((err) =>
          logger.error(
            { err, draftId: draft._id.toHexString() },
            'could not freeze the adopted text as a version',
          ),
        );
    }),
    events.on('draft.versionCreated', ({ draft }) => changed(draft._id.toHexString())),
    events.on('draft.versionRestored', ({ draft }) => changed(draft._id.toHexString())),
  ];
}
