import { useQuery, useSubscription } from '@apollo/client/react';
import { useMemo } from 'react';
import { Link } from 'wouter';
import { apiLang, useT } from '../../i18n/i18n';
import { formatMeetingDate } from '../../ui/dates';
import { shownData } from '../../ui/shown-data';
import { Empty, ErrorState, Loading } from '../../ui/states';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useNow } from '../../ui/use-now';
import { DashboardQuery, DraftChangedSubscription } from './dashboard.graphql';
import { DraftCard } from './draft-card';

const UPCOMING = 5;

export function DashboardPage() {
  const { t, lang } = useT();
  const now = useNow();
  // Fixed for the page's life, so the query is not re-run every time the clock ticks.
  const since = useMemo(() => new Date().toISOString(), []);
  const variables = { lang: apiLang(lang), now: since };
  const result = useQuery(DashboardQuery, { variables });
  const { loading, error, refetch } = result;
  const data = shownData(result);
  useDocumentTitle(t('dashboard.title'));
  // Each event carries the draft's whole summary; the cache puts it in place by id.
  useSubscription(DraftChangedSubscription, { variables: { lang: apiLang(lang) } });

  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorState error={error} retry={() => void refetch()} />;
  if (!data) return null;
  const upcoming = data.upcoming.slice(0, UPCOMING);
  const meetings = upcoming.length ? upcoming : data.past.slice(-3);
  return (
    <div className="dashboard">
      <h1>{t('dashboard.title')}</h1>
      <p className="muted">{t('dashboard.intro')}</p>
      {data.committee?.can.compileReport && (
        <p>
          <Link to="/report/compile">{t('report.compileLink')}</Link>
        </p>
      )}
      {data.drafts.length === 0 ? (
        <Empty>{t('dashboard.noDrafts')}</Empty>
      ) : (
        <section className="draft-grid" aria-label={t('dashboard.title')}>
          {data.drafts.map((d) => (
            <DraftCard
              key={d.id}
              draft={d}
              now={now}
              programmeEnd={data.committee?.periodEnd ?? null}
            />
          ))}
        </section>
      )}
      <section className="upcoming" aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t('dashboard.upcoming')}</h2>
        {upcoming.length === 0 && <p className="muted">{t('dashboard.noUpcoming')}</p>}
        <ul>
          {meetings.map((m) => (
            <li key={m.id}>
              {/* The title names the kind of meeting already ("Committee meeting: …"). */}
              <Link to={`/calendar/${m.month}#meeting-${m.id}`}>
                <time dateTime={m.date}>{formatMeetingDate(m, lang)}</time> — {m.title}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
