import { useApolloClient } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import { useLocation } from 'wouter';
import { uploadWithSession } from '../../api/session-upload';
import { useT } from '../../i18n/i18n';
import { errorText } from '../../ui/error-text';

/** The largest file the server takes (server/modules/documents/docx-check.ts). */
const MAX_BYTES = 10 * 1024 * 1024;

/** "Import from Word": a new draft of the group from a .docx, opened once it is made. */
export function ImportDraft({ workingGroupId }: { workingGroupId: string }) {
  const { t, lang } = useT();
  const [, navigate] = useLocation();
  const client = useApolloClient();
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [titleEn, setTitleEn] = useState('');
  const [titleFr, setTitleFr] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [sent, setSent] = useState<number | null>(null);

  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('import.open')}
      </button>
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setMessage({ text: t('import.tooLarge'), error: true });
      return;
    }
    setBusy(true);
    setMessage({ text: t('import.importing'), error: false });
    try {
      const params = new URLSearchParams({ workingGroupId, fileName: file.name });
      if (titleEn.trim()) params.set('titleEn', titleEn.trim());
      if (titleFr.trim()) params.set('titleFr', titleFr.trim());
      setSent(0);
      const { draft } = await uploadWithSession<{ draft: { id: string } }>(
        `/drafts/import?${params}`,
        file,
        (share) => {
          setSent(share);
          // Sent whole: the server now reads it and makes the draft.
          if (share >= 1) setMessage({ text: t('import.reading'), error: false });
        },
      );
      await client.refetchQueries({ include: ['WorkingGroup', 'Dashboard'] });
      navigate(`/drafts/${draft.id}`);
    } catch (err) {
      setMessage({ text: errorText(err, lang), error: true });
      setSent(null);
      setBusy(false);
    }
  };

  return (
    <form className="details-form import-form" aria-labelledby={`${ids}-title`} onSubmit={submit}>
      <h2 id={`${ids}-title`} className="import-title">
        {t('import.title')}
      </h2>
      <label>
        {t('import.file')}
        <input
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          required
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      <p className="hint">{t('import.keeps')}</p>
      <label>
        {t('import.titleEn')}
        <input
          lang="en"
          value={titleEn}
          maxLength={300}
          onChange={(e) => setTitleEn(e.target.value)}
        />
      </label>
      <label>
        {t('import.titleFr')}
        <input
          lang="fr"
          value={titleFr}
          maxLength={300}
          onChange={(e) => setTitleFr(e.target.value)}
        />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={busy || !file}>
          {t('import.submit')}
        </button>
        <button type="button" className="link" onClick={() => setOpen(false)}>
          {t('comments.cancel')}
        </button>
      </div>
      {sent !== null && (
        <progress max={1} value={sent} aria-label={t('import.progress')}>
          {Math.round(sent * 100)} %
        </progress>
      )}
      <p role="status" className={message?.error ? 'notice notice-error' : 'hint'}>
        {message?.text}
      </p>
    </form>
  );
}
