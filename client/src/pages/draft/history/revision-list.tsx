import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import type { DraftRevisionsQuery as Result } from '../../../gql/graphql';
import { useT } from '../../../i18n/i18n';
import { formatSpan } from '../../../ui/dates';
import { PersonName } from '../../../ui/person-name';
import { Empty, ErrorState, Loading } from '../../../ui/states';
import { DraftRevisionsQuery } from './history.graphql';

type Revision = Result['draft']['revisions']['nodes'][number];

export const REVISIONS_PAGE = 20;

/**
 * The automatic revisions, newest first, a page at a time: who, when, how many words. Read
 * again from the first page whenever `refreshes` changes (the panel's versions were read again:
 * a new version closes the open revisions).
 */
export function RevisionList({ draftId, refreshes }: { draftId: string; refreshes: number }) {
  const { t } = useT();
  const { data, error, loading, refetch, fetchMore } = useQuery(DraftRevisionsQuery, {
    variables: { id: draftId, first: REVISIONS_PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const [more, setMore] = useState(false);
  // After "Show more", the first revision it brought takes the focus (the button may be gone).
  const list = useRef<HTMLUListElement>(null);
  const [focusAt, setFocusAt] = useState<number | null>(null);
  const count = data?.draft.revisions.nodes.length ?? 0;
  useEffect(() => {
    if (focusAt === null || count <= focusAt) return;
    setFocusAt(null);
    list.current?.querySelectorAll<HTMLElement>('li')[focusAt]?.focus();
  }, [focusAt, count]);
  const seen = useRef(refreshes);
  useEffect(() => {
    if (seen.current === refreshes) return;
    seen.current = refreshes;
    void refetch();
  }, [refreshes, refetch]);
  const page = data?.draft.revisions;
  if (error && !page) return <ErrorState error={error} retry={() => void refetch()} />;
  if (!page) return loading ? <Loading /> : null;
  if (page.nodes.length === 0) return <Empty>{t('history.noRevisions')}</Empty>;
  const showMore = async () => {
    setMore(true);
    setFocusAt(page.nodes.length);
    try {
      await fetchMore({
        variables: { after: page.endCursor },
        updateQuery: (prev, { fetchMoreResult }) => ({
          ...fetchMoreResult,
          draft: {
            ...fetchMoreResult.draft,
            revisions: {
              ...fetchMoreResult.draft.revisions,
              nodes: [
                ...(prev.draft?.revisions.nodes ?? []),
                ...fetchMoreResult.draft.revisions.nodes,
              ],
            },
          },
        }),
      });
    } finally {
      setMore(false);
    }
  };
  return (
    <>
      <ul className="revisions" ref={list}>
        {page.nodes.map((r) => (
          <RevisionItem key={r.id} revision={r} />
        ))}
      </ul>
      {page.hasMore && (
        <button
          type="button"
          className="revisions-more"
          aria-label={t('history.showMoreLabel')}
          disabled={more}
          onClick={() => void showMore()}
        >
          {t('history.showMore')}
        </button>
      )}
    </>
  );
}

function RevisionItem({ revision: r }: { revision: Revision }) {
  const { t, lang } = useT();
  const words = { inserted: r.wordsInserted, deleted: r.wordsDeleted };
  return (
    <li className="revision" tabIndex={-1}>
      <p>
        {r.author ? (
          <PersonName person={{ name: r.author.name, delegation: r.delegation }} />
        ) : (
          <em>{t('history.formerAuthor')}</em>
        )}
        {r.open && <span className="revision-open"> · {t('history.inProgress')}</span>}
      </p>
      <p className="muted small">{formatSpan(r.startedAt, r.endedAt, lang)}</p>
      <p className="small revision-words">
        <span aria-hidden="true">
          <span className={words.inserted ? 'revision-inserted' : undefined}>
            {t('history.insertedShort', { count: words.inserted })}
          </span>
          {', '}
          <span className={words.deleted ? 'revision-deleted' : undefined}>
            {t('history.deletedShort', { count: words.deleted })}
          </span>
        </span>
        <span className="visually-hidden">
          {t('history.insertedSpoken', { count: words.inserted })},{' '}
          {t('history.deletedSpoken', { count: words.deleted })}
        </span>
      </p>
    </li>
  );
}
