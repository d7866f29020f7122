import { type FormEvent, useId, useState } from 'react';
import type { DraftVersionFieldsFragment } from '../../../gql/graphql';
import { useT } from '../../../i18n/i18n';
import { versionName } from './version-name';

/** The value of "the current text" among the choices (a version's is its id). */
const CURRENT = '';

/** Any two sides to compare: "from" and "to", each a version or the current text. */
export function ComparePicker({
  versions,
  onCompare,
}: {
  versions: readonly DraftVersionFieldsFragment[];
  onCompare: (from: string | null, to: string | null) => void;
}) {
  const { t } = useT();
  const fromId = useId();
  const toId = useId();
  const last = versions[versions.length - 1];
  const [from, setFrom] = useState(last?.id ?? CURRENT);
  const [to, setTo] = useState(CURRENT);
  // The list may have changed since the choice (a version saved): an unknown id means the latest.
  const known = (id: string) => id === CURRENT || versions.some((v) => v.id === id);
  const fromValue = known(from) ? from : (last?.id ?? CURRENT);
  const toValue = known(to) ? to : CURRENT;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onCompare(fromValue || null, toValue || null);
  };
  const options = (
    <>
      {versions.map((v) => (
        <option key={v.id} value={v.id}>
          {versionName(v)}
        </option>
      ))}
      <option value={CURRENT}>{t('history.current')}</option>
    </>
  );
  return (
    <form className="compare-picker" onSubmit={submit}>
      <div className="compare-side">
        <label htmlFor={fromId}>{t('history.from')}</label>
        <select id={fromId} value={fromValue} onChange={(e) => setFrom(e.target.value)}>
          {options}
        </select>
      </div>
      <div className="compare-side">
        <label htmlFor={toId}>{t('history.to')}</label>
        <select id={toId} value={toValue} onChange={(e) => setTo(e.target.value)}>
          {options}
        </select>
      </div>
      <button type="submit" disabled={fromValue === toValue}>
        {t('history.compare')}
      </button>
    </form>
  );
}
