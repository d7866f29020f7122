import { useState } from 'react';
import { CommentThreads } from '../../comments/comment-thread';
import type { MeetingFieldsFragment } from '../../gql/graphql';
import { useT } from '../../i18n/i18n';

type AgendaItem = MeetingFieldsFragment['agenda'][number];

/** An agenda item with its sub-items, references and (on demand) its live comment thread. */
export function ItemView({ item }: { item: AgendaItem }) {
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
          <CommentThreads targetId={item.id} canWrite={item.canComment} />
        </div>
      )}
    </li>
  );
}
