import { useQuery, useSubscription } from '@apollo/client/react';
import type { DraftDecisionsQuery as Result } from '../../../gql/graphql';
import { useT } from '../../../i18n/i18n';
import { formatDate } from '../../../ui/dates';
import { Empty, ErrorState, Loading } from '../../../ui/states';
import { formatInZone, NEW_YORK } from '../../../ui/time-zones';
import { DraftDecisionCountLive, DraftDecisionsQuery } from './history.graphql';

type Decision = Result['draft']['decisions'][number];

/** Kinds whose detail is the silence's deadline (a moment), worded in New York time. */
const SILENCE_DEADLINES: string[] = ['SILENCE_STARTED', 'SILENCE_ADOPTED'];

/**
 * What negotiation decided on the text, newest first: proposals accepted or rejected, paragraphs
 * agreed, the outcomes of a reading, brackets lifted. Read again when someone takes a decision.
 */
export function DecisionList({ draftId }: { draftId: string }) {
  const { t } = useT();
  const { data, error, loading, refetch } = useQuery(DraftDecisionsQuery, {
    variables: { id: draftId },
    fetchPolicy: 'cache-and-network',
  });
  const known = data?.draft.decisionCount ?? null;
  useSubscription(DraftDecisionCountLive, {
    variables: { id: draftId },
    onData: ({ data: live }) => {
      const count = live.data?.draftChanged.decisionCount;
      if (known !== null && count !== undefined && count !== known) void refetch();
    },
  });
  const decisions = data?.draft.decisions;
  if (error && !decisions) return <ErrorState error={error} retry={() => void refetch()} />;
  if (!decisions) return loading ? <Loading /> : null;
  if (decisions.length === 0) return <Empty>{t('decisions.none')}</Empty>;
  return (
    <ul className="decisions">
      {decisions.map((d) => (
        <DecisionItem key={d.id} decision={d} />
      ))}
    </ul>
  );
}

function DecisionItem({ decision: d }: { decision: Decision }) {
  const { t, lang } = useT();
  // The detail is a value of the API (a status, a round, an option number): worded here.
  const detail = !d.detail
    ? ''
    : SILENCE_DEADLINES.includes(d.kind)
      ? formatInZone(d.detail, lang, NEW_YORK)
      : t(`decisions.detail.${d.detail}`, { defaultValue: d.detail });
  return (
    <li className="decision">
      <p>
        {t(`decisions.kind.${d.kind}`, {
          paragraph: d.paragraphNumber ?? '',
          detail,
        })}
        {d.paragraphNumber !== null && d.paragraphNumber !== undefined && (
          <span className="muted"> · {t('decisions.paragraph', { n: d.paragraphNumber })}</span>
        )}
      </p>
      {d.text && <p className="small decision-text">“{d.text}”</p>}
      <p className="muted small">
        {t('decisions.byAt', {
          date: formatDate(d.at, lang, 'PPp'),
          name: d.by?.name ?? t('history.unknownPerson'),
        })}
      </p>
    </li>
  );
}
