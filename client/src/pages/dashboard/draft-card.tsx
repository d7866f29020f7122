import { Link } from 'wouter';
import type { DraftSummaryFragment } from '../../gql/graphql';
import { useT } from '../../i18n/i18n';
import { ActivityChart } from '../../ui/activity-chart';
import { type DeadlineState, deadlineState, fromNow } from '../../ui/dates';
import { StatusBadge } from '../../ui/status-badge';

/** Distinct people, however many tabs each has open. */
export function editingNow(editors: DraftSummaryFragment['editors']): string[] {
  const names = new Map<string, string>();
  for (const e of editors) names.set(e.user.id, e.user.name);
  return [...names.values()].sort();
}

function deadlineText(deadline: DeadlineState | null, t: ReturnType<typeof useT>['t']): string {
  if (!deadline) return t('dashboard.noDeadline');
  // The day kept with its month in the card's narrow column ("31 January", "31 janvier").
  if (deadline.kind === 'closed')
    return t('dashboard.passedWithProgramme', {
      date: deadline.programmeEnd.replace(' ', '\u00a0'),
    });
  return t(deadline.kind === 'overdue' ? 'dashboard.overdue' : 'dashboard.dueIn', {
    time: deadline.distance,
  });
}

/** Paragraphs agreed out of all, as a bar (the words beside it say the same). */
function AgreementBar({ agreed, total }: { agreed: number; total: number }) {
  const share = total > 0 ? Math.min(100, Math.round((agreed / total) * 100)) : 0;
  return (
    <span className="agreement-bar" aria-hidden="true">
      <span style={{ width: `${share}%` }} />
    </span>
  );
}

/** A draft at a glance; `programmeEnd` is the last day of the programme of work, when known. */
export function DraftCard({
  draft,
  now,
  programmeEnd = null,
}: {
  draft: DraftSummaryFragment;
  now: Date;
  programmeEnd?: string | null;
}) {
  const { t, lang } = useT();
  const deadline = draft.deadline ? deadlineState(draft.deadline, now, lang, programmeEnd) : null;
  const editing = editingNow(draft.editors);
  return (
    <article className="draft-card" data-draft-id={draft.id} aria-labelledby={`draft-${draft.id}`}>
      <header>
        <p className="eyebrow">
          <Link to={`/groups/${draft.workingGroup.id}`}>
            {t('dashboard.group', { number: draft.workingGroup.number })}
          </Link>
        </p>
        <h2 id={`draft-${draft.id}`}>
          <Link to={`/drafts/${draft.id}`}>{draft.title}</Link>
        </h2>
        <StatusBadge status={draft.status} />
        {draft.changesSinceMyLastVisit ? (
          <p className="changes-since-visit">
            {t('dashboard.changesSinceVisit', { count: draft.changesSinceMyLastVisit })}
          </p>
        ) : null}
      </header>
      <dl>
        <div>
          <dt>{t('dashboard.deadline')}</dt>
          <dd
            className={`deadline deadline-${deadline?.kind ?? 'none'}${deadline?.kind === 'overdue' ? ' overdue' : ''}`}
          >
            {deadlineText(deadline, t)}
          </dd>
        </div>
        <div>
          <dt>{t('dashboard.lastEdit')}</dt>
          <dd className="last-edit">
            {draft.lastEditedAt
              ? t('dashboard.lastEditBy', {
                  time: fromNow(draft.lastEditedAt, lang),
                  name: draft.lastEditedBy?.name ?? '—',
                })
              : t('dashboard.never')}
          </dd>
        </div>
        <div>
          <dt>{t('dashboard.editingNow')}</dt>
          <dd className="editing-now">
            {editing.length ? editing.join(', ') : t('dashboard.nobody')}
          </dd>
        </div>
        <div>
          <dt>{t('dashboard.length')}</dt>
          <dd className="length">
            {t('dashboard.words', {
              count: draft.words,
              n: draft.words.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB'),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('dashboard.comments')}</dt>
          <dd className="open-comments">{draft.openComments}</dd>
        </div>
        <div>
          <dt>{t('dashboard.openBrackets')}</dt>
          <dd className="open-brackets">{draft.openBrackets}</dd>
          <dt>{t('dashboard.proposals')}</dt>
          <dd className="open-proposals">{draft.openProposals}</dd>
          <dt>{t('dashboard.paragraphs')}</dt>
          <dd className="paragraphs-agreed">
            {draft.paragraphsTotal > 0 ? (
              <>
                <AgreementBar agreed={draft.paragraphsAgreed} total={draft.paragraphsTotal} />
                {t('dashboard.paragraphsAgreed', {
                  agreed: draft.paragraphsAgreed,
                  total: draft.paragraphsTotal,
                })}
              </>
            ) : (
              t('dashboard.noParagraphs')
            )}
            {draft.adRefPending > 0 && (
              <span className="ad-ref-pending">
                {t('dashboard.adRefPending', { count: draft.adRefPending })}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('dashboard.activity')}</dt>
          <dd>
            <ActivityChart days={draft.activity} />
          </dd>
        </div>
      </dl>
    </article>
  );
}
