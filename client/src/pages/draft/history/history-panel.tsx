import { useQuery, useSubscription } from '@apollo/client/react';
import { useCallback, useEffect, useId, useState } from 'react';
import type {
  DraftAbilitiesFieldsFragment,
  DraftStatus,
  DraftVersionFieldsFragment,
} from '../../../gql/graphql';
import { apiLang, useT } from '../../../i18n/i18n';
import { ErrorState, Loading } from '../../../ui/states';
import { ComparePicker } from './compare-picker';
import { DecisionList } from './decision-list';
import { DraftVersionCountLive, DraftVersionsQuery } from './history.graphql';
import { RestoreDialog } from './restore-dialog';
import { RevisionList } from './revision-list';
import { SaveVersionForm } from './save-version-form';
import { VersionList } from './version-list';
import { versionName } from './version-name';

export interface ComparisonSides {
  from: string | null;
  to: string | null;
}

type HistoryAbilities = Pick<
  DraftAbilitiesFieldsFragment['can'],
  'createVersion' | 'restoreVersion'
>;

/**
 * A draft's history: its numbered versions, saving the current text as one, comparing any two
 * sides (a version or the current text), restoring one after confirmation; below them, the
 * automatic revisions (`Draft.revisions`), read again whenever the versions are.
 */
export function HistoryPanel({
  draftId,
  status,
  can,
  onCompare,
  onRestored,
}: {
  draftId: string;
  /** Read again when it changes: adoption freezes a version of its own. */
  status: DraftStatus;
  can: HistoryAbilities;
  onCompare: (sides: ComparisonSides, versions: readonly DraftVersionFieldsFragment[]) => void;
  onRestored: () => void;
}) {
  const { t, lang } = useT();
  const heading = useId();
  const {
    data,
    error,
    loading,
    refetch: refetchVersions,
  } = useQuery(DraftVersionsQuery, {
    variables: { id: draftId, lang: apiLang(lang) },
    fetchPolicy: 'cache-and-network',
  });
  // Each reading of the versions reads the revisions again too: a new version closes them.
  const [refreshes, setRefreshes] = useState(0);
  const refetch = useCallback(() => {
    setRefreshes((n) => n + 1);
    return refetchVersions();
  }, [refetchVersions]);
  const [seenStatus, setSeenStatus] = useState(status);
  useEffect(() => {
    if (status === seenStatus) return;
    setSeenStatus(status);
    void refetch();
  }, [status, seenStatus, refetch]);
  const [restoring, setRestoring] = useState<DraftVersionFieldsFragment | null>(null);
  const [said, setSaid] = useState('');
  const versions = data?.draft.versions ?? [];
  // A version made by someone else (or by adoption) appears without a reload.
  const known = data ? versions.length : null;
  useSubscription(DraftVersionCountLive, {
    variables: { id: draftId },
    onData: ({ data: live }) => {
      const count = live.data?.draftChanged.versionCount;
      if (known !== null && count !== undefined && count !== known) void refetch();
    },
  });
  return (
    <section className="history" aria-labelledby={heading}>
      <h2 id={heading}>{t('history.title')}</h2>
      {can.createVersion && (
        <SaveVersionForm
          draftId={draftId}
          onSaved={(name) => {
            setSaid(t('history.saved', { name }));
            void refetch();
          }}
        />
      )}
      <p role="status" className="history-said small">
        {said}
      </p>
      <h3>{t('history.versions')}</h3>
      {error && !data ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : loading && !data ? (
        <Loading />
      ) : (
        <>
          <VersionList
            versions={versions}
            canRestore={can.restoreVersion}
            onCompareWithNow={(v) => onCompare({ from: v.id, to: null }, versions)}
            onRestore={setRestoring}
          />
          {versions.length > 0 && (
            <>
              <h3>{t('history.compareTitle')}</h3>
              <ComparePicker
                versions={versions}
                onCompare={(from, to) => onCompare({ from, to }, versions)}
              />
            </>
          )}
        </>
      )}
      <h3>{t('decisions.title')}</h3>
      <DecisionList draftId={draftId} />
      <h3>{t('history.revisions')}</h3>
      <RevisionList draftId={draftId} refreshes={refreshes} />
      {restoring && (
        <RestoreDialog
          versionId={restoring.id}
          name={versionName(restoring)}
          onCancel={() => setRestoring(null)}
          onDone={() => {
            setSaid(t('history.restored', { name: restoring.name }));
            setRestoring(null);
            void refetch();
            onRestored();
          }}
        />
      )}
    </section>
  );
}
