import * as Y from 'yjs';
import { applyAndCount } from './word-count';

/** A draft document and an editor's copy of it, the editor's changes going to the draft one by one. */
function setup(initial: string) {
  const editor = new Y.Doc();
  const text = editor.getText('t');
  text.insert(0, initial);
  const draft = new Y.Doc();
  Y.applyUpdate(draft, Y.encodeStateAsUpdate(editor));
  const edit = (change: (t: Y.Text) => void) => {
    const before = Y.encodeStateVector(editor);
    change(text);
    return applyAndCount(draft, Y.encodeStateAsUpdate(editor, before));
  };
  return { edit, draft, text };
}

describe('words inserted and deleted by an update', () => {
  it('counts a word typed letter by letter once, and a pasted phrase by its words', () => {
    const { edit, draft } = setup('The Committee ');
    let inserted = 0;
    for (const ch of 'welcomes all') {
      inserted += edit((t) => t.insert(t.length, ch)).wordsInserted;
    }
    expect(inserted).toBe(2);
    expect(edit((t) => t.insert(t.length, ' further reports.')).wordsInserted).toBe(2);
    // Typing inside a word adds none.
    expect(edit((t) => t.insert(5, 'x')).wordsInserted).toBe(0);
    expect(draft.getText('t').toString()).toBe('The Cxommittee welcomes all further reports.');
  });

  it('counts deleted words from the document before the update, backspaced or cut at once', () => {
    const { edit } = setup('one two three four');
    let deleted = 0;
    for (let i = 0; i < ' four'.length; i += 1)
      deleted += edit((t) => t.delete(t.length - 1, 1)).wordsDeleted;
    expect(deleted).toBe(1);
    expect(edit((t) => t.delete(0, 'one two '.length)).wordsDeleted).toBe(2);
  });

  it('counts nothing for an update the document already has', () => {
    const { edit, draft } = setup('Text.');
    const update = Y.encodeStateAsUpdate(draft);
    expect(applyAndCount(draft, update)).toEqual({
      wordsInserted: 0,
      wordsDeleted: 0,
      changed: false,
      incomplete: false,
    });
    expect(edit((t) => t.insert(0, 'New ')).changed).toBe(true);
  });

  it('says so, without failing, when the update builds on changes the document lacks', () => {
    const { draft } = setup('Base.');
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(draft));
    const before = Y.encodeStateVector(other);
    other.getText('t').insert(0, 'Missed ');
    const missed = Y.encodeStateAsUpdate(other, before);
    const middle = Y.encodeStateVector(other);
    other.getText('t').insert('Missed '.length, 'words ');
    const next = Y.encodeStateAsUpdate(other, middle);
    expect(applyAndCount(draft, next)).toMatchObject({ incomplete: true, wordsInserted: 0 });
    // A deletion of text the document never had, and of some it has: the latter counts.
    const seen = Y.encodeStateVector(other);
    other.getText('t').delete(0, 'Missed words Base'.length);
    expect(applyAndCount(draft, Y.encodeStateAsUpdate(other, seen))).toMatchObject({
      wordsDeleted: 1,
    });
    Y.applyUpdate(draft, missed);
    expect(draft.getText('t').toString()).toBe('.');
  });
});
