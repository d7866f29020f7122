import { useQuery } from '@apollo/client/react';
import { Link, Redirect, useParams } from 'wouter';
import { graphql } from '../../gql';
import { apiLang, useT } from '../../i18n/i18n';
import { formatMonth } from '../../ui/dates';
import { shownData } from '../../ui/shown-data';
import { Empty, ErrorState, Loading } from '../../ui/states';
import { useDocumentTitle } from '../../ui/use-document-title';
import { MeetingView } from './meeting-view';
import { monthNavigation, programmeMonths } from './months';

const AgendaQueryDoc = graphql(`
  query Agenda($lang: Language) {
    committee {
      id
      periodStart
      periodEnd
    }
    meetings {
      ...MeetingFields
    }
  }
`);

export function CalendarPage() {
  const { month } = useParams();
  const { t, lang } = useT();
  const result = useQuery(AgendaQueryDoc, { variables: { lang: apiLang(lang) } });
  const data = shownData(result);
  useDocumentTitle(t('calendar.title'));
  if (result.loading && !data) return <Loading />;
  if (result.error && !data)
    return <ErrorState error={result.error} retry={() => void result.refetch()} />;
  const meetings = data?.meetings ?? [];
  const committee = data?.committee;
  const months = programmeMonths(
    committee ? { start: committee.periodStart, end: committee.periodEnd } : null,
    meetings.map((m) => m.month),
  );
  const nav = monthNavigation(months, month, new Date());
  const heading = <h1>{t('calendar.title')}</h1>;
  if (nav.kind === 'none') {
    return (
      <div className="calendar">
        {heading}
        <Empty>{t('calendar.noMeetings')}</Empty>
      </div>
    );
  }
  if (nav.kind === 'invalid') {
    return (
      <div className="calendar">
        {heading}
        <div className="state state-invalid-month" role="alert">
          <p>
            {t('calendar.invalidMonth', {
              month: nav.requested,
              from: formatMonth(months[0], lang),
              to: formatMonth(months[months.length - 1], lang),
            })}
          </p>
          <p>
            <Link to={`/calendar/${nav.fallback}`}>
              {t('calendar.goTo', { month: formatMonth(nav.fallback, lang) })}
            </Link>
          </p>
        </div>
      </div>
    );
  }
  // The calendar's own address names its month, so that it can be bookmarked and shared.
  if (month === undefined) return <Redirect to={`/calendar/${nav.current}`} replace />;
  const shown = meetings.filter((m) => m.month === nav.current);
  return (
    <div className="calendar">
      {heading}
      <nav className="month-nav" aria-label={t('calendar.month')}>
        {nav.previous ? (
          <Link
            to={`/calendar/${nav.previous}`}
            rel="prev"
            aria-label={t('calendar.previous', { month: formatMonth(nav.previous, lang) })}
          >
            <span aria-hidden="true">← </span>
            {formatMonth(nav.previous, lang)}
          </Link>
        ) : (
          <span />
        )}
        <h2 aria-live="polite">{formatMonth(nav.current, lang)}</h2>
        {nav.next ? (
          <Link
            to={`/calendar/${nav.next}`}
            rel="next"
            aria-label={t('calendar.next', { month: formatMonth(nav.next, lang) })}
          >
            {formatMonth(nav.next, lang)}
            <span aria-hidden="true"> →</span>
          </Link>
        ) : (
          <span />
        )}
      </nav>
      {shown.length === 0 && <Empty>{t('calendar.noMeetings')}</Empty>}
      {shown.map((m) => (
        <MeetingView key={m.id} meeting={m} />
      ))}
    </div>
  );
}
