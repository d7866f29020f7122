import { useApolloClient, useMutation, useSubscription } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import type { MeetingFieldsFragment } from '../../gql/graphql';
import { apiLang, useT } from '../../i18n/i18n';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { formatMeetingDate } from '../../ui/dates';
import { errorText } from '../../ui/error-text';
import { Empty } from '../../ui/states';
import { ItemView } from './agenda-item';
import { AgendaItemForm, emptyItem, toItemInput } from './agenda-item-form';
import {
  AddAgendaItem,
  AgendaChangedSubscription,
  DeleteMeeting,
  MoveAgendaItem,
  UpdateMeeting,
} from './meeting.graphql';
import { MeetingForm } from './meeting-form';

/** Forgets a meeting that is gone: every list of meetings in the cache drops it. */
export function forgetMeeting(
  cache: ReturnType<typeof useApolloClient>['cache'],
  meetingId: string,
): void {
  cache.evict({ id: cache.identify({ __typename: 'Meeting', id: meetingId }) });
  cache.gc();
}

/**
 * A meeting and its agenda, following changes to it live (the cache puts them in place by id);
 * for those who manage it (`Meeting.can.manage`), its editing, rescheduling and deletion, and the
 * agenda's items added, edited, reordered (buttons, or Alt+Up/Down, announced) and removed.
 */
export function MeetingView({ meeting: m }: { meeting: MeetingFieldsFragment }) {
  const { t, lang } = useT();
  const client = useApolloClient();
  const [, navigate] = useLocation();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [adding, setAdding] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [moveFailure, setMoveFailure] = useState<string | null>(null);
  // The item just moved, whose move button keeps the focus once the agenda shows the new order.
  const [focusAfterMove, setFocusAfterMove] = useState<{ id: string; by: -1 | 1 } | null>(null);
  const [update] = useMutation(UpdateMeeting);
  const [remove] = useMutation(DeleteMeeting);
  const [add] = useMutation(AddAgendaItem);
  const [move] = useMutation(MoveAgendaItem);
  const variables = { lang: apiLang(lang) };
  useSubscription(AgendaChangedSubscription, { variables: { meetingId: m.id, ...variables } });
  const manage = m.can.manage;

  useEffect(() => {
    if (!focusAfterMove) return;
    const row = document.querySelector(`[data-item-id="${focusAfterMove.id}"]`);
    const wanted = focusAfterMove.by < 0 ? '.move-up' : '.move-down';
    const other = focusAfterMove.by < 0 ? '.move-down' : '.move-up';
    (
      row?.querySelector<HTMLButtonElement>(`${wanted}:not(:disabled)`) ??
      row?.querySelector<HTMLButtonElement>(`${other}:not(:disabled)`)
    )?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove]);

  const moveItem = async (index: number, by: -1 | 1) => {
    const to = index + by;
    if (to < 0 || to >= m.agenda.length) return;
    const item = m.agenda[index];
    setMoveFailure(null);
    try {
      await move({
        variables: { ...variables, meetingId: m.id, itemId: item.id, toOrder: to + 1 },
      });
      setAnnouncement(
        t('meetingEdit.itemMoved', { title: item.title, position: to + 1, count: m.agenda.length }),
      );
      setFocusAfterMove({ id: item.id, by });
    } catch (err) {
      setMoveFailure(errorText(err, lang));
    }
  };

  return (
    <article id={`meeting-${m.id}`} className="meeting" aria-labelledby={`meeting-title-${m.id}`}>
      {editing ? (
        <>
          <h3 id={`meeting-title-${m.id}`}>{t('meetingEdit.editingTitle', { title: m.title })}</h3>
          <MeetingForm
            initial={{
              titleEn: m.titleEn,
              titleFr: m.titleFr,
              kind: m.kind,
              date: m.date,
              dateIsIndicative: m.dateIsIndicative,
            }}
            submitLabel={t('meetingEdit.save')}
            onSubmit={async (details) => {
              const res = await update({ variables: { ...variables, id: m.id, input: details } });
              setEditing(false);
              // Rescheduled into another month: the calendar follows it there.
              const month = res.data?.updateMeeting.month;
              if (month && month !== m.month) navigate(`/calendar/${month}`);
            }}
            onCancel={() => setEditing(false)}
          />
        </>
      ) : (
        <header>
          <p className="eyebrow">
            <time dateTime={m.date}>{formatMeetingDate(m, lang, true)}</time>
            {m.dateIsIndicative && <span className="muted"> ({t('calendar.indicative')})</span>} ·{' '}
            {t(`calendar.kind.${m.kind}`)}
          </p>
          <h3 id={`meeting-title-${m.id}`}>{m.title}</h3>
          {manage && (
            <div className="row manage-meeting">
              <button type="button" onClick={() => setEditing(true)}>
                {t('meetingEdit.editMeeting')}
                <span className="visually-hidden"> {m.title}</span>
              </button>
              <button type="button" className="danger" onClick={() => setDeleting(true)}>
                {t('meetingEdit.deleteMeeting')}
                <span className="visually-hidden"> {m.title}</span>
              </button>
            </div>
          )}
        </header>
      )}
      <h4>{t('calendar.agenda')}</h4>
      {manage && <p className="muted hint">{t('meetingEdit.reorderHint')}</p>}
      {m.agenda.length === 0 ? (
        <Empty>{t('calendar.noAgenda')}</Empty>
      ) : (
        <ol className="agenda">
          {m.agenda.map((item, i) => (
            <ItemView
              key={item.id}
              item={item}
              meetingId={m.id}
              manage={manage}
              position={i + 1}
              count={m.agenda.length}
              onMove={(by) => void moveItem(i, by)}
            />
          ))}
        </ol>
      )}
      {moveFailure && (
        <p className="notice notice-error" role="alert">
          {moveFailure}
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {manage &&
        (adding ? (
          <AgendaItemForm
            initial={emptyItem}
            submitLabel={t('meetingEdit.newItemTitle')}
            onSubmit={async (item) => {
              await add({ variables: { ...variables, meetingId: m.id, input: toItemInput(item) } });
              setAdding(false);
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <button type="button" onClick={() => setAdding(true)}>
            {t('meetingEdit.addItem')}
            <span className="visually-hidden"> ({m.title})</span>
          </button>
        ))}
      {deleting && (
        <ConfirmDialog
          danger
          title={t('meetingEdit.deleteTitle', { title: m.title })}
          body={t('meetingEdit.deleteBody')}
          confirmLabel={t('meetingEdit.deleteMeeting')}
          onConfirm={async () => {
            await remove({ variables: { id: m.id } });
            forgetMeeting(client.cache, m.id);
          }}
          onCancel={() => setDeleting(false)}
        />
      )}
    </article>
  );
}
