import { useQuery, useSubscription } from '@apollo/client/react';
import type { Editor } from '@tiptap/core';
import type { Client } from 'graphql-ws';
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'wouter';
import type { SessionUser } from '../../api/session';
import { CommentThreads } from '../../comments/comment-thread';
import { editorPassage } from '../../comments/passage';
import { anchorOfSelection, resolveAnchor } from '../../editor/anchors';
import { DraftEditor } from '../../editor/draft-editor';
import { PresenceList } from '../../editor/presence-list';
import { useCommentHighlights } from '../../editor/use-comment-highlights';
import { useDraftProvider } from '../../editor/use-draft-provider';
import { graphql } from '../../gql';
import type { CommentFieldsFragment, DraftVersionFieldsFragment } from '../../gql/graphql';
import { apiLang, useT } from '../../i18n/i18n';
import { formatDate } from '../../ui/dates';
import { errorText } from '../../ui/error-text';
import { shownData } from '../../ui/shown-data';
import { ErrorState, Loading } from '../../ui/states';
import { StatusBadge } from '../../ui/status-badge';
import { BracketPanel } from './brackets/bracket-panel';
import { ConsultationPanel } from './consultations/consultation-panel';
import { DraftQuery } from './draft.graphql';
import { EditDraftDetails } from './edit-draft-details';
import { ExportMenu } from './export/export-menu';
import { ComparisonView } from './history/comparison-view';
import { type ComparisonSides, HistoryPanel } from './history/history-panel';
import { LastVisitChanges } from './last-visit-changes';
import { ParagraphPanel } from './paragraph-panel';
import { ProposalsPanel } from './proposals/proposals-panel';
import { ReadingBanner } from './reading/reading-banner';
import { useRecordVisit } from './record-visit';
import { ReportSources } from './report/report-sources';
import { SilenceBanner, SilencePanel, useDraftSilence } from './silence/silence-panel';
import { StatusControl } from './status-control';
import { SyncIndicator } from './sync-indicator';
import '../../editor/editor.css';
import { markOnce } from '../../ui/mark-once';
import { useAfterPaint } from '../../ui/use-after-paint';
import { useDocumentTitle } from '../../ui/use-document-title';

performance.mark('draft:chunk');

const StatusChanged = graphql(`
  subscription DraftStatus($id: ID!, $lang: Language) {
    draftStatusChanged(draftId: $id) {
      id
      status
      statusChangedAt
      proposeByDefault
      ...DraftAbilitiesFields
      # The silence procedure starting or ending comes this way too: the panel follows it live.
      silence {
        ...SilenceFields
      }
    }
  }
`);

export default function DraftPage({ ws, user }: { ws: Client; user: SessionUser }) {
  const { id = '' } = useParams();
  const { t, lang } = useT();
  markOnce('draft:render');
  const result = useQuery(DraftQuery, { variables: { id, lang: apiLang(lang) } });
  const { loading, error, refetch } = result;
  // While the other language's titles load, the page (and the editor's editability) stay as they were.
  const data = shownData(result, (previous) => previous.draft.id === id);
  useSubscription(StatusChanged, { variables: { id, lang: apiLang(lang) } });
  const draft = data?.draft;
  useDocumentTitle(draft?.title);
  if (draft) markOnce('draft:meta');
  // Set from the moment the server refuses an edit as adopted until the draft's status is read
  // again: the refusal may come before the status change itself.
  const [lockSeen, setLockSeen] = useState(false);
  const onLocked = useCallback(() => {
    setLockSeen(true);
    void refetch().finally(() => setLockSeen(false));
  }, [refetch]);
  // An adopted text is final for everyone: every open editor turns read-only at once (the status
  // and what it allows come by subscription), and editable again if the draft is reopened.
  const adopted = draft?.status === 'ADOPTED' || lockSeen;
  const readOnly = draft ? !draft.can.edit || lockSeen : true;
  // Under silence the silence banner says why the text cannot be edited.
  const underSilence = useDraftSilence(id)?.state === 'UNDER_SILENCE';
  const { connection, sync } = useDraftProvider(ws, id, readOnly, onLocked);
  const [editor, setEditor] = useState<Editor | null>(null);
  const onReady = useCallback((e: Editor | null) => setEditor(e), []);
  const passage = useMemo(() => editorPassage(editor, anchorOfSelection), [editor]);
  // What the editor does not need (history, comments, changes since the last visit, the details
  // form) comes once the editor is on screen: their queries and rendering do not hold it up.
  const editorShown = useAfterPaint(editor !== null);

  const showAnchor = useCallback(
    (comment: CommentFieldsFragment) => {
      if (!editor || !comment.anchor) return;
      const range = resolveAnchor(editor, comment.anchor);
      if (range) editor.chain().focus().setTextSelection(range).scrollIntoView().run();
    },
    [editor],
  );

  useCommentHighlights(editor, id);
  useRecordVisit(id);
  // The comparison shown above the text, chosen in the history panel.
  const [comparison, setComparison] = useState<{
    sides: ComparisonSides;
    versions: readonly DraftVersionFieldsFragment[];
  } | null>(null);
  const onCompare = useCallback(
    (sides: ComparisonSides, versions: readonly DraftVersionFieldsFragment[]) =>
      setComparison({ sides, versions }),
    [],
  );
  const closeComparison = useCallback(() => setComparison(null), []);

  if (error && !data) return <ErrorState error={error} retry={() => void refetch()} />;
  if (!draft && !loading) return null;
  // The editor does not wait for the draft's details: it is built (read-only) while they and
  // the text arrive, and made editable once both say so.
  return (
    <div className="draft-page">
      <div className="draft-main">
        {draft ? (
          <>
            <p className="eyebrow">
              <Link to={`/groups/${draft.workingGroup.id}`}>
                {t('dashboard.group', { number: draft.workingGroup.number })} —{' '}
                {draft.workingGroup.title}
              </Link>
            </p>
            <h1>{draft.title}</h1>
            <div className="draft-meta">
              <StatusBadge status={draft.status} />
              {draft.symbol && <span className="draft-symbol">{draft.symbol}</span>}
              {draft.deadline && (
                <span>{t('draft.deadline', { date: formatDate(draft.deadline, lang) })}</span>
              )}
              {(draft.can.manage || draft.can.changeStatus) && (
                <StatusControl id={draft.id} status={draft.status} can={draft.can} />
              )}
              {draft.can.manage && editorShown && (
                <EditDraftDetails id={draft.id} onSaved={() => void refetch()} />
              )}
              <ExportMenu draftId={draft.id} />
            </div>
            {/* A live region present from the start, so that adoption is announced when it happens. */}
            <div role="status">
              {adopted && (
                <p className="banner banner-adopted">
                  {draft.status === 'ADOPTED' && draft.statusChangedAt
                    ? t('draft.adoptedOn', { date: formatDate(draft.statusChangedAt, lang) })
                    : t('draft.adopted')}
                </p>
              )}
            </div>
            {editorShown && <SilenceBanner draftId={draft.id} />}
            {editorShown && <LastVisitChanges draftId={draft.id} />}
            {editorShown && (
              <ReadingBanner
                ws={ws}
                draftId={draft.id}
                canConduct={draft.can.conductReading}
                editor={editor}
              />
            )}
            {readOnly && !adopted && !underSilence && (
              <p className="banner banner-read-only" role="note">
                {t('draft.readOnly')}
              </p>
            )}
          </>
        ) : (
          <Loading />
        )}
        <div className="draft-bar">
          {connection && <PresenceList awareness={connection.awareness} />}
          {draft && !readOnly && <SyncIndicator sync={sync} />}
        </div>
        {sync.lastError &&
          !sync.lastError.retryable &&
          sync.lastError.code !== 'DRAFT_LOCKED' &&
          sync.lastError.code !== 'UNDER_SILENCE' && (
            <p className="notice notice-error" role="alert">
              {t('draft.refused', { message: errorText(sync.lastError, lang) })}
            </p>
          )}
        {draft && comparison && (
          <ComparisonView
            key={`${comparison.sides.from}:${comparison.sides.to}`}
            draftId={draft.id}
            sides={comparison.sides}
            versions={comparison.versions}
            onClose={closeComparison}
          />
        )}
        {!sync.ready && <Loading />}
        {/* Built while the text is still on its way, shown (and editable) once it has all arrived. */}
        {connection && (
          <div hidden={!sync.ready}>
            <DraftEditor
              connection={connection}
              user={user}
              editable={!readOnly && sync.ready}
              proposeByDefault={draft?.proposeByDefault ?? false}
              onReady={onReady}
            />
          </div>
        )}
      </div>
      <aside className="draft-side">
        {/* A compiled report's sources first: what it is made of, and whether it is behind. */}
        {draft && editorShown && <ReportSources draftId={draft.id} />}
        {draft && editorShown && <SilencePanel draftId={draft.id} can={draft.can} />}
        {draft && editorShown && <ConsultationPanel draftId={draft.id} />}
        {draft && editorShown && (
          <ParagraphPanel
            draftId={draft.id}
            editor={editor}
            canSet={draft.can.setParagraphStatus}
          />
        )}
        {draft && editorShown && (
          <HistoryPanel
            draftId={draft.id}
            status={draft.status}
            can={draft.can}
            onCompare={onCompare}
            onRestored={closeComparison}
          />
        )}
        {draft && editorShown && (
          <>
            <ProposalsPanel draftId={draft.id} editor={editor} canComment={draft.can.comment} />
            <BracketPanel draftId={draft.id} editor={editor} canDecide={draft.can.decideBrackets} />
          </>
        )}
        {draft && editorShown && (
          <CommentThreads
            targetId={draft.id}
            canWrite={draft.can.comment}
            heading={<h2>{t('comments.title')}</h2>}
            passage={passage}
            onShowAnchor={showAnchor}
          />
        )}
      </aside>
    </div>
  );
}
