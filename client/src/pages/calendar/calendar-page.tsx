import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { Link, Redirect, useLocation, useParams } from 'wouter';
import { graphql } from '../../gql';
import { apiLang, useT } from '../../i18n/i18n';
import { formatMonth } from '../../ui/dates';
import { shownData } from '../../ui/shown-data';
import { Empty, ErrorState, Loading } from '../../ui/states';
import { useDocumentTitle } from '../../ui/use-document-title';
import {
  AnyDraftStatusChanged,
  CreateMeeting,
  MeetingsChangedSubscription,
} from './meeting.graphql';
import { MeetingForm } from './meeting-form';
import { forgetMeeting, MeetingView } from './meeting-view';
import { monthNavigation, programmeMonths } from './months';

const AgendaQueryDoc = graphql(`
  query Agenda {
    committee {
      id
      periodStart
      periodEnd
      can {
        createMeeting
      }
    }
    meetings {
      id
      month
      date
    }
  }
`);

// The shown month's meetings in full; the programme's list above only names the months.
const MonthMeetingsDoc = graphql(`
  query MonthMeetings($month: String!, $lang: Language) {
    meetings(month: $month) {
      ...MeetingFields
    }
  }
`);

/** The meetings of one month, each with its agenda, in date order. */
function MonthMeetings({ month }: { month: string }) {
  const { t, lang } = useT();
  const result = useQuery(MonthMeetingsDoc, { variables: { month, lang: apiLang(lang) } });
  const data = shownData(result);
  if (result.loading && !data) return <Loading />;
  if (result.error && !data)
    return <ErrorState error={result.error} retry={() => void result.refetch()} />;
  // A meeting rescheduled to another month leaves at once (its month changes by id in the cache).
  const shown = (data?.meetings ?? [])
    .filter((m) => m.month === month)
    .sort((a, b) => a.date.localeCompare(b.date));
  if (shown.length === 0) return <Empty>{t('calendar.noMeetings')}</Empty>;
  return (
    <>
      {shown.map((m) => (
        <MeetingView key={m.id} meeting={m} />
      ))}
    </>
  );
}

export function CalendarPage() {
  const { month } = useParams();
  const { t, lang } = useT();
  const client = useApolloClient();
  const [, navigate] = useLocation();
  const [creating, setCreating] = useState(false);
  const [create] = useMutation(CreateMeeting);
  const result = useQuery(AgendaQueryDoc);
  const data = shownData(result);
  useDocumentTitle(t('calendar.title'));
  // Meetings created, rescheduled or deleted elsewhere: one changed in place updates itself
  // by id in the cache; one new, or moved into the month shown, has the lists read again; one
  // deleted leaves.
  useSubscription(MeetingsChangedSubscription, {
    variables: { lang: apiLang(lang) },
    onData: ({ data: event }) => {
      const change = event.data?.meetingsChanged;
      if (!change) return;
      if (change.deleted) {
        forgetMeeting(client.cache, change.meetingId);
        return;
      }
      const known = data?.meetings.some((m) => m.id === change.meetingId);
      const shownMonth = client.cache.readQuery({
        query: MonthMeetingsDoc,
        variables: { month: change.meeting?.month ?? '', lang: apiLang(lang) },
      });
      const listed = shownMonth?.meetings.some((m) => m.id === change.meetingId);
      if (!known || (shownMonth && !listed))
        void client.refetchQueries({ include: [AgendaQueryDoc, MonthMeetingsDoc] });
    },
  });
  // Linked drafts show their status: every status change reaches the cache by the draft's id.
  useSubscription(AnyDraftStatusChanged);
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
  const canCreate = committee?.can.createMeeting ?? false;
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
      {canCreate &&
        (creating ? (
          <section className="meeting new-meeting" aria-labelledby="new-meeting-title">
            <h3 id="new-meeting-title">{t('meetingEdit.newMeetingTitle')}</h3>
            <MeetingForm
              initial={{
                titleEn: '',
                titleFr: '',
                kind: 'COMMITTEE',
                // Mid-month, mid-morning in the reader's zone: a start to adjust, in the month shown.
                date: new Date(`${nav.current}-15T10:00:00`).toISOString(),
                dateIsIndicative: false,
              }}
              submitLabel={t('meetingEdit.create')}
              onSubmit={async (details) => {
                const res = await create({
                  variables: { lang: apiLang(lang), input: details },
                });
                await client.refetchQueries({ include: [AgendaQueryDoc, MonthMeetingsDoc] });
                setCreating(false);
                const made = res.data?.createMeeting;
                if (made && made.month !== nav.current) navigate(`/calendar/${made.month}`);
              }}
              onCancel={() => setCreating(false)}
            />
          </section>
        ) : (
          <p>
            <button type="button" className="primary" onClick={() => setCreating(true)}>
              {t('meetingEdit.newMeeting')}
            </button>
          </p>
        ))}
      <MonthMeetings month={nav.current} />
    </div>
  );
}
