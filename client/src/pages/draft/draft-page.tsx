import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import type { Editor } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { Client } from 'graphql-ws';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'wouter';
import { hasRole, type SessionUser } from '../../api/session';
import { CommentThreads } from '../../comments/comment-thread';
import { anchorOfSelection, resolveAnchor } from '../../editor/anchors';
import { highlightAnchors } from '../../editor/comment-highlights';
import { CommentsQuery } from '../../comments/comments.graphql';
import { DraftEditor } from '../../editor/draft-editor';
import { PresenceList } from '../../editor/presence-list';
import { useDraftProvider, type DraftSyncState } from '../../editor/use-draft-provider';
import { graphql } from '../../gql';
import { DraftQuery } from './draft.graphql';
import type { CommentFieldsFragment, DraftStatus } from '../../gql/graphql';
import { apiLang, useT } from '../../i18n/i18n';
import { formatDate } from '../../ui/dates';
import { errorText } from '../../ui/error-text';
import { ErrorState, Loading } from '../../ui/states';
import { StatusBadge } from '../../ui/status-badge';
import '../../editor/editor.css';
import { useDocumentTitle } from '../../ui/use-document-title';

performance.mark('draft:chunk');

const StatusChanged = graphql(`
  subscription DraftStatus($id: ID!) {
    draftStatusChanged(draftId: $id) {
      id
      status
    }
  }
`);

const SetStatus = graphql(`
  mutation SetDraftStatus($id: ID!, $status: DraftStatus!) {
    setDraftStatus(id: $id, status: $status) {
      id
      status
    }
  }
`);

const STATUSES: DraftStatus[] = ['DRAFTING', 'IN_REVIEW', 'AGREED', 'ADOPTED'];

function SyncIndicator({ sync }: { sync: DraftSyncState }) {
  const { t } = useT();
  let text = t('draft.saved');
  let kind = 'saved';
  if (sync.status !== 'connected') {
    text = sync.pending > 0 || sync.synced ? t('draft.offline') : t('draft.connecting');
    kind = 'offline';
  } else if (sync.pending > 0) {
    text = t('draft.saving', { count: sync.pending });
    kind = 'saving';
  }
  return (
    <p className={`sync sync-${kind}`} role="status" aria-live="polite" data-pending={sync.pending}>
      {text}
    </p>
  );
}

function StatusControl({ id, status, user }: { id: string; status: DraftStatus; user: SessionUser }) {
  const { t, lang } = useT();
  // Adoption is the Committee's decision: only the Chair and the Secretariat mark it (the server checks too).
  const mayAdopt = hasRole(user, 'CHAIR', 'SECRETARIAT');
  const [setStatus, { loading, error }] = useMutation(SetStatus);
  return (
    <label className="status-control">
      {t('draft.changeStatus')}{' '}
      <select value={status} disabled={loading} onChange={(e) => void setStatus({ variables: { id, status: e.target.value as DraftStatus } }).catch(() => undefined)}>
        {STATUSES.map((s) => (
          <option key={s} value={s} disabled={s === 'ADOPTED' && !mayAdopt && status !== 'ADOPTED'}>
            {t(`status.${s}`)}
          </option>
        ))}
      </select>
      {error && (
        <span className="notice notice-error" role="alert">
          {errorText(error, lang)}
        </span>
      )}
    </label>
  );
}

/** Keeps the passages of open comments marked in the text, as comments and the text change. */
function useCommentHighlights(editor: Editor | null, draftId: string): void {
  // The same query as the comments panel: Apollo shares the request and the live updates.
  const { data } = useQuery(CommentsQuery, { variables: { targetId: draftId } });
  const anchors = useMemo(
    () => (data?.comments ?? []).filter((c) => c.anchor && !c.resolved && !c.deleted && c.id === c.threadId).map((c) => ({ id: c.id, start: c.anchor!.start, end: c.anchor!.end })),
    [data],
  );
  useEffect(() => {
    if (!editor) return;
    let frame = 0;
    const refresh = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => highlightAnchors(editor, anchors));
    };
    refresh();
    // A co-author's edit reaches ProseMirror as a replacement of the document: resolve again.
    const onTransaction = ({ transaction }: { transaction: Transaction }) => {
      if (transaction.docChanged && (transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin) refresh();
    };
    editor.on('transaction', onTransaction);
    return () => {
      cancelAnimationFrame(frame);
      editor.off('transaction', onTransaction);
    };
  }, [editor, anchors]);
}

export default function DraftPage({ ws, user }: { ws: Client; user: SessionUser }) {
  const { id = '' } = useParams();
  const { t, lang } = useT();
  // Steps of opening a draft, for `npm run bench:client` (and the browser's performance panel).
  if (!performance.getEntriesByName('draft:render').length) performance.mark('draft:render');
  const { data, loading, error, refetch } = useQuery(DraftQuery, { variables: { id, lang: apiLang(lang) } });
  useSubscription(StatusChanged, { variables: { id } });
  const draft = data?.draft;
  useDocumentTitle(draft?.title);
  if (draft && !performance.getEntriesByName('draft:meta').length) performance.mark('draft:meta');
  const readOnly = draft ? !draft.canEdit : true;
  const { connection, sync } = useDraftProvider(ws, id, readOnly);
  const [editor, setEditor] = useState<Editor | null>(null);
  const onReady = useCallback((e: Editor | null) => setEditor(e), []);

  const showAnchor = useCallback(
    (comment: CommentFieldsFragment) => {
      if (!editor || !comment.anchor) return;
      const range = resolveAnchor(editor, comment.anchor);
      if (range) editor.chain().focus().setTextSelection(range).scrollIntoView().run();
    },
    [editor],
  );

  useCommentHighlights(editor, id);

  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorState error={error} retry={() => void refetch()} />;
  if (!draft) return null;
  return (
    <div className="draft-page">
      <div className="draft-main">
        <p className="eyebrow">
          <Link to={`/groups/${draft.workingGroup.id}`}>
            {t('dashboard.group', { number: draft.workingGroup.number })} — {draft.workingGroup.title}
          </Link>
        </p>
        <h1>{draft.title}</h1>
        <div className="draft-meta">
          <StatusBadge status={draft.status} />
          {draft.deadline && <span>{t('draft.deadline', { date: formatDate(draft.deadline, lang) })}</span>}
          {draft.canManage && <StatusControl id={draft.id} status={draft.status} user={user} />}
        </div>
        {readOnly && (
          <p className="banner banner-read-only" role="note">
            {t('draft.readOnly')}
          </p>
        )}
        <div className="draft-bar">
          {connection && <PresenceList awareness={connection.awareness} />}
          {!readOnly && <SyncIndicator sync={sync} />}
        </div>
        {sync.lastError && !sync.lastError.retryable && (
          <p className="notice notice-error" role="alert">
            {t('draft.refused', { message: errorText(sync.lastError, lang) })}
          </p>
        )}
        {!sync.ready && <Loading />}
        {/* Built while the text is still on its way, shown (and editable) once it has all arrived. */}
        {connection && draft && (
          <div hidden={!sync.ready}>
            <DraftEditor connection={connection} user={user} editable={!readOnly && sync.ready} onReady={onReady} />
          </div>
        )}
      </div>
      <aside className="draft-side">
        <CommentThreads
          targetId={draft.id}
          canWrite={draft.canComment}
          heading={<h2>{t('comments.title')}</h2>}
          anchor={() => (editor ? anchorOfSelection(editor) : null)}
          onShowAnchor={showAnchor}
        />
      </aside>
    </div>
  );
}
