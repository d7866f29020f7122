import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useT } from '../i18n/i18n';

interface Action {
  key: string;
  label: string;
  text: string;
  run: () => void;
  active?: boolean;
  disabled?: boolean;
}

export function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useT();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      paragraph: e.isActive('paragraph'),
      bullets: e.isActive('bulletList'),
      numbers: e.isActive('orderedList'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const actions: Action[] = [
    {
      key: 'bold',
      label: t('draft.bold'),
      text: t('draft.boldLetter'),
      run: () => chain().toggleBold().run(),
      active: state.bold,
    },
    {
      key: 'italic',
      label: t('draft.italic'),
      text: t('draft.italicLetter'),
      run: () => chain().toggleItalic().run(),
      active: state.italic,
    },
    {
      key: 'h2',
      label: t('draft.heading'),
      text: 'H2',
      run: () => chain().toggleHeading({ level: 2 }).run(),
      active: state.h2,
    },
    {
      key: 'h3',
      label: t('draft.subheading'),
      text: 'H3',
      run: () => chain().toggleHeading({ level: 3 }).run(),
      active: state.h3,
    },
    {
      key: 'p',
      label: t('draft.paragraph'),
      text: '¶',
      run: () => chain().setParagraph().run(),
      active: state.paragraph,
    },
    {
      key: 'ul',
      label: t('draft.bullets'),
      text: '•',
      run: () => chain().toggleBulletList().run(),
      active: state.bullets,
    },
    {
      key: 'ol',
      label: t('draft.numbers'),
      text: '1.',
      run: () => chain().toggleOrderedList().run(),
      active: state.numbers,
    },
    {
      key: 'undo',
      label: t('draft.undo'),
      text: '↶',
      run: () => chain().undo().run(),
      disabled: !state.canUndo,
    },
    {
      key: 'redo',
      label: t('draft.redo'),
      text: '↷',
      run: () => chain().redo().run(),
      disabled: !state.canRedo,
    },
  ];
  // A name that contains the letters shown ("Bold: B", "Heading: H2"), so that someone who speaks
  // to the browser can say what they see (not in parentheses: those do not count as the name's
  // words); symbols (¶, ↶) are not words and need not be.
  const name = (a: Action) =>
    /[\p{L}\p{N}]/u.test(a.text) ? t('draft.tool', { label: a.label, text: a.text }) : a.label;
  return (
    <div className="toolbar" role="toolbar" aria-label={t('draft.toolbar')}>
      {actions.map((a) => (
        <button
          key={a.key}
          type="button"
          className={`tool tool-${a.key}`}
          aria-label={name(a)}
          title={name(a)}
          aria-pressed={a.active === undefined ? undefined : a.active}
          disabled={a.disabled}
          onMouseDown={(e) => e.preventDefault()}
          onClick={a.run}
        >
          {a.text}
        </button>
      ))}
    </div>
  );
}
