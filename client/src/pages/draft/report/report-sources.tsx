import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useId, useState } from 'react';
import { Link } from 'wouter';
import type { ReportSourcesQuery } from '../../../gql/graphql';
import { apiLang, useT } from '../../../i18n/i18n';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import { formatDate } from '../../../ui/dates';
import { errorText } from '../../../ui/error-text';
import { ComparisonText } from '../history/comparison-text';
import {
  ReportSectionChangesQuery,
  ReportSourcesChanged,
  ReportSourcesQuery as SourcesQuery,
  TakeInReportSectionMutation,
} from './report.graphql';

type Report = NonNullable<NonNullable<ReportSourcesQuery['draft']>['report']>;
type Section = Report['sections'][number];

/**
 * The sources of a compiled report, beside its text: which version of which draft each section
 * came from, whether the source has a newer version since, what changed in it, and (for those
 * who may) taking it in. Nothing shows for a draft that is not a report.
 */
export function ReportSources({ draftId }: { draftId: string }) {
  const { t, lang } = useT();
  const heading = useId();
  const { data, refetch } = useQuery(SourcesQuery, {
    variables: { id: draftId, lang: apiLang(lang) },
  });
  // A new version of a source, or a section taken in elsewhere, is news to this panel.
  useSubscription(ReportSourcesChanged, {
    variables: { id: draftId },
    onData: () => void refetch(),
  });
  const [said, setSaid] = useState('');
  const report = data?.draft?.report;
  if (!report) return null;
  return (
    <section className="report-sources" aria-labelledby={heading}>
      <h2 id={heading}>{t('report.sourcesTitle')}</h2>
      <ol className="report-section-list">
        {report.sections.map((s) => (
          <SectionItem
            key={s.id}
            draftId={draftId}
            section={s}
            canTakeIn={report.can.takeIn}
            onTaken={(text) => {
              setSaid(text);
              void refetch();
            }}
          />
        ))}
      </ol>
      <p role="status" className="small">
        {said}
      </p>
    </section>
  );
}

function SectionItem({
  draftId,
  section: s,
  canTakeIn,
  onTaken,
}: {
  draftId: string;
  section: Section;
  canTakeIn: boolean;
  onTaken: (said: string) => void;
}) {
  const { t, lang } = useT();
  const [showChanges, setShowChanges] = useState(false);
  const [asking, setAsking] = useState(false);
  const [takeIn, { loading }] = useMutation(TakeInReportSectionMutation);
  const latest = s.latestVersion;
  // A refusal is said inside the dialog, which stays open.
  const take = async () => {
    if (!latest) return;
    await takeIn({ variables: { draftId, sectionId: s.id, versionId: latest.id } });
    setAsking(false);
    setShowChanges(false);
    onTaken(t('report.takenIn', { heading: s.heading, number: latest.number }));
  };
  return (
    <li className="report-section" data-outdated={s.outdated}>
      <p className="report-section-heading">{s.heading}</p>
      <p className="small">
        {s.sourceDraft ? (
          <Link to={`/drafts/${s.sourceDraft.id}`}>{s.sourceDraft.title}</Link>
        ) : (
          t('report.sourceGone')
        )}{' '}
        —{' '}
        {t('report.takenFrom', {
          number: s.versionNumber,
          date: formatDate(s.takenAt, lang),
        })}
      </p>
      {s.outdated && latest && (
        <>
          <p className="notice report-newer">{t('report.newer', { number: latest.number })}</p>
          <div className="row">
            <button
              type="button"
              aria-expanded={showChanges}
              onClick={() => setShowChanges(!showChanges)}
            >
              {showChanges
                ? t('report.hideChanges')
                : t('report.showChanges', { from: s.versionNumber, to: latest.number })}
            </button>
            {canTakeIn && (
              <button
                type="button"
                className="primary"
                disabled={loading}
                onClick={() => setAsking(true)}
              >
                {t('report.takeIn', { number: latest.number })}
              </button>
            )}
          </div>
          {showChanges && <SectionChanges draftId={draftId} sectionId={s.id} />}
        </>
      )}
      {asking && latest && (
        <ConfirmDialog
          title={t('report.takeInTitle', { number: latest.number, heading: s.heading })}
          body={t('report.takeInBody', { number: latest.number })}
          confirmLabel={t('report.takeInConfirm')}
          onConfirm={take}
          onCancel={() => setAsking(false)}
        />
      )}
    </li>
  );
}

/** What changed in the source from the version taken to its newest, as the history shows it. */
function SectionChanges({ draftId, sectionId }: { draftId: string; sectionId: string }) {
  const { t, lang } = useT();
  const { data, error } = useQuery(ReportSectionChangesQuery, {
    variables: { id: draftId },
    fetchPolicy: 'network-only',
  });
  if (error)
    return (
      <p className="notice notice-error" role="alert">
        {errorText(error, lang)}
      </p>
    );
  const section = data?.draft?.report?.sections.find((x) => x.id === sectionId);
  if (!section) return <p className="small">{t('state.loading')}</p>;
  return (
    <div className="report-changes">
      <ComparisonText changes={section.changes} />
    </div>
  );
}
