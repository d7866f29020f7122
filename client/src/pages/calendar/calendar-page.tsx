import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { hasRole, useSession } from '../../api/session';
import { CommentThreads } from '../../comments/comment-thread';
import { graphql } from '../../gql';
import type { AgendaQuery } from '../../gql/graphql';
import { apiLang, useT } from '../../i18n/i18n';
import { formatDate } from '../../ui/dates';
import { Empty, ErrorState, Loading } from '../../ui/states';
import { monthNavigation } from './months';
import { useDocumentTitle } from '../../ui/use-document-title';

const AgendaQueryDoc = graphql(`
  query Agenda($lang: Language) {
    meetings {
      id
      date
      month
      dateIsIndicative
      title(lang: $lang)
      kind
      workingGroup {
        id
        number
      }
      agenda {
        id
        order
        title(lang: $lang)
        reference
        openComments
        subItems {
          id
          order
          title(lang: $lang)
          reference
        }
      }
    }
  }
`);

type AgendaItem = AgendaQuery['meetings'][number]['agenda'][number];

function ItemView({ item, canWrite }: { item: AgendaItem; canWrite: boolean }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const panel = `comments-${item.id}`;
  return (
    <li className="agenda-item" data-item-id={item.id}>
      <p className="item-title">
        {item.title}
        {item.reference && <span className="reference"> ({t('calendar.reference', { ref: item.reference })})</span>}
      </p>
      {item.subItems.length > 0 && (
        <ol className="sub-items" type="i">
          {item.subItems.map((s) => (
            <li key={s.id}>
              {s.title}
              {s.reference && <span className="reference"> ({t('calendar.reference', { ref: s.reference })})</span>}
            </li>
          ))}
        </ol>
      )}
      <button type="button" className="link" aria-expanded={open} aria-controls={panel} onClick={() => setOpen(!open)}>
        {t('comments.count', { count: item.openComments })}
      </button>
      {open && (
        <div id={panel}>
          <CommentThreads targetId={item.id} canWrite={canWrite} />
        </div>
      )}
    </li>
  );
}

export function CalendarPage() {
  const { month } = useParams();
  const { t, lang } = useT();
  const user = useSession()?.user;
  // As the server's comment policy has it for agenda items; the server still decides.
  const canWrite = hasRole(user, 'CHAIR', 'DELEGATE', 'COORDINATOR', 'EXPERT', 'SECRETARIAT');
  const { data, loading, error, refetch } = useQuery(AgendaQueryDoc, { variables: { lang: apiLang(lang) } });
  useDocumentTitle(t('calendar.title'));
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorState error={error} retry={() => void refetch()} />;
  const meetings = data?.meetings ?? [];
  const nav = monthNavigation(
    meetings.map((m) => m.month),
    month,
  );
  const shown = meetings.filter((m) => m.month === nav.current);
  const monthLabel = (m: string) => formatDate(`${m}-01T12:00:00Z`, lang, 'MMMM yyyy');
  return (
    <div className="calendar">
      <h1>{t('calendar.title')}</h1>
      {nav.current === null ? (
        <Empty>{t('calendar.noMeetings')}</Empty>
      ) : (
        <>
          <nav className="month-nav" aria-label={t('calendar.month')}>
            {nav.previous ? (
              <Link to={`/calendar/${nav.previous}`} aria-label={t('calendar.previous')}>
                ← {monthLabel(nav.previous)}
              </Link>
            ) : (
              <span />
            )}
            <h2 aria-live="polite">{monthLabel(nav.current)}</h2>
            {nav.next ? (
              <Link to={`/calendar/${nav.next}`} aria-label={t('calendar.next')}>
                {monthLabel(nav.next)} →
              </Link>
            ) : (
              <span />
            )}
          </nav>
          {shown.length === 0 && <Empty>{t('calendar.noMeetings')}</Empty>}
          {shown.map((m) => (
            <article key={m.id} id={`meeting-${m.id}`} className="meeting" aria-labelledby={`meeting-title-${m.id}`}>
              <header>
                <p className="eyebrow">
                  <time dateTime={m.date}>{formatDate(m.date, lang, m.dateIsIndicative ? 'MMMM yyyy' : 'EEEE PPP')}</time>
                  {m.dateIsIndicative && <span className="muted"> ({t('calendar.indicative')})</span>} · {t(`calendar.kind.${m.kind}`)}
                </p>
                <h3 id={`meeting-title-${m.id}`}>{m.title}</h3>
              </header>
              <h4>{t('calendar.agenda')}</h4>
              {m.agenda.length === 0 ? (
                <Empty>{t('calendar.noAgenda')}</Empty>
              ) : (
                <ol className="agenda">
                  {m.agenda.map((item) => (
                    <ItemView key={item.id} item={item} canWrite={canWrite} />
                  ))}
                </ol>
              )}
            </article>
          ))}
        </>
      )}
    </div>
  );
}
