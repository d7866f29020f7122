import { useMutation } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import { apiLang, useT } from '../../../i18n/i18n';
import { errorText } from '../../../ui/error-text';
import { CreateVersion } from './history.graphql';

/** "Save as version", with an optional label ("Chair's text"), for those who may. */
export function SaveVersionForm({
  draftId,
  onSaved,
}: {
  draftId: string;
  onSaved: (name: string) => void;
}) {
  const { t, lang } = useT();
  const [label, setLabel] = useState('');
  const [create, { loading, error, reset }] = useMutation(CreateVersion);
  const hint = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    reset();
    try {
      const result = await create({
        variables: { draftId, label: label.trim() || null, lang: apiLang(lang) },
      });
      setLabel('');
      if (result.data) onSaved(result.data.createDraftVersion.name);
    } catch {
      // Shown below from the mutation's error.
    }
  };
  return (
    <form className="save-version" onSubmit={submit}>
      <label>
        {t('history.label')}
        <input
          value={label}
          maxLength={120}
          aria-describedby={hint}
          onChange={(e) => setLabel(e.target.value)}
        />
      </label>
      <span id={hint} className="muted small">
        {t('history.labelHint')}
      </span>
      <button type="submit" className="primary" disabled={loading}>
        {loading ? t('history.saving') : t('history.save')}
      </button>
      {error && (
        <p className="notice notice-error" role="alert">
          {errorText(error, lang)}
        </p>
      )}
    </form>
  );
}
