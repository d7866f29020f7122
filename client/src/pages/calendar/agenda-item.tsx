import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'wouter';
import { CommentThreads } from '../../comments/comment-thread';
import type { LinkedDraftFragment, MeetingFieldsFragment } from '../../gql/graphql';
import { apiLang, useT } from '../../i18n/i18n';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { StatusBadge } from '../../ui/status-badge';
import { AgendaItemForm, type ItemDraft, reorderKey, toItemInput } from './agenda-item-form';
import { RemoveAgendaItem, UpdateAgendaItem } from './meeting.graphql';
import { formatReference } from './reference';
import { useLiveCommentCount } from './use-live-comment-count';

type AgendaItem = MeetingFieldsFragment['agenda'][number];

function Reference({ reference }: { reference: string | null }) {
  const { t, lang } = useT();
  if (!reference) return null;
  return (
    <span className="reference">
      {' '}
      {t('calendar.reference', { ref: formatReference(reference, lang) })}
    </span>
  );
}

/** The drafts an item is about, each with its status (kept live by the calendar page). */
function LinkedDrafts({ drafts }: { drafts: readonly LinkedDraftFragment[] }) {
  const { t } = useT();
  if (drafts.length === 0) return null;
  return (
    <ul className="linked-drafts" aria-label={t('calendar.linkedDrafts')}>
      {drafts.map((d) => (
        <li key={d.id}>
          <Link to={`/drafts/${d.id}`}>
            {t('meetingEdit.draftOfGroup', { number: d.workingGroup.number, title: d.title })}
          </Link>{' '}
          <StatusBadge status={d.status} />
        </li>
      ))}
    </ul>
  );
}

const isTextField = (target: EventTarget): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'INPUT');

const draftOf = (item: AgendaItem): ItemDraft => ({
  titleEn: item.titleEn,
  titleFr: item.titleFr,
  reference: item.reference ?? '',
  draftIds: item.drafts.map((d) => d.id),
  subItems: item.subItems.map((s) => ({
    id: s.id,
    titleEn: s.titleEn,
    titleFr: s.titleFr,
    reference: s.reference ?? '',
    draftIds: s.drafts.map((d) => d.id),
  })),
});

/**
 * An agenda item with its sub-items, references, linked drafts and (on demand) its live comment
 * thread; for those who manage the meeting, its editing, reordering and removal.
 */
export function ItemView({
  item,
  meetingId,
  manage,
  position,
  count,
  onMove,
}: {
  item: AgendaItem;
  meetingId: string;
  manage: boolean;
  position: number;
  count: number;
  /** Moves the item by one place; `focus` names the button to keep focused after it. */
  onMove: (by: -1 | 1) => void;
}) {
  const { t, lang } = useT();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [update] = useMutation(UpdateAgendaItem);
  const [remove] = useMutation(RemoveAgendaItem);
  useLiveCommentCount(meetingId, item.id);
  const panel = `comments-${item.id}`;
  const vars = { meetingId, itemId: item.id, lang: apiLang(lang) };
  return (
    <li
      className="agenda-item"
      data-item-id={item.id}
      onKeyDown={(e) => {
        // Not from the comment thread's text fields, where Alt+Up/Down may move the caret.
        if (!manage || editing || isTextField(e.target)) return;
        const by = reorderKey(e);
        if (by === null) return;
        e.preventDefault();
        onMove(by);
      }}
    >
      {editing ? (
        <AgendaItemForm
          initial={draftOf(item)}
          submitLabel={t('meetingEdit.editItemTitle', { n: position })}
          onSubmit={async (changed) => {
            await update({ variables: { ...vars, input: toItemInput(changed) } });
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <p className="item-title">
            {item.title}
            <Reference reference={item.reference} />
          </p>
          <LinkedDrafts drafts={item.drafts} />
          {item.subItems.length > 0 && (
            <ol className="sub-items" type="i">
              {item.subItems.map((s) => (
                <li key={s.id}>
                  {s.title}
                  <Reference reference={s.reference} />
                  <LinkedDrafts drafts={s.drafts} />
                </li>
              ))}
            </ol>
          )}
        </>
      )}
      <button
        type="button"
        className="link"
        aria-expanded={open}
        aria-controls={open ? panel : undefined}
        onClick={() => setOpen(!open)}
      >
        {t('comments.count', { count: item.openComments })}
      </button>
      {manage && !editing && (
        // biome-ignore lint/a11y/useSemanticElements: a toolbar of buttons, not a fieldset of inputs.
        <div
          className="row manage-item"
          role="group"
          aria-label={t('meetingEdit.itemActions', { title: item.title })}
        >
          <button
            type="button"
            className="move-up"
            disabled={position === 1}
            aria-label={t('meetingEdit.moveUp', { title: item.title })}
            aria-keyshortcuts="Alt+ArrowUp"
            onClick={() => onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="move-down"
            disabled={position === count}
            aria-label={t('meetingEdit.moveDown', { title: item.title })}
            aria-keyshortcuts="Alt+ArrowDown"
            onClick={() => onMove(1)}
          >
            ↓
          </button>
          <button type="button" className="link" onClick={() => setEditing(true)}>
            {t('meetingEdit.editItem')}
            <span className="visually-hidden"> {item.title}</span>
          </button>
          <button type="button" className="link danger" onClick={() => setRemoving(true)}>
            {t('meetingEdit.removeItem')}
            <span className="visually-hidden"> {item.title}</span>
          </button>
        </div>
      )}
      {open && (
        <div id={panel}>
          <CommentThreads targetId={item.id} canWrite={item.can.comment} />
        </div>
      )}
      {removing && (
        <ConfirmDialog
          danger
          title={t('meetingEdit.removeItemTitle', { title: item.title })}
          body={t('meetingEdit.removeItemBody')}
          confirmLabel={t('meetingEdit.removeItem')}
          onConfirm={() => remove({ variables: vars })}
          onCancel={() => setRemoving(false)}
        />
      )}
    </li>
  );
}
