import type { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect } from 'react';
import type { SessionUser } from '../api/session';
import { useT } from '../i18n/i18n';
import { colorFor } from './colors';
import { CommentHighlights } from './comment-highlights';
import { Toolbar } from './toolbar';
import type { DraftConnection } from './use-draft-provider';

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
  const editor = useEditor(
    {
      editable,
      extensions: [
        StarterKit.configure({ undoRedo: false, link: false, heading: { levels: [2, 3] } }),
        Collaboration.configure({ document: connection.doc, field: 'default' }),
        CommentHighlights,
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
    if (editor) performance.mark('draft:editor');
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
