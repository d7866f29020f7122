import { type FormEvent, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { errorText } from '../../ui/error-text';

export interface DraftDetails {
  titleEn: string;
  titleFr: string;
  /** ISO date-time, or null for no deadline */
  deadline: string | null;
  /** The document symbol (e.g. S/AC.44/2020/WP.1), or null */
  symbol: string | null;
}

/** A deadline is the end of its day (UTC), as the programme's deadlines are. */
export const deadlineFromDate = (date: string): string | null =>
  date ? `${date}T23:59:59.000Z` : null;
export const dateFromDeadline = (deadline: string | null): string =>
  deadline ? deadline.slice(0, 10) : '';

/** Titles in both languages and the deadline: to start a draft, or to change one. */
export function DraftDetailsForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: DraftDetails;
  submitLabel: string;
  onSubmit: (details: DraftDetails) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const { t, lang } = useT();
  const [titleEn, setTitleEn] = useState(initial.titleEn);
  const [titleFr, setTitleFr] = useState(initial.titleFr);
  const [date, setDate] = useState(dateFromDeadline(initial.deadline));
  const [symbol, setSymbol] = useState(initial.symbol ?? '');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const valid = titleEn.trim().length >= 3 && titleFr.trim().length >= 3;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit({
        titleEn: titleEn.trim(),
        titleFr: titleFr.trim(),
        deadline: deadlineFromDate(date),
        symbol: symbol.trim() || null,
      });
    } catch (err) {
      setFailure(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="details-form" onSubmit={submit}>
      <label>
        {t('details.titleEn')}
        <input
          lang="en"
          value={titleEn}
          required
          minLength={3}
          maxLength={300}
          onChange={(e) => setTitleEn(e.target.value)}
        />
      </label>
      <label>
        {t('details.titleFr')}
        <input
          lang="fr"
          value={titleFr}
          required
          minLength={3}
          maxLength={300}
          onChange={(e) => setTitleFr(e.target.value)}
        />
      </label>
      <label>
        {t('details.deadline')}
        <input
          type="date"
          value={date}
          min="2000-01-01"
          max="2099-12-31"
          onChange={(e) => setDate(e.target.value)}
        />
      </label>
      <label>
        {t('details.symbol')}
        <input
          value={symbol}
          maxLength={60}
          pattern="[A-Za-z0-9./()\- ]*"
          placeholder={t('details.symbolHint')}
          title={t('details.symbolHint')}
          onChange={(e) => setSymbol(e.target.value)}
        />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={busy || !valid}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="link" onClick={onCancel}>
            {t('comments.cancel')}
          </button>
        )}
      </div>
      {failure && (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      )}
    </form>
  );
}
