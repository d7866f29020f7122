import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import StarterKit from '@tiptap/starter-kit';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  PARAGRAPH_ID_ATTR,
  ReadingFocus,
  readableParagraphs,
  showReadingParagraph,
} from './reading-focus';

function paragraph(text: string, pid: string | null): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  if (pid) p.setAttribute(PARAGRAPH_ID_ATTR, pid);
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

const highlighted = (editor: Editor) =>
  [...editor.view.dom.querySelectorAll('.reading-current')].map((el) => el.textContent);

describe('the paragraph under reading in the editor', () => {
  let editor: Editor | null = null;
  afterEach(() => editor?.destroy());

  it('is found by its lasting id (kept in the Yjs document only), and stays on it as paragraphs are added above', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('default');
    fragment.push([
      paragraph('One', 'a'),
      paragraph('Two, no id yet', null),
      paragraph('Three', 'c'),
    ]);
    editor = new Editor({
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: doc, field: 'default' }),
        ReadingFocus,
      ],
    });
    expect(readableParagraphs(editor)).toEqual([
      { id: 'a', number: 1 },
      { id: 'c', number: 3 },
    ]);

    showReadingParagraph(editor, 'c', { scroll: false });
    expect(highlighted(editor)).toEqual(['Three']);

    // A co-author adds a paragraph at the top: the highlight stays on "Three".
    fragment.insert(0, [paragraph('Zero', 'z')]);
    expect(highlighted(editor)).toEqual(['Three']);
    expect(readableParagraphs(editor).map((p) => p.number)).toEqual([1, 2, 4]);

    showReadingParagraph(editor, 'a', { scroll: false });
    expect(highlighted(editor)).toEqual(['One']);
    // An id the text does not hold (removed meanwhile) shows nothing; null hides it.
    showReadingParagraph(editor, 'gone', { scroll: false });
    expect(highlighted(editor)).toEqual([]);
    showReadingParagraph(editor, 'a', { scroll: false });
    showReadingParagraph(editor, null, { scroll: false });
    expect(highlighted(editor)).toEqual([]);
  });
});
