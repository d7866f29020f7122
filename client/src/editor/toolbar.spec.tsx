import { act, render, screen } from '@testing-library/react';
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../i18n/i18n';
import { Toolbar } from './toolbar';

describe('formatting toolbar', () => {
  let editor: Editor | null = null;
  afterEach(() => {
    editor?.destroy();
    act(() => setLang('en'));
  });

  it("shows the language's letters, each inside its button's name", () => {
    editor = new Editor({ extensions: [StarterKit] });
    render(<Toolbar editor={editor} />);
    expect(screen.getByRole('button', { name: 'Bold: B' }).textContent).toBe('B');
    expect(screen.getByRole('button', { name: 'Italic: I' }).textContent).toBe('I');
    expect(screen.getByRole('button', { name: 'Heading: H2' }).textContent).toBe('H2');
    expect(screen.getByRole('button', { name: 'Numbered list: 1.' }).textContent).toBe('1.');
    // Symbols are not words a name would need to repeat.
    expect(screen.getByRole('button', { name: 'Numbered paragraph' }).textContent).toBe('¶');
    act(() => setLang('fr'));
    expect(screen.getByRole('button', { name: 'Gras : G' }).textContent).toBe('G');
    expect(screen.getByRole('button', { name: 'Italique : I' }).textContent).toBe('I');
    expect(screen.getByRole('button', { name: 'Titre : H2' }).title).toBe('Titre : H2');
  });
});
