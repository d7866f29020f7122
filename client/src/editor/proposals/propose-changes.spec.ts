import { Editor } from '@tiptap/core';
import { Slice } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { delegationSubject } from '../../pages/draft/proposals/delegation-subject';
import { ProposeChanges, setProposing, stripForeign } from './propose-changes';

const ME = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const FRANCE = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const FRANCE_ID = `${FRANCE}:frenchword`;

/** Each text run of the first paragraph with its proposal mark (name and id), if any. */
function runs(editor: Editor): [string, string | null, string | null][] {
  const out: [string, string | null, string | null][] = [];
  editor.state.doc.firstChild?.forEach((node) => {
    const mark = node.marks.find((m) => ['insertion', 'deletion'].includes(m.type.name));
    out.push([node.text ?? '', mark?.type.name ?? null, (mark?.attrs.id as string) ?? null]);
  });
  return out;
}

describe('propose mode over prosemirror-suggest-changes', () => {
  let editor: Editor | null = null;
  afterEach(() => editor?.destroy());

  const make = () => {
    editor = new Editor({
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        ProposeChanges.configure({ userId: ME }),
      ],
      content: `<p>Alpha <ins data-proposal="${FRANCE_ID}">BETA</ins> gamma</p>`,
    });
    return editor;
  };

  it('marks what one types as one’s own proposal, also next to another delegation’s', () => {
    const e = make();
    setProposing(e, true);
    // Just after France's "BETA": the library would reuse France's id.
    e.commands.setTextSelection(11);
    e.commands.insertContent('X');
    const [, france, mine] = runs(e);
    expect(france).toEqual(['BETA', 'insertion', FRANCE_ID]);
    expect(mine[0]).toBe('X');
    expect(mine[1]).toBe('insertion');
    expect(mine[2]).toMatch(new RegExp(`^${ME}:[A-Za-z0-9_-]{8,}$`));
  });

  it('strikes instead of deleting, under one’s own id', () => {
    const e = make();
    setProposing(e, true);
    e.commands.setTextSelection({ from: 1, to: 6 });
    e.commands.deleteSelection();
    expect(runs(e)[0]).toEqual(['Alpha', 'deletion', expect.stringMatching(new RegExp(`^${ME}:`))]);
    expect(e.state.doc.textContent).toBe('Alpha BETA gamma');
  });

  it('in Edit mode, words typed inside another delegation’s proposal are plain text', () => {
    const e = make();
    e.commands.setTextSelection(9);
    e.commands.insertContent('zz');
    expect(runs(e).map(([text, mark]) => [text, mark])).toEqual([
      ['Alpha ', null],
      ['BE', 'insertion'],
      ['zz', null],
      ['TA', 'insertion'],
      [' gamma', null],
    ]);
  });

  it('a whole paragraph struck or added: its words carry the mark (Yjs keeps no node marks)', () => {
    const e = make();
    e.commands.setContent('<p>First paragraph.</p><p>Second paragraph.</p>');
    setProposing(e, true);
    // Exactly the second block: the library would give the paragraph node a deletion mark.
    const second = e.state.doc.child(0).nodeSize;
    e.commands.deleteRange({ from: second, to: e.state.doc.content.size });
    const para = e.state.doc.child(1);
    expect(para.textContent).toBe('Second paragraph.');
    expect(para.marks).toEqual([]);
    const marks = new Set<string>();
    para.forEach((n) => {
      for (const m of n.marks) marks.add(`${m.type.name}:${String(m.attrs.id).split(':')[0]}`);
    });
    expect([...marks]).toEqual([`deletion:${ME}`]);
    // A new paragraph by Enter: its anchor carries one's own insertion, nothing carries a node mark.
    e.commands.setTextSelection(e.state.doc.child(0).nodeSize - 1);
    e.commands.splitBlock();
    e.state.doc.forEach((block) => {
      expect(block.marks).toEqual([]);
    });
  });

  it('a pasted proposal of someone else becomes plain text; one’s own keeps its mark', () => {
    const e = make();
    const insertion = e.schema.marks.insertion;
    const para = e.schema.nodes.paragraph.create(null, [
      e.schema.text('theirs', [insertion.create({ id: FRANCE_ID })]),
      e.schema.text('mine', [insertion.create({ id: `${ME}:mineminemine` })]),
    ]);
    const out = stripForeign(new Slice(para.content, 0, 0), ME);
    expect(out.content.child(0).marks).toEqual([]);
    expect(out.content.child(1).marks.map((m) => m.attrs.id)).toEqual([`${ME}:mineminemine`]);
  });
});

describe('a delegation as the subject of “proposes”', () => {
  it('takes its article in French', () => {
    expect(delegationSubject('FRA', 'France', 'fr')).toBe('La France');
    expect(delegationSubject('DEU', 'Allemagne', 'fr')).toBe('L’Allemagne');
    expect(delegationSubject('GBR', 'Royaume-Uni', 'fr')).toBe('Le Royaume-Uni');
    expect(delegationSubject('VCT', 'Saint-Vincent-et-les-Grenadines', 'fr')).toBe(
      'Saint-Vincent-et-les-Grenadines',
    );
    expect(delegationSubject('FRA', 'France', 'en')).toBe('France');
  });
});
