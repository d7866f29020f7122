import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'wouter';
import { apiLang, useT } from '../../../i18n/i18n';
import { errorText } from '../../../ui/error-text';
import { NEW_YORK, ownTimeZone, zonedToUtc } from '../../../ui/time-zones';
import { closingText } from '../../consultations/consultation-dates';
import {
  CloseConsultationMutation,
  DraftConsultationsQuery,
  DraftOpenConsultationsLive,
  OpenConsultationMutation,
} from '../../consultations/consultations.graphql';
import '../../consultations/consultations.css';

/**
 * The draft's consultations of Member States beside its text: each one's version, state and
 * closing date (New York time), a Close button, and for the Secretariat (`Draft.can`) opening
 * one on a numbered version. The guests' comments themselves are in the draft's comments.
 */
export function ConsultationPanel({ draftId }: { draftId: string }) {
  const { t, lang } = useT();
  const { data, refetch } = useQuery(DraftConsultationsQuery, {
    variables: { id: draftId, lang: apiLang(lang) },
    fetchPolicy: 'cache-and-network',
  });
  // One opened or closed by someone else appears without a reload.
  const known = data ? data.draft.consultations.filter((c) => c.open).length : null;
  useSubscription(DraftOpenConsultationsLive, {
    variables: { id: draftId },
    onData: ({ data: live }) => {
      const count = live.data?.draftChanged.openConsultationCount;
      if (known !== null && count !== undefined && count !== known) void refetch();
    },
  });
  const [close, closing] = useMutation(CloseConsultationMutation, {
    refetchQueries: ['DraftConsultations'],
  });
  const draft = data?.draft;
  if (!draft) return null;
  const canOpen = draft.can.openConsultation;
  if (draft.consultations.length === 0 && !canOpen) return null;
  return (
    <section className="consultation-panel" aria-labelledby="consultation-panel-title">
      <h2 id="consultation-panel-title">{t('consultations.panelTitle')}</h2>
      {draft.consultations.length === 0 ? (
        <p className="muted small">{t('consultations.panelNone')}</p>
      ) : (
        <ul>
          {draft.consultations.map((c) => (
            <li key={c.id}>
              <strong>
                {c.versionLabel
                  ? t('consultations.versionLabel', {
                      number: c.versionNumber,
                      label: c.versionLabel,
                    })
                  : t('consultations.version', { number: c.versionNumber })}
              </strong>{' '}
              <span className={`consultation-state ${c.open ? 'is-open' : 'is-closed'}`}>
                {c.open ? t('consultations.open') : t('consultations.closed')}
              </span>
              <br />
              <span className="small">{closingText(c, t, lang)}</span>
              <br />
              <Link to={`/consultations/${c.id}`} className="small">
                {t('consultations.viewPage')}
              </Link>
              {c.can.close && (
                <>
                  <br />
                  <button
                    type="button"
                    disabled={closing.loading}
                    onClick={() =>
                      void close({ variables: { id: c.id, lang: apiLang(lang) } }).catch(
                        () => undefined,
                      )
                    }
                  >
                    {t('consultations.closeButton')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {closing.error && (
        <p className="notice notice-error" role="alert">
          {errorText(closing.error, lang)}
        </p>
      )}
      {canOpen && <OpenForm draftId={draftId} versions={draft.versions} />}
    </section>
  );
}

function OpenForm({
  draftId,
  versions,
}: {
  draftId: string;
  versions: { id: string; number: number; label?: string | null }[];
}) {
  const { t, lang } = useT();
  const id = useId();
  const own = ownTimeZone();
  const newest = versions.reduce((n, v) => Math.max(n, v.number), 0);
  const [version, setVersion] = useState(newest ? String(newest) : '');
  const [zone, setZone] = useState(NEW_YORK);
  const [local, setLocal] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [open, { loading, error }] = useMutation(OpenConsultationMutation, {
    refetchQueries: ['DraftConsultations'],
  });
  if (versions.length === 0) return <p className="muted small">{t('consultations.noVersion')}</p>;
  const chosen = version || String(newest);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const closesAt = local ? zonedToUtc(local, zone) : null;
    if (local && (!closesAt || closesAt.getTime() <= Date.now()))
      return setProblem(t('consultations.datePast'));
    setProblem(null);
    void open({
      variables: {
        input: { draftId, version: Number(chosen), closesAt: closesAt?.toISOString() ?? null },
        lang: apiLang(lang),
      },
    })
      .then(() => setLocal(''))
      .catch(() => undefined);
  };
  const shown = problem ?? (error ? errorText(error, lang) : null);
  return (
    <form className="consultation-open" onSubmit={submit} noValidate>
      <h3>{t('consultations.openTitle')}</h3>
      <p className="muted small">{t('consultations.openHelp')}</p>
      <label htmlFor={`${id}-version`}>{t('consultations.versionField')}</label>
      <select id={`${id}-version`} value={chosen} onChange={(e) => setVersion(e.target.value)}>
        {[...versions]
          .sort((a, b) => b.number - a.number)
          .map((v) => (
            <option key={v.id} value={String(v.number)}>
              {v.label
                ? t('consultations.versionLabel', { number: v.number, label: v.label })
                : t('consultations.version', { number: v.number })}
            </option>
          ))}
      </select>
      <label htmlFor={`${id}-closes`}>{t('consultations.closesAt')}</label>
      <input
        id={`${id}-closes`}
        type="datetime-local"
        value={local}
        onChange={(e) => {
          setLocal(e.target.value);
          setProblem(null);
        }}
        aria-invalid={problem !== null}
        aria-describedby={`${id}-hint${shown ? ` ${id}-problem` : ''}`}
      />
      <p id={`${id}-hint`} className="muted small">
        {t('consultations.closesAtHint')}
      </p>
      <label htmlFor={`${id}-zone`}>{t('consultations.zone')}</label>
      <select id={`${id}-zone`} value={zone} onChange={(e) => setZone(e.target.value)}>
        <option value={NEW_YORK}>{t('silence.zoneNewYork')}</option>
        {own !== NEW_YORK && <option value={own}>{t('silence.zoneOwn', { zone: own })}</option>}
      </select>
      {shown && (
        <p id={`${id}-problem`} className="notice notice-error" role="alert">
          {shown}
        </p>
      )}
      <button type="submit" className="primary" disabled={loading}>
        {t('consultations.openButton')}
      </button>
    </form>
  );
}
