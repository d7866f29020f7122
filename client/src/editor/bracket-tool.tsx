import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/i18n';
import { BRACKET } from './bracket';

/** Option letters: A is the bracketed text, B, C… its alternatives. */
export const optionLetter = (index: number) => String.fromCharCode(65 + index);

const MAX_ALTERNATIVES = 5;

/**
 * The toolbar's "Bracket" button and the small form it opens: the selected passage is option A,
 * and the person may add options B, C… before the bracket is set.
 */
export function BracketTool({ editor }: { editor: Editor }) {
  const { t } = useT();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      empty: e.state.selection.empty,
      inBracket: e.isActive(BRACKET),
    }),
  });
  const [open, setOpen] = useState<{ from: number; to: number; text: string } | null>(null);
  return (
    <>
      <button
        type="button"
        className="tool tool-bracket"
        aria-expanded={open !== null}
        title={t('brackets.toolHint')}
        disabled={state.empty && !open}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => {
          if (open) return setOpen(null);
          const { from, to } = editor.state.selection;
          setOpen({ from, to, text: editor.state.doc.textBetween(from, to, ' ') });
        }}
      >
        <span aria-hidden="true">[ ]</span> {t('brackets.tool')}
      </button>
      {open && (
        <BracketForm
          passage={open.text}
          onCancel={() => {
            setOpen(null);
            editor.chain().focus().setTextSelection({ from: open.from, to: open.to }).run();
          }}
          onSubmit={(alternatives) => {
            setOpen(null);
            editor
              .chain()
              .focus()
              .setTextSelection({ from: open.from, to: open.to })
              .setBracket(alternatives)
              .run();
          }}
        />
      )}
    </>
  );
}

function BracketForm({
  passage,
  onSubmit,
  onCancel,
}: {
  passage: string;
  onSubmit: (alternatives: string[]) => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  const [options, setOptions] = useState<string[]>(['']);
  const title = useId();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <form
      className="bracket-form"
      aria-labelledby={title}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(options);
      }}
    >
      <p id={title} className="bracket-form-title">
        {t('brackets.formTitle', { text: passage })}
      </p>
      <p className="muted small">{t('brackets.formHint')}</p>
      {options.map((value, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: options are only added or removed at the end
        <div key={i} className="bracket-option">
          <label>
            {t('brackets.option', { letter: optionLetter(i + 1) })}{' '}
            <input
              ref={i === 0 ? first : undefined}
              value={value}
              maxLength={500}
              onChange={(e) => setOptions(options.map((o, j) => (j === i ? e.target.value : o)))}
            />
          </label>
        </div>
      ))}
      <div className="bracket-form-actions">
        {options.length < MAX_ALTERNATIVES && (
          <button type="button" onClick={() => setOptions([...options, ''])}>
            {t('brackets.addOption')}
          </button>
        )}
        <button type="submit" className="primary">
          {t('brackets.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('brackets.cancel')}
        </button>
      </div>
    </form>
  );
}
