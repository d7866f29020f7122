import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { AddCommentInput, CommentFieldsFragment } from '../gql/graphql';
import { useT } from '../i18n/i18n';
import { errorText } from '../ui/error-text';
import { ErrorState, Loading } from '../ui/states';
import { AddCommentMutation, CommentAddedSubscription, CommentChangedSubscription, CommentsQuery, ResolveCommentMutation } from './comments.graphql';
import { CommentView } from './comment-view';
import { openCount, toThreads, upsertComment, type Thread } from './threads';

export interface CommentsProps {
  targetId: string;
  /** Whether the signed-in person may write here (the server decides in the end). */
  canWrite: boolean;
  /** The anchor for a new comment (a selected passage of a draft), when there is one. */
  anchor?: () => AddCommentInput['anchor'];
  /** Shows a thread's passage (a draft's editor selects it). */
  onShowAnchor?: (comment: CommentFieldsFragment) => void;
  /** What the heading says. */
  heading?: ReactNode;
}

/** A live list of comment threads on an agenda item or a draft, with reply and resolve. */
export function CommentThreads({ targetId, canWrite, anchor, onShowAnchor, heading }: CommentsProps) {
  const { t } = useT();
  const { data, loading, error, refetch, updateQuery } = useQuery(CommentsQuery, { variables: { targetId } });
  const [showResolved, setShowResolved] = useState(false);
  const { cache } = useApolloClient();
  const merge = (c: CommentFieldsFragment | undefined) => {
    if (!c) return;
    updateQuery((_, prev) => {
      if (!prev.complete) return undefined;
      const comments = upsertComment(prev.previousData.comments, c);
      // The count shown beside the thread (an agenda item's, a draft's) follows at once.
      const open = openCount(comments);
      for (const typename of ['AgendaItem', 'Draft']) {
        cache.modify({ id: cache.identify({ __typename: typename, id: targetId }), fields: { openComments: () => open } });
      }
      return { comments };
    });
  };
  useSubscription(CommentAddedSubscription, { variables: { targetId }, onData: ({ data: d }) => merge(d.data?.commentAdded) });
  useSubscription(CommentChangedSubscription, { variables: { targetId }, onData: ({ data: d }) => merge(d.data?.commentChanged) });

  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorState error={error} retry={() => void refetch()} />;
  const threads = toThreads(data?.comments ?? []);
  const visible = threads.filter((th) => showResolved || !th.root.resolved);
  const resolvedCount = threads.length - threads.filter((th) => !th.root.resolved).length;
  return (
    <section className="comments" aria-label={t('comments.title')}>
      {heading}
      {canWrite ? <NewComment targetId={targetId} anchor={anchor} onAdded={merge} /> : <p className="muted small">{t('comments.readOnly')}</p>}
      {visible.length === 0 && <p className="muted">{t('comments.none')}</p>}
      <ol className="threads">
        {visible.map((th) => (
          <ThreadView key={th.root.id} thread={th} canWrite={canWrite} onChanged={merge} onShowAnchor={onShowAnchor} />
        ))}
      </ol>
      {resolvedCount > 0 && (
        <label className="small">
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> {t('comments.showResolved')} ({resolvedCount})
        </label>
      )}
    </section>
  );
}

function NewComment({ targetId, anchor, onAdded, parentId }: { targetId: string; anchor?: CommentsProps['anchor']; onAdded: (c: CommentFieldsFragment) => void; parentId?: string }) {
  const { t, lang } = useT();
  const [body, setBody] = useState('');
  const [add, { loading, error }] = useMutation(AddCommentMutation);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    const input: AddCommentInput = { targetId, body, parentId: parentId ?? null, anchor: parentId ? null : (anchor?.() ?? null) };
    const { data } = await add({ variables: { input } }).catch(() => ({ data: undefined }));
    if (data) {
      setBody('');
      onAdded(data.addComment);
    }
  };
  const label = parentId ? t('comments.reply') : t('comments.add');
  return (
    <form className="new-comment" onSubmit={submit}>
      <label>
        <span className="visually-hidden">{label}</span>
        <textarea
          value={body}
          rows={parentId ? 1 : 2}
          placeholder={parentId ? t('comments.replyPlaceholder') : t('comments.placeholder')}
          aria-label={label}
          onChange={(e) => setBody(e.target.value)}
        />
      </label>
      <button type="submit" disabled={loading || !body.trim()}>
        {parentId ? t('comments.reply') : t('comments.send')}
      </button>
      {anchor && !parentId && <p className="muted small">{t('comments.addOnSelection')}</p>}
      {error && (
        <p className="notice notice-error" role="alert">
          {errorText(error, lang)}
        </p>
      )}
    </form>
  );
}

function ThreadView({ thread, canWrite, onChanged, onShowAnchor }: { thread: Thread; canWrite: boolean; onChanged: (c: CommentFieldsFragment) => void; onShowAnchor?: CommentsProps['onShowAnchor'] }) {
  const { t, lang } = useT();
  const [resolve, { loading, error }] = useMutation(ResolveCommentMutation);
  const { root } = thread;
  const toggle = async () => {
    const { data } = await resolve({ variables: { id: root.id, resolved: !root.resolved } }).catch(() => ({ data: undefined }));
    if (data) onChanged(data.resolveComment);
  };
  return (
    <li className={`thread${root.resolved ? ' resolved' : ''}`}>
      {root.anchor && (
        <button type="button" className="anchor-quote" onClick={() => onShowAnchor?.(root)} title={t('comments.goTo')}>
          {t('comments.on', { quote: root.anchor.quote })}
        </button>
      )}
      <CommentView comment={root} onChanged={onChanged} />
      {thread.replies.map((r) => (
        <CommentView key={r.id} comment={r} onChanged={onChanged} />
      ))}
      {canWrite && (
        <div className="thread-actions">
          {!root.resolved && <NewComment targetId={root.targetId} parentId={root.id} onAdded={onChanged} />}
          <button type="button" className="link" onClick={toggle} disabled={loading}>
            {root.resolved ? t('comments.reopen') : t('comments.resolve')}
          </button>
        </div>
      )}
      {root.resolved && <span className="badge">{t('comments.resolved')}</span>}
      {error && (
        <p className="notice notice-error" role="alert">
          {errorText(error, lang)}
        </p>
      )}
    </li>
  );
}
