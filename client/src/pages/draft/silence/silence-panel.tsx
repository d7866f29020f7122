import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import type { SilenceFieldsFragment } from '../../../gql/graphql';
import { apiLang, type Lang, useT } from '../../../i18n/i18n';
import { formatDate } from '../../../ui/dates';
import { errorText } from '../../../ui/error-text';
import { formatInZone, NEW_YORK, ownTimeZone, zonedToUtc } from '../../../ui/time-zones';
import {
  BreakSilenceMutation,
  DraftSilenceQuery,
  StartSilenceMutation,
  WithdrawSilenceMutation,
} from './silence.graphql';
import './silence.css';

type T = ReturnType<typeof useT>['t'];

/** The draft's current (or last) silence procedure; one query shared by the page's parts. */
export function useDraftSilence(draftId: string): SilenceFieldsFragment | null {
  const { lang } = useT();
  const { data } = useQuery(DraftSilenceQuery, {
    variables: { id: draftId, lang: apiLang(lang) },
  });
  return data?.draft?.silence ?? null;
}

export interface SilenceAbilities {
  startSilence: boolean;
  breakSilence: boolean;
  withdrawSilence: boolean;
}

/** The deadline as the Council cites it (New York) and in the reader's own time. */
export function deadlineText(until: string, t: T, lang: Lang): string {
  const newYork = formatInZone(until, lang, NEW_YORK);
  const own = formatInZone(until, lang, ownTimeZone());
  // A reader in New York's time needs it once.
  return own === newYork
    ? t('silence.deadlineNewYork', { newYork })
    : t('silence.deadline', { newYork, own });
}

/** One line saying where the procedure stands. */
function stateText(s: SilenceFieldsFragment, t: T, lang: Lang): string {
  const until = formatInZone(s.until, lang, NEW_YORK);
  switch (s.state) {
    case 'UNDER_SILENCE':
      return t('silence.under', { until });
    case 'ADOPTED':
      return t('silence.adopted', { until });
    case 'BROKEN':
      return t('silence.broken', { date: formatDate(s.endedAt ?? s.until, lang, 'PPp') });
    default:
      return t('silence.withdrawn', { date: formatDate(s.endedAt ?? s.until, lang, 'PPp') });
  }
}

/**
 * The silence procedure beside the text: where it stands (deadline in New York time and the
 * reader's own), the statements breaking it (for all to read), and for those the server allows
 * (`Draft.can`), circulating the text with a deadline, breaking silence with a statement, or
 * withdrawing it. The page's status subscription brings every change here live.
 */
export function SilencePanel({ draftId, can }: { draftId: string; can: SilenceAbilities }) {
  const { t, lang } = useT();
  const silence = useDraftSilence(draftId);
  const under = silence?.state === 'UNDER_SILENCE';
  if (!silence && !can.startSilence) return null;
  return (
    <section className="silence-panel" aria-labelledby="silence-panel-title">
      <h2 id="silence-panel-title">{t('silence.title')}</h2>
      <div role="status">
        {silence && (
          <p className={`silence-state silence-${silence.state.toLowerCase().replace('_', '-')}`}>
            {stateText(silence, t, lang)}
          </p>
        )}
      </div>
      {silence && under && (
        <>
          <p className="small">{deadlineText(silence.until, t, lang)}</p>
          <p className="muted small">
            {t('silence.circulated', {
              name: silence.startedBy?.name ?? t('history.unknownPerson'),
              date: formatDate(silence.startedAt, lang, 'PPp'),
            })}
            {silence.version && ` ${t('silence.version', { number: silence.version.number })}`}
          </p>
        </>
      )}
      {silence && silence.breaks.length > 0 && (
        <>
          <h3>{t('silence.breaksTitle')}</h3>
          <ul className="silence-breaks">
            {silence.breaks.map((b) => (
              <li key={`${b.delegation?.id}:${b.at}`}>
                <p>
                  <strong>{b.delegation?.name ?? t('history.unknownPerson')}</strong>{' '}
                  <span className="muted small">
                    {t('silence.brokeAt', {
                      date: formatDate(b.at, lang, 'PPp'),
                      name: b.by?.name ?? t('history.unknownPerson'),
                    })}
                  </span>
                </p>
                <blockquote>{b.statement}</blockquote>
              </li>
            ))}
          </ul>
        </>
      )}
      {can.breakSilence && <BreakForm draftId={draftId} />}
      {can.withdrawSilence && <WithdrawButton draftId={draftId} />}
      {can.startSilence && <StartForm draftId={draftId} />}
    </section>
  );
}

/** A datetime-local value `minutes` from now, in a zone: the form's first suggestion. */
function suggestion(timeZone: string, days = 3): string {
  const at = new Date(Date.now() + days * 24 * 3_600_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  // Noon, as silence deadlines usually are.
  return `${parts.year}-${parts.month}-${parts.day}T12:00`;
}

function StartForm({ draftId }: { draftId: string }) {
  const { t, lang } = useT();
  const id = useId();
  const own = ownTimeZone();
  const [zone, setZone] = useState(NEW_YORK);
  const [local, setLocal] = useState(() => suggestion(NEW_YORK));
  const [problem, setProblem] = useState<string | null>(null);
  const [start, { loading, error }] = useMutation(StartSilenceMutation, {
    refetchQueries: ['DraftSilence'],
  });
  const until = zonedToUtc(local, zone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!until) return setProblem(t('silence.needDeadline'));
    if (until.getTime() <= Date.now()) return setProblem(t('silence.deadlinePast'));
    setProblem(null);
    void start({
      variables: { draftId, until: until.toISOString(), lang: apiLang(lang) },
    }).catch(() => undefined);
  };
  const shown = problem ?? (error ? errorText(error, lang) : null);
  return (
    <form className="silence-form" onSubmit={submit} noValidate>
      <h3>{t('silence.startTitle')}</h3>
      <p className="muted small">{t('silence.startHelp')}</p>
      <label htmlFor={`${id}-until`}>{t('silence.until')}</label>
      <input
        id={`${id}-until`}
        type="datetime-local"
        value={local}
        onChange={(e) => {
          setLocal(e.target.value);
          setProblem(null);
        }}
        aria-invalid={problem !== null}
        aria-describedby={`${id}-preview${shown ? ` ${id}-problem` : ''}`}
      />
      <label htmlFor={`${id}-zone`}>{t('silence.zone')}</label>
      <select
        id={`${id}-zone`}
        value={zone}
        onChange={(e) => {
          setZone(e.target.value);
          setProblem(null);
        }}
      >
        <option value={NEW_YORK}>{t('silence.zoneNewYork')}</option>
        {own !== NEW_YORK && <option value={own}>{t('silence.zoneOwn', { zone: own })}</option>}
      </select>
      <p id={`${id}-preview`} className="small">
        {until ? deadlineText(until.toISOString(), t, lang) : t('silence.needDeadline')}
      </p>
      {shown && (
        <p id={`${id}-problem`} className="notice notice-error" role="alert">
          {shown}
        </p>
      )}
      <button type="submit" className="primary" disabled={loading}>
        {t('silence.start')}
      </button>
    </form>
  );
}

function BreakForm({ draftId }: { draftId: string }) {
  const { t, lang } = useT();
  const id = useId();
  const [statement, setStatement] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [breakSilence, { loading, error }] = useMutation(BreakSilenceMutation, {
    refetchQueries: ['DraftSilence'],
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!statement.trim()) return setProblem(t('silence.needStatement'));
    setProblem(null);
    void breakSilence({ variables: { draftId, statement, lang: apiLang(lang) } })
      .then(() => setStatement(''))
      .catch(() => undefined);
  };
  const shown = problem ?? (error ? errorText(error, lang) : null);
  return (
    <form className="silence-form" onSubmit={submit} noValidate>
      <h3>{t('silence.breakTitle')}</h3>
      <label htmlFor={`${id}-statement`}>{t('silence.statement')}</label>
      <textarea
        id={`${id}-statement`}
        rows={4}
        value={statement}
        onChange={(e) => {
          setStatement(e.target.value);
          setProblem(null);
        }}
        aria-invalid={problem !== null}
        aria-describedby={shown ? `${id}-problem` : undefined}
      />
      {shown && (
        <p id={`${id}-problem`} className="notice notice-error" role="alert">
          {shown}
        </p>
      )}
      <button type="submit" className="primary" disabled={loading}>
        {t('silence.break')}
      </button>
    </form>
  );
}

function WithdrawButton({ draftId }: { draftId: string }) {
  const { t, lang } = useT();
  const [confirming, setConfirming] = useState(false);
  const [withdraw, { loading, error }] = useMutation(WithdrawSilenceMutation, {
    refetchQueries: ['DraftSilence'],
  });
  return (
    <div className="silence-withdraw">
      {error && (
        <p className="notice notice-error" role="alert">
          {errorText(error, lang)}
        </p>
      )}
      {confirming ? (
        <>
          <p>{t('silence.withdrawConfirmText')}</p>
          <button
            type="button"
            disabled={loading}
            onClick={() =>
              void withdraw({ variables: { draftId, lang: apiLang(lang) } })
                .then(() => setConfirming(false))
                .catch(() => undefined)
            }
          >
            {t('silence.withdrawConfirm')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('silence.cancel')}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t('silence.withdraw')}
        </button>
      )}
    </div>
  );
}

/**
 * Above the text while it is under silence: why nobody can edit it, and until when. A live
 * region, so that the start and the end are announced to those reading the draft.
 */
export function SilenceBanner({ draftId }: { draftId: string }) {
  const { t, lang } = useT();
  const silence = useDraftSilence(draftId);
  return (
    <div role="status">
      {silence?.state === 'UNDER_SILENCE' && (
        <p className="banner banner-silence">
          {t('silence.banner')} {deadlineText(silence.until, t, lang)}
        </p>
      )}
    </div>
  );
}
