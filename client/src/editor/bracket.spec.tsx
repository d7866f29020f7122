import { act, fireEvent, render, screen } from '@testing-library/react';
import { Editor } from '@tiptap/core';
import { Slice } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../i18n/i18n';
import { BRACKET, Bracket, readBrackets } from './bracket';
import { BracketTool } from './bracket-tool';
import { ProposeChanges, setProposing } from './proposals/propose-changes';

const ME = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const OTHER = 'bbbbbbbbbbbbbbbbbbbbbbbb';

describe('brackets in the editor', () => {
  let editor: Editor | null = null;
  afterEach(() => {
    editor?.destroy();
    act(() => setLang('en'));
  });

  const make = () => {
    editor = new Editor({
      extensions: [StarterKit, Bracket.configure({ userId: ME })],
      content: '<p>The Committee welcomes the report.</p>',
    });
    return editor;
  };

  it('brackets the selection with its alternatives, under an id of the person, and shows [ … ]', () => {
    const e = make();
    // "welcomes" is at 15..23 (the paragraph opens at 0).
    e.chain()
      .setTextSelection({ from: 15, to: 23 })
      .setBracket(['notes', ' ', 'takes note of'])
      .run();
    const [b] = readBrackets(e.state.doc);
    expect(b).toMatchObject({ text: 'welcomes', alternatives: ['notes', 'takes note of'] });
    expect(b.id).toMatch(new RegExp(`^${ME}:[A-Za-z0-9_-]{12}$`));
    const span = e.view.dom.querySelector('span.bracket');
    expect(span?.textContent).toBe('welcomes');
    expect(e.view.dom.querySelector('.bracket-note')?.textContent).toBe(
      ' / [notes] / [takes note of]',
    );
  });

  it('brackets in Propose mode too: a bracket is not a proposal to format the words', () => {
    editor = new Editor({
      extensions: [
        StarterKit.configure({ document: false }),
        ProposeChanges.configure({ userId: ME }),
        Bracket.configure({ userId: ME }),
      ],
      content: '<p>The Committee welcomes the report.</p>',
    });
    const e = editor;
    setProposing(e, true);
    e.chain().setTextSelection({ from: 15, to: 23 }).setBracket([]).run();
    expect(readBrackets(e.state.doc).map((b) => b.text)).toEqual(['welcomes']);
    const marks = new Set<string>();
    e.state.doc.descendants((n) => {
      for (const m of n.marks) marks.add(m.type.name);
    });
    expect([...marks]).toEqual(['bracket']);
  });

  it('does not grow when one types at its edge, and excludes a bracket inside a bracket', () => {
    const e = make();
    e.chain().setTextSelection({ from: 15, to: 23 }).setBracket([]).run();
    e.chain().setTextSelection(23).insertContent('!').run();
    expect(readBrackets(e.state.doc)[0].text).toBe('welcomes');
    e.chain().setTextSelection({ from: 16, to: 20 }).setBracket(['x']).run();
    // The inner one replaced the outer on its letters: never nested.
    e.state.doc.descendants((n) => {
      expect(n.marks.filter((m) => m.type.name === BRACKET).length).toBeLessThanOrEqual(1);
    });
  });

  it("pastes someone else's bracket as plain text, and one's own as a new bracket", () => {
    const e = make();
    const schema = e.schema;
    const mark = (id: string) => schema.marks[BRACKET].create({ id, alternatives: [] });
    const slice = new Slice(
      schema.nodes.paragraph.create(null, [
        schema.text('theirs', [mark(`${OTHER}:zzzzzzzzzz`)]),
        schema.text(' mine', [mark(`${ME}:yyyyyyyyyy`)]),
      ]).content,
      0,
      0,
    );
    let pasted = slice;
    e.view.someProp('transformPasted', (f) => {
      pasted = f(pasted, e.view, false);
    });
    const ids: string[] = [];
    pasted.content.forEach((n) => {
      for (const m of n.marks) ids.push(m.attrs.id);
    });
    // Only one's own, under a new id: a copy is a bracket of its own.
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(new RegExp(`^${ME}:`));
    expect(ids[0]).not.toBe(`${ME}:yyyyyyyyyy`);
  });

  it('asks for alternatives in a small form, in English and French', () => {
    const e = make();
    e.commands.setTextSelection({ from: 15, to: 23 });
    act(() => setLang('fr'));
    render(<BracketTool editor={e} />);
    fireEvent.click(screen.getByRole('button', { name: 'Crochets' }));
    fireEvent.change(screen.getByLabelText('Option B'), { target: { value: 'note' } });
    fireEvent.click(screen.getByRole('button', { name: 'Poser les crochets' }));
    expect(readBrackets(e.state.doc)[0]).toMatchObject({
      text: 'welcomes',
      alternatives: ['note'],
    });
  });
});
