import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import type { AddCommentInput, CommentFieldsFragment } from '../gql/graphql';
import { useT } from '../i18n/i18n';
import { MentionTextarea } from '../notifications/mention-textarea';
import { errorText } from '../ui/error-text';
import { ErrorState, Loading } from '../ui/states';
import { CommentView } from './comment-view';
import {
  AddCommentMutation,
  CommentAddedSubscription,
  CommentChangedSubscription,
  CommentsQuery,
  ResolveCommentMutation,
} from './comments.graphql';
import { type PassageSource, shortQuote, useSelectedQuote } from './passage';
import './comments.css';
import { openCount, type Thread, toThreads, upsertComment } from './threads';

export interface CommentsProps {
  targetId: string;
  /** Whether the signed-in person may comment here: the target's `can.comment`. */
  canWrite: boolean;
  /** On a draft: its selected passage, for a new comment. Without it (agenda items), no passages. */
  passage?: PassageSource;
  /** Shows a thread's passage (a draft's editor selects it). */
  onShowAnchor?: (comment: CommentFieldsFragment) => void;
  /** What the heading says. */
  heading?: ReactNode;
}

/** A live list of comment threads on an agenda item or a draft, with reply and resolve. */
export function CommentThreads({
  targetId,
  canWrite,
  passage,
  onShowAnchor,
  heading,
}: CommentsProps) {
  const { t } = useT();
  const { data, loading, error, refetch, updateQuery } = useQuery(CommentsQuery, {
    variables: { targetId },
  });
  const [showResolved, setShowResolved] = useState(false);
  const [onlyConsultations, setOnlyConsultations] = useState(false);
  const { cache } = useApolloClient();
  const merge = (c: CommentFieldsFragment | undefined) => {
    if (!c) return;
    updateQuery((_, prev) => {
      if (!prev.complete) return undefined;
      const comments = upsertComment(prev.previousData.comments, c);
      // The count shown beside the thread (an agenda item's, a draft's) follows at once.
      const open = openCount(comments);
      for (const typename of ['AgendaItem', 'Draft']) {
        cache.modify({
          id: cache.identify({ __typename: typename, id: targetId }),
          fields: { openComments: () => open },
        });
      }
      return { comments };
    });
  };
  useSubscription(CommentAddedSubscription, {
    variables: { targetId },
    onData: ({ data: d }) => merge(d.data?.commentAdded),
  });
  useSubscription(CommentChangedSubscription, {
    variables: { targetId },
    onData: ({ data: d }) => merge(d.data?.commentChanged),
  });

  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorState error={error} retry={() => void refetch()} />;
  const threads = toThreads(data?.comments ?? []);
  // Member States' comments from open consultations, which members may want to read apart.
  const fromConsultations = threads.filter((th) => th.root.consultation).length;
  const visible = threads.filter(
    (th) =>
      (showResolved || !th.root.resolved) &&
      (!onlyConsultations || fromConsultations === 0 || th.root.consultation),
  );
  const resolvedCount = threads.length - threads.filter((th) => !th.root.resolved).length;
  return (
    <section className="comments" aria-label={t('comments.title')}>
      {heading}
      {canWrite ? (
        <NewComment targetId={targetId} passage={passage} onAdded={merge} />
      ) : (
        <p className="muted small">{t('comments.readOnly')}</p>
      )}
      {fromConsultations > 0 && (
        <label className="small comments-consultations-only">
          <input
            type="checkbox"
            checked={onlyConsultations}
            onChange={(e) => setOnlyConsultations(e.target.checked)}
          />{' '}
          {t('comments.onlyConsultations', { count: fromConsultations })}
        </label>
      )}
      {visible.length === 0 && <p className="muted">{t('comments.none')}</p>}
      <ol className="threads">
        {visible.map((th) => (
          <ThreadView
            key={th.root.id}
            thread={th}
            canWrite={canWrite}
            onDraft={!!passage}
            onChanged={merge}
            onShowAnchor={onShowAnchor}
          />
        ))}
      </ol>
      {resolvedCount > 0 && (
        <label className="small">
          <input
            type="checkbox"
            checked={showResolved}
            onChange={(e) => setShowResolved(e.target.checked)}
          />{' '}
          {t('comments.showResolved')} ({resolvedCount})
        </label>
      )}
    </section>
  );
}

/**
 * What a new comment on a draft is about: the selected passage (quoted as it is now) or the whole
 * draft. With nothing selected, only the whole draft, and a hint on how to pick a passage.
 */
export function CommentScope({
  quote,
  onPassage,
  onChoose,
}: {
  quote: string | null;
  onPassage: boolean;
  onChoose: (wholeDraft: boolean) => void;
}) {
  const { t } = useT();
  const name = useId();
  const previewId = `${name}-preview`;
  return (
    <fieldset className="comment-scope">
      <legend className="visually-hidden">{t('comments.about')}</legend>
      <label>
        <input
          type="radio"
          name={name}
          checked={onPassage}
          disabled={!quote}
          aria-describedby={previewId}
          onChange={() => onChoose(false)}
        />{' '}
        {t('comments.onPassage')}
      </label>
      {quote ? (
        <blockquote id={previewId} className="passage-preview">
          {t('comments.quoted', { quote: shortQuote(quote) })}
        </blockquote>
      ) : (
        <p id={previewId} className="muted small passage-hint">
          {t('comments.selectPassage')}
        </p>
      )}
      <label>
        <input type="radio" name={name} checked={!onPassage} onChange={() => onChoose(true)} />{' '}
        {t('comments.onWholeDraft')}
      </label>
    </fieldset>
  );
}

function NewComment({
  targetId,
  passage,
  onAdded,
  parentId,
}: {
  targetId: string;
  passage?: PassageSource;
  onAdded: (c: CommentFieldsFragment) => void;
  parentId?: string;
}) {
  const { t, lang } = useT();
  const [body, setBody] = useState('');
  const quote = useSelectedQuote(parentId ? undefined : passage);
  // Only a choice made against the selection is kept: otherwise selecting a passage picks it.
  const [wholeDraft, setWholeDraft] = useState(false);
  const onPassage = !!quote && !wholeDraft;
  const [add, { loading, error }] = useMutation(AddCommentMutation);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    const input: AddCommentInput = {
      targetId,
      body,
      parentId: parentId ?? null,
      anchor: onPassage ? (passage?.anchor() ?? null) : null,
    };
    const { data } = await add({ variables: { input } }).catch(() => ({ data: undefined }));
    if (data) {
      setBody('');
      setWholeDraft(false);
      onAdded(data.addComment);
    }
  };
  const label = parentId ? t('comments.reply') : t('comments.add');
  return (
    <form className="new-comment" onSubmit={submit}>
      {passage && !parentId && (
        <CommentScope quote={quote} onPassage={onPassage} onChoose={setWholeDraft} />
      )}
      {/* @ offers the names of people and delegations to mention. */}
      <MentionTextarea
        value={body}
        rows={parentId ? 1 : 2}
        placeholder={parentId ? t('comments.replyPlaceholder') : t('comments.placeholder')}
        aria-label={label}
        onChange={setBody}
      />
      <button type="submit" disabled={loading || !body.trim()}>
        {parentId ? t('comments.reply') : t('comments.send')}
      </button>
      {error && (
        <p className="notice notice-error" role="alert">
          {errorText(error, lang)}
        </p>
      )}
    </form>
  );
}

function ThreadView({
  thread,
  canWrite,
  onDraft,
  onChanged,
  onShowAnchor,
}: {
  thread: Thread;
  canWrite: boolean;
  onDraft: boolean;
  onChanged: (c: CommentFieldsFragment) => void;
  onShowAnchor?: CommentsProps['onShowAnchor'];
}) {
  const { t, lang } = useT();
  const [resolve, { loading, error }] = useMutation(ResolveCommentMutation);
  const { root } = thread;
  const toggle = async () => {
    const { data } = await resolve({ variables: { id: root.id, resolved: !root.resolved } }).catch(
      () => ({ data: undefined }),
    );
    if (data) onChanged(data.resolveComment);
  };
  return (
    <li className={`thread${root.resolved ? ' resolved' : ''}`}>
      {root.anchor ? (
        <button
          type="button"
          className="anchor-quote"
          onClick={() => onShowAnchor?.(root)}
          title={t('comments.goTo')}
        >
          {t('comments.on', { quote: shortQuote(root.anchor.quote) })}
        </button>
      ) : (
        onDraft && <p className="thread-scope muted small">{t('comments.onWholeDraft')}</p>
      )}
      <CommentView comment={root} onChanged={onChanged} />
      {thread.replies.map((r) => (
        <CommentView key={r.id} comment={r} onChanged={onChanged} />
      ))}
      {((canWrite && !root.resolved) || root.can.resolve) && (
        <div className="thread-actions">
          {canWrite && !root.resolved && (
            <NewComment targetId={root.targetId} parentId={root.id} onAdded={onChanged} />
          )}
          {root.can.resolve && (
            <button type="button" className="link" onClick={toggle} disabled={loading}>
              {root.resolved ? t('comments.reopen') : t('comments.resolve')}
            </button>
          )}
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
