import type { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import { Placeholder } from '@tiptap/extensions';
import StarterKit from '@tiptap/starter-kit';
import { useEffect } from 'react';
import type { SessionUser } from '../api/session';
import { useT } from '../i18n/i18n';
import { colorFor } from './colors';
import { CommentHighlights } from './comment-highlights';
import { Toolbar } from './toolbar';
import type { DraftConnection } from './use-draft-provider';
import { markOnce } from '../ui/mark-once';

export interface DraftEditorProps {
  connection: DraftConnection;
  user: SessionUser;
  editable: boolean;
  onReady: (editor: Editor | null) => void;
}

/**
 * TipTap bound to the draft's Yjs document. Undo is Yjs's: it only takes back this person's own
 * edits, never a co-author's. Carets show who is where, in their colour.
 */
export function DraftEditor({ connection, user, editable, onReady }: DraftEditorProps) {
  const { t } = useT();
  markOnce('draft:editor-start');
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
        }),
        Collaboration.configure({ document: connection.doc, field: 'default' }),
        CommentHighlights,
        Placeholder.configure({ placeholder: t('draft.placeholder') }),
        CollaborationCaret.configure({
          provider: { awareness: connection.awareness },
          user: { id: user.id, name: user.name, color: colorFor(user.id) },
        }),
      ],
      editorProps: {
        attributes: {
          class: 'draft-text',
          'aria-label': t('draft.editorLabel'),
          'aria-readonly': String(!editable),
        },
      },
    },
    [connection],
  );
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);
  useEffect(() => {
    if (editor) markOnce('draft:editor');
    onReady(editor);
    return () => onReady(null);
  }, [editor, onReady]);
  if (!editor) return null;
  return (
    <div className={`editor${editable ? '' : ' read-only'}`}>
      {editable && <Toolbar editor={editor} />}
      <EditorContent editor={editor} />
    </div>
  );
}
