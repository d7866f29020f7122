import * as Y from 'yjs';
import { CONTENT_FIELD, PARAGRAPH_ID_ATTR } from './document-blocks';
import { countOpenBrackets, openBracketsByParagraph, readBrackets } from './document-brackets';

const USER = '0123456789abcdef01234567';

function block(doc: Y.Doc, pid: string | null, kind = 'paragraph'): Y.XmlText {
  const p = new Y.XmlElement(kind);
  if (pid) p.setAttribute(PARAGRAPH_ID_ATTR, pid);
  const t = new Y.XmlText();
  p.insert(0, [t]);
  doc.getXmlFragment(CONTENT_FIELD).push([p]);
  return t;
}

describe('brackets read from a document', () => {
  it('joins the runs of one id, reads who from the id, and counts per paragraph', () => {
    const doc = new Y.Doc();
    const one = block(doc, 'p1');
    one.insert(0, 'Alpha ');
    one.insert(6, 'beta', { bracket: { id: `${USER}:aaaaaaaa`, alternatives: ['B1'] } });
    // The same bracket cut in two by bold.
    one.insert(10, ' gamma', {
      bracket: { id: `${USER}:aaaaaaaa`, alternatives: ['B1'] },
      bold: true,
    });
    one.insert(16, ' delta', { bracket: { id: 'forged', alternatives: [3, 'x'] } });
    const heading = block(doc, 'h1', 'heading');
    heading.insert(0, 'Title', { bracket: { id: `${USER}:cccccccc`, alternatives: [] } });
    block(doc, 'p2').insert(0, 'Clean');

    const brackets = readBrackets(doc);
    expect(brackets.map(({ runs, ...b }) => ({ ...b, runs: runs.length }))).toEqual([
      {
        id: `${USER}:aaaaaaaa`,
        userId: USER,
        text: 'beta gamma',
        alternatives: ['B1'],
        paragraphId: 'p1',
        paragraphNumber: 1,
        runs: 2,
      },
      {
        id: 'forged',
        userId: null,
        text: ' delta',
        alternatives: ['x'],
        paragraphId: 'p1',
        paragraphNumber: 1,
        runs: 1,
      },
      {
        id: `${USER}:cccccccc`,
        userId: USER,
        text: 'Title',
        alternatives: [],
        paragraphId: 'h1',
        paragraphNumber: null,
        runs: 1,
      },
    ]);
    expect(countOpenBrackets(doc)).toBe(3);
    expect(Object.fromEntries(openBracketsByParagraph(doc))).toEqual({ p1: 2, h1: 1 });
  });
});
