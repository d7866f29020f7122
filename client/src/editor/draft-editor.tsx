import type { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { Placeholder } from '@tiptap/extensions';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useRef } from 'react';
import type { SessionUser } from '../api/session';
import { useT } from '../i18n/i18n';
import { markOnce } from '../ui/mark-once';
import { Bracket } from './bracket';
import { BracketTool } from './bracket-tool';
import { colorFor } from './colors';
import { CommentHighlights } from './comment-highlights';
import { useLazyLayout } from './lazy-layout';
import { ParagraphIds } from './paragraph-ids';
import { ParagraphStatusMarks } from './paragraph-status';
import { ProposeChanges, setProposing } from './proposals/propose-changes';
import { ProposeToggle } from './proposals/propose-toggle';
import { ReadingFocus } from './reading-focus';
import { Toolbar } from './toolbar';
import type { DraftConnection } from './use-draft-provider';

export interface DraftEditorProps {
  connection: DraftConnection;
  user: SessionUser;
  editable: boolean;
  /** Start in Propose mode (the server says so: a delegate while the draft is in review). */
  proposeByDefault?: boolean;
  onReady: (editor: Editor | null) => void;
}

/**
 * TipTap bound to the draft's Yjs document. Undo is Yjs's: it only takes back this person's own
 * edits, never a co-author's. Carets show who is where, in their colour.
 */
export function DraftEditor({
  connection,
  user,
  editable,
  proposeByDefault = false,
  onReady,
}: DraftEditorProps) {
  const { t } = useT();
  markOnce('draft:editor-start');
  // What the attributes below say, kept current by the effects below (the editor outlives both).
  const shown = useRef({ editable, label: t('draft.editorLabel') });
  const editor = useEditor(
    {
      editable,
      extensions: [
        // What committee drafts use: headings, paragraphs, lists, bold, italic. The rest is left
        // out (fewer plugins: a long draft opens faster); Yjs provides undo.
        StarterKit.configure({
          undoRedo: false,
          link: false,
          code: false,
          codeBlock: false,
          blockquote: false,
          horizontalRule: false,
          strike: false,
          underline: false,
          dropcursor: false,
          // It would add an empty paragraph after a final heading or list: opening a draft must not edit it.
          trailingNode: false,
          heading: { levels: [2, 3] },
          // ProposeChanges brings a document that allows proposals on whole paragraphs.
          document: false,
        }),
        Collaboration.configure({ document: connection.doc, field: 'default' }),
        CommentHighlights,
        Bracket.configure({ userId: user.id }),
        ReadingFocus,
        ProposeChanges.configure({ userId: user.id }),
        ParagraphIds,
        ParagraphStatusMarks,
        Placeholder.configure({ placeholder: t('draft.placeholder') }),
        CollaborationCaret.configure({
          provider: { awareness: connection.awareness },
          user: { id: user.id, name: user.name, color: colorFor(user.id) },
        }),
      ],
      editorProps: {
        // A function: ProseMirror computes it again on every update (setEditable's too), where an
        // object is read once and then also loses TipTap's default role="textbox". It applies
        // from the first setEditable below, which follows the editor's creation at once.
        attributes: () => ({
          class: 'draft-text',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': shown.current.label,
          'aria-readonly': String(!shown.current.editable),
        }),
      },
    },
    [connection],
  );
  useEffect(() => {
    shown.current.editable = editable;
    editor?.setEditable(editable);
  }, [editor, editable]);
  useEffect(() => {
    const label = t('draft.editorLabel');
    if (!editor || shown.current.label === label) return;
    shown.current.label = label;
    // Any state update makes ProseMirror read the attributes again; this one changes nothing else.
    editor.view.dispatch(editor.state.tr.setMeta('addToHistory', false));
  }, [editor, t]);
  useEffect(() => {
    if (editor) setProposing(editor, proposeByDefault);
  }, [editor, proposeByDefault]);
  useEffect(() => {
    if (editor) markOnce('draft:editor');
    onReady(editor);
    return () => onReady(null);
  }, [editor, onReady]);
  const { lazy, wake } = useLazyLayout();
  if (!editor) return null;
  return (
    <div
      className={`editor${editable ? '' : ' read-only'}${lazy ? ' lazy-layout' : ''}`}
      onFocusCapture={lazy ? wake : undefined}
      onPointerDownCapture={lazy ? wake : undefined}
      onKeyDownCapture={lazy ? wake : undefined}
    >
      {editable && (
        <div className="editor-bar">
          <Toolbar editor={editor} />
          <BracketTool editor={editor} />
          <ProposeToggle editor={editor} />
        </div>
      )}
      <EditorContent editor={editor} />
    </div>
  );
}
