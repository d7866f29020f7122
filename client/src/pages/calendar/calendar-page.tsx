import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'wouter';
import { graphql } from '../../gql';
import { apiLang, useT } from '../../i18n/i18n';
import { formatDate } from '../../ui/dates';
import { Empty, ErrorState, Loading } from '../../ui/states';
import { MeetingView } from './meeting-view';
import { monthNavigation } from './months';
import { useDocumentTitle } from '../../ui/use-document-title';

const AgendaQueryDoc = graphql(`
  query Agenda($lang: Language) {
    meetings {
      ...MeetingFields
    }
  }
`);

export function CalendarPage() {
  const { month } = useParams();
  const { t, lang } = useT();
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
            <MeetingView key={m.id} meeting={m} />
          ))}
        </>
      )}
    </div>
  );
}
