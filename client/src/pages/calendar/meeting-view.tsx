import { useSubscription } from '@apollo/client/react';
import type { MeetingFieldsFragment } from '../../gql/graphql';
import { apiLang, useT } from '../../i18n/i18n';
import { formatMeetingDate } from '../../ui/dates';
import { Empty } from '../../ui/states';
import { ItemView } from './agenda-item';
import { AgendaChangedSubscription } from './meeting.graphql';

/** A meeting and its agenda, following changes to it live (the cache puts them in place by id). */
export function MeetingView({ meeting: m }: { meeting: MeetingFieldsFragment }) {
  const { t, lang } = useT();
  useSubscription(AgendaChangedSubscription, {
    variables: { meetingId: m.id, lang: apiLang(lang) },
  });
  return (
    <article id={`meeting-${m.id}`} className="meeting" aria-labelledby={`meeting-title-${m.id}`}>
      <header>
        <p className="eyebrow">
          <time dateTime={m.date}>{formatMeetingDate(m, lang, true)}</time>
          {m.dateIsIndicative && <span className="muted"> ({t('calendar.indicative')})</span>} ·{' '}
          {t(`calendar.kind.${m.kind}`)}
        </p>
        <h3 id={`meeting-title-${m.id}`}>{m.title}</h3>
      </header>
      <h4>{t('calendar.agenda')}</h4>
      {m.agenda.length === 0 ? (
        <Empty>{t('calendar.noAgenda')}</Empty>
      ) : (
        <ol className="agenda">
          {m.agenda.map((item) => (
            <ItemView key={item.id} item={item} meetingId={m.id} />
          ))}
        </ol>
      )}
    </article>
  );
}
