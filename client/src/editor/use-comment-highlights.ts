import { useQuery } from '@apollo/client/react';
import type { Editor } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { useEffect, useMemo } from 'react';
import { CommentsQuery } from '../comments/comments.graphql';
import { highlightAnchors } from './comment-highlights';

/** Keeps the passages of open comments marked in the text, as comments and the text change. */
export function useCommentHighlights(editor: Editor | null, draftId: string): void {
  // The same query as the comments panel: Apollo shares the request and the live updates. Asked
  // once there is an editor to mark, not while a draft opening builds it.
  const { data } = useQuery(CommentsQuery, { variables: { targetId: draftId }, skip: !editor });
  const anchors = useMemo(
    () =>
      (data?.comments ?? []).flatMap((c) =>
        c.anchor && !c.resolved && !c.deleted && c.id === c.threadId
          ? [{ id: c.id, start: c.anchor.start, end: c.anchor.end }]
          : [],
      ),
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
      if (
        transaction.docChanged &&
        (transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)
          ?.isChangeOrigin
      )
        refresh();
    };
    editor.on('transaction', onTransaction);
    return () => {
      cancelAnimationFrame(frame);
      editor.off('transaction', onTransaction);
    };
  }, [editor, anchors]);
}
