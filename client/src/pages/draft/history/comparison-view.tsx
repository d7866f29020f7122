import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useRef } from 'react';
import type { DraftVersionFieldsFragment } from '../../../gql/graphql';
import { useT } from '../../../i18n/i18n';
import { ErrorState, Loading } from '../../../ui/states';
import { ComparisonText } from './comparison-text';
import { CompareQuery } from './history.graphql';
import type { ComparisonSides } from './history-panel';
import { sideName } from './version-name';

/** The comparison of two sides of a draft's history, in a region of its own (one per pair of sides). */
export function ComparisonView({
  draftId,
  sides,
  versions,
  onClose,
}: {
  draftId: string;
  sides: ComparisonSides;
  versions: readonly DraftVersionFieldsFragment[];
  onClose: () => void;
}) {
  const { t } = useT();
  const heading = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The current text changes: always asked again.
  const { data, error, loading, refetch } = useQuery(CompareQuery, {
    variables: { draftId, from: sides.from, to: sides.to },
    fetchPolicy: 'network-only',
  });
  // Focus goes to the comparison when it opens, and back to what opened it when it closes.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    headingRef.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <section className="comparison" aria-labelledby={heading}>
      <div className="comparison-head">
        <h2 id={heading} ref={headingRef} tabIndex={-1}>
          {t('history.comparisonTitle', {
            from: sideName(sides.from, versions, t),
            to: sideName(sides.to, versions, t),
          })}
        </h2>
        <button type="button" onClick={onClose}>
          {t('history.close')}
        </button>
      </div>
      <p className="compare-legend small">
        <span className="change-inserted">{t('history.legendInserted')}</span>{' '}
        <span className="change-deleted">{t('history.legendDeleted')}</span>{' '}
        <span className="muted">{t('history.legendAuthors')}</span>
      </p>
      {error && !data ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : loading && !data ? (
        <Loading />
      ) : data ? (
        <ComparisonText changes={data.compareDraft.changes} />
      ) : null}
    </section>
  );
}
