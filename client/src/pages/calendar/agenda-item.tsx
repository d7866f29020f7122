import { useState } from 'react';
import { CommentThreads } from '../../comments/comment-thread';
import type { MeetingFieldsFragment } from '../../gql/graphql';
import { useT } from '../../i18n/i18n';
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

/** An agenda item with its sub-items, references and (on demand) its live comment thread. */
export function ItemView({ item, meetingId }: { item: AgendaItem; meetingId: string }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  useLiveCommentCount(meetingId, item.id);
  const panel = `comments-${item.id}`;
  return (
    <li className="agenda-item" data-item-id={item.id}>
      <p className="item-title">
        {item.title}
        <Reference reference={item.reference} />
      </p>
      {item.subItems.length > 0 && (
        <ol className="sub-items" type="i">
          {item.subItems.map((s) => (
            <li key={s.id}>
              {s.title}
              <Reference reference={s.reference} />
            </li>
          ))}
        </ol>
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
      {open && (
        <div id={panel}>
          <CommentThreads targetId={item.id} canWrite={item.can.comment} />
        </div>
      )}
    </li>
  );
}
