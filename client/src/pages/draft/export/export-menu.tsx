import { useQuery } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import { apiLang, useT } from '../../../i18n/i18n';
import { errorText } from '../../../ui/error-text';
import { DraftVersionsQuery } from '../history/history.graphql';
import { versionName } from '../history/version-name';
import { downloadExport, type ExportChoice } from './download-export';

/** One of a few options, as radio buttons under a legend. */
function Choices<V extends string>({
  legend,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  options: [V, string][];
  value: V;
  onChange: (value: V) => void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map(([option, label]) => (
        <label key={option}>
          <input
            type="radio"
            name={name}
            checked={value === option}
            onChange={() => onChange(option)}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/** "Export": the draft as a Word or PDF document, in either language, of any version. */
export function ExportMenu({ draftId }: { draftId: string }) {
  const { t, lang } = useT();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<ExportChoice>({
    format: 'docx',
    lang,
    version: null,
    view: 'marked',
  });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const { data } = useQuery(DraftVersionsQuery, {
    variables: { id: draftId, lang: apiLang(lang) },
    skip: !open,
  });
  const versions = data?.draft.versions ?? [];
  const ids = useId();
  const set = (change: Partial<ExportChoice>) => setChoice((c) => ({ ...c, ...change }));

  if (!open)
    return (
      <button type="button" className="link" onClick={() => setOpen(true)}>
        {t('export.open')}
      </button>
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage({ text: t('export.downloading'), error: false });
    try {
      const name = await downloadExport(draftId, choice);
      setMessage({ text: t('export.done', { name }), error: false });
    } catch (err) {
      setMessage({ text: errorText(err, lang), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="details-form export-form" aria-labelledby={`${ids}-title`} onSubmit={submit}>
      <h2 id={`${ids}-title`} className="export-title">
        {t('export.title')}
      </h2>
      <Choices
        legend={t('export.format')}
        name={`${ids}-format`}
        options={[
          ['docx', t('export.word')],
          ['pdf', t('export.pdf')],
        ]}
        value={choice.format}
        onChange={(format) => set({ format })}
      />
      <Choices
        legend={t('export.view')}
        name={`${ids}-view`}
        options={[
          ['marked', t('export.marked')],
          ['clean', t('export.clean')],
        ]}
        value={choice.view}
        onChange={(view) => set({ view })}
      />
      <label>
        {t('export.language')}
        <select
          value={choice.lang}
          onChange={(e) => set({ lang: e.target.value === 'fr' ? 'fr' : 'en' })}
        >
          <option value="en">{t('export.english')}</option>
          <option value="fr">{t('export.french')}</option>
        </select>
      </label>
      <label>
        {t('export.version')}
        <select
          value={choice.version ?? ''}
          onChange={(e) => set({ version: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">{t('export.current')}</option>
          {versions.map((v) => (
            <option key={v.id} value={v.number}>
              {versionName(v)}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {t('export.download')}
        </button>
        <button type="button" className="link" onClick={() => setOpen(false)}>
          {t('export.close')}
        </button>
      </div>
      <p role="status" className={message?.error ? 'notice notice-error' : 'hint'}>
        {message?.text}
      </p>
    </form>
  );
}
