import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useT } from '../../i18n/i18n';
import { isSuggestChangesEnabled, setProposing } from './propose-changes';

/** Edit or Propose: in Propose mode every change is shown as a proposal in one's delegation's name. */
export function ProposeToggle({ editor }: { editor: Editor }) {
  const { t } = useT();
  const proposing = useEditorState({
    editor,
    selector: ({ editor: e }) => isSuggestChangesEnabled(e.state),
  });
  return (
    <fieldset className="propose-toggle">
      <legend className="visually-hidden">{t('proposals.mode')}</legend>
      <button
        type="button"
        aria-pressed={!proposing}
        onClick={() => {
          setProposing(editor, false);
          editor.commands.focus();
        }}
      >
        {t('proposals.edit')}
      </button>
      <button
        type="button"
        aria-pressed={proposing}
        title={t('proposals.proposeHint')}
        onClick={() => {
          setProposing(editor, true);
          editor.commands.focus();
        }}
      >
        {t('proposals.propose')}
      </button>
    </fieldset>
  );
}
