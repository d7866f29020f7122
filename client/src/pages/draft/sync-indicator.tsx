import type { DraftSyncState } from '../../editor/use-draft-provider';
import { useT } from '../../i18n/i18n';

/** Whether every edit is stored: "saved" only once the server acknowledged it. */
export function SyncIndicator({ sync }: { sync: DraftSyncState }) {
  const { t } = useT();
  let text = t('draft.saved');
  let kind = 'saved';
  if (sync.status !== 'connected') {
    text = sync.pending > 0 || sync.synced ? t('draft.offline') : t('draft.connecting');
    kind = 'offline';
  } else if (sync.pending > 0) {
    text = t('draft.saving', { count: sync.pending });
    kind = 'saving';
  }
  return (
    <p className={`sync sync-${kind}`} role="status" aria-live="polite" data-pending={sync.pending}>
      {text}
    </p>
  );
}
