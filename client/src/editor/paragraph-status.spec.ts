import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { ParagraphIds } from './paragraph-ids';
import { ParagraphStatusMarks, showParagraphStatuses } from './paragraph-status';

const CONTENT =
  '<p data-pid="aaa">Open paragraph.</p><p data-pid="bbb">Agreed paragraph.</p><p data-pid="ccc">Another open one.</p>';

const agreed = {
  id: 'bbb',
  status: 'AGREED',
  label: 'Agreed · locked',
  locked: true,
  overdue: false,
};

function editorWith(protect: boolean): Editor {
  const editor = new Editor({
    extensions: [StarterKit, ParagraphIds, ParagraphStatusMarks],
    content: CONTENT,
  });
  showParagraphStatuses(editor, [agreed], protect);
  return editor;
}

/** The position just inside the n-th top-level block (0-based). */
function insideBlock(editor: Editor, n: number): number {
  let at = 0;
  editor.state.doc.forEach((_node, offset, index) => {
    if (index === n) at = offset + 1;
  });
  return at;
}

/** Each top-level block's `pick`. */
function blocks<T>(
  editor: Editor,
  pick: (node: { textContent: string; attrs: Record<string, unknown> }) => T,
): T[] {
  const out: T[] = [];
  editor.state.doc.forEach((node) => {
    out.push(pick(node));
  });
  return out;
}
const texts = (editor: Editor) => blocks(editor, (node) => node.textContent);
const ids = (editor: Editor) => blocks(editor, (node) => node.attrs.pid);

describe('agreed paragraphs in the editor', () => {
  let editor: Editor | null = null;
  afterEach(() => editor?.destroy());

  it('shows the status on the block and keeps someone who may not set it out of it', () => {
    editor = editorWith(true);
    const locked = editor.view.dom.querySelector('[data-status-label]') as HTMLElement;
    expect(locked.textContent).toBe('Agreed paragraph.');
    expect(locked.className).toContain('para-agreed');
    expect(locked.className).toContain('para-locked');
    expect(locked.getAttribute('contenteditable')).toBe('false');

    editor.commands.insertContentAt(insideBlock(editor, 1) + 3, 'XYZ');
    editor.commands.setTextSelection({
      from: insideBlock(editor, 0) + 2,
      to: insideBlock(editor, 2) + 2,
    });
    editor.commands.deleteSelection();
    editor.commands.setTextSelection({
      from: insideBlock(editor, 1),
      to: insideBlock(editor, 1) + 6,
    });
    editor.commands.toggleBold();
    expect(texts(editor)).toEqual(['Open paragraph.', 'Agreed paragraph.', 'Another open one.']);
    expect(editor.getHTML()).not.toContain('<strong>');

    // Open paragraphs, and a new paragraph between the agreed one and the next, are fine.
    editor.commands.insertContentAt(insideBlock(editor, 0), 'Edited. ');
    editor.commands.insertContentAt(insideBlock(editor, 2) - 1, '<p>New between.</p>');
    expect(texts(editor)).toEqual([
      'Edited. Open paragraph.',
      'Agreed paragraph.',
      'New between.',
      'Another open one.',
    ]);
    // The new block got an id of its own from this person's edit.
    expect(ids(editor)[2]).toMatch(/^[A-Za-z0-9]{10}$/);
    expect(new Set(ids(editor)).size).toBe(4);
  });

  it('lets those who may set the status edit an agreed paragraph, and shows it unlocked', () => {
    editor = editorWith(false);
    const shown = editor.view.dom.querySelector('[data-status-label]') as HTMLElement;
    expect(shown.className).not.toContain('para-locked');
    expect(shown.getAttribute('contenteditable')).toBeNull();
    editor.commands.insertContentAt(insideBlock(editor, 1), 'Amended. ');
    expect(texts(editor)[1]).toBe('Amended. Agreed paragraph.');
  });

  it('gives no ids on opening a document', () => {
    editor = new Editor({
      extensions: [StarterKit, ParagraphIds, ParagraphStatusMarks],
      content: '<p>No id.</p><p>None either.</p>',
    });
    expect(ids(editor)).toEqual([null, null]);
  });
});
