import type { DraftVersionFieldsFragment } from '../../../gql/graphql';
import { useT } from '../../../i18n/i18n';
import { formatDate } from '../../../ui/dates';
import { Empty } from '../../../ui/states';

/** The numbered versions, newest first: name, label, when, by whom, and what may be done with each. */
export function VersionList({
  versions,
  canRestore,
  onCompareWithNow,
  onRestore,
}: {
  versions: readonly DraftVersionFieldsFragment[];
  canRestore: boolean;
  onCompareWithNow: (v: DraftVersionFieldsFragment) => void;
  onRestore: (v: DraftVersionFieldsFragment) => void;
}) {
  const { t, lang } = useT();
  if (versions.length === 0) return <Empty>{t('history.noVersions')}</Empty>;
  return (
    <ol className="versions" reversed>
      {[...versions].reverse().map((v) => (
        <li key={v.id} className="version">
          <p className="version-name">
            <strong>{v.name}</strong>
            {v.label && <> — {v.label}</>}
          </p>
          <p className="muted small">
            {t('history.madeBy', {
              date: formatDate(v.createdAt, lang, 'PPp'),
              name: v.createdBy?.name ?? t('history.unknownPerson'),
            })}
          </p>
          <div className="version-actions">
            <button
              type="button"
              className="link"
              aria-label={t('history.compareWithNowFor', { name: v.name })}
              onClick={() => onCompareWithNow(v)}
            >
              {t('history.compareWithNow')}
            </button>
            {canRestore && (
              <button
                type="button"
                className="link"
                aria-label={t('history.restoreFor', { name: v.name })}
                onClick={() => onRestore(v)}
              >
                {t('history.restore')}
              </button>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
