import { useLazyQuery, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { useT } from '../../i18n/i18n';
import { formatDate } from '../../ui/dates';
import { errorText } from '../../ui/error-text';
import { ComparisonText } from './history/comparison-text';

const LastVisitQuery = graphql(`
  query LastVisit($id: ID!) {
    draft(id: $id) {
      id
      changesSinceMyLastVisit
      myLastVisitAt
    }
  }
`);

const SinceLastVisit = graphql(`
  query CompareSinceMyLastVisit($draftId: ID!) {
    compareDraftSinceMyLastVisit(draftId: $draftId) {
      changes {
        kind
        text
        paragraph
        authors {
          id
          name
        }
      }
    }
  }
`);

/** "Changed since your last visit", with a button that shows the changes highlighted. */
export function LastVisitChanges({ draftId }: { draftId: string }) {
  const { t, lang } = useT();
  // Read once, as the page opens: the visit is recorded when the person leaves.
  const { data } = useQuery(LastVisitQuery, {
    variables: { id: draftId },
    fetchPolicy: 'network-only',
    nextFetchPolicy: 'cache-only',
  });
  const [compare, comparison] = useLazyQuery(SinceLastVisit, { fetchPolicy: 'network-only' });
  const visit = data?.draft;
  if (!visit?.changesSinceMyLastVisit || !visit.myLastVisitAt) return null;
  const changes = comparison.data?.compareDraftSinceMyLastVisit.changes;
  return (
    <section className="notice last-visit" aria-label={t('draft.changedSinceVisit')}>
      <p>
        <strong>{t('draft.changedSinceVisit')}</strong>{' '}
        {t('draft.lastVisitOn', { date: formatDate(visit.myLastVisitAt, lang, 'PPp') })}{' '}
        {!changes && (
          <button
            type="button"
            disabled={comparison.loading}
            onClick={() => void compare({ variables: { draftId } })}
          >
            {t('draft.showChanges')}
          </button>
        )}
      </p>
      {comparison.error && <p role="alert">{errorText(comparison.error, lang)}</p>}
      {changes && (
        <div className="last-visit-changes">
          <ComparisonText changes={changes} />
        </div>
      )}
    </section>
  );
}
