import { type FormEvent, useId, useRef, useState } from 'react';
import type { MeetingKind } from '../../gql/graphql';
import { useT } from '../../i18n/i18n';
import { errorText } from '../../ui/error-text';
import { type DateProblem, meetingMoment, typedFrom } from './meeting-date';

export interface MeetingDetails {
  titleEn: string;
  titleFr: string;
  kind: MeetingKind;
  /** ISO moment */
  date: string;
  dateIsIndicative: boolean;
}

const KINDS: MeetingKind[] = [
  'COMMITTEE',
  'WORKING_GROUP',
  'INFORMAL_EXPERTS',
  'OPEN_CONSULTATION',
  'RETREAT',
  'BRIEFING',
  'OUTREACH',
];

/**
 * A meeting's titles in both languages, its kind and its date and time (in the reader's own
 * zone, as the calendar shows them): to create one, or to change or reschedule one. The date is
 * checked as typed, with a message tied to its field; the server checks it again.
 */
export function MeetingForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: MeetingDetails;
  submitLabel: string;
  onSubmit: (details: MeetingDetails) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t, lang } = useT();
  const [titleEn, setTitleEn] = useState(initial.titleEn);
  const [titleFr, setTitleFr] = useState(initial.titleFr);
  const [kind, setKind] = useState(initial.kind);
  const start = typedFrom(initial.date);
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [indicative, setIndicative] = useState(initial.dateIsIndicative);
  const [problem, setProblem] = useState<DateProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const dateInput = useRef<HTMLInputElement>(null);
  const timeInput = useRef<HTMLInputElement>(null);
  const problemId = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const moment = meetingMoment({
      date,
      time,
      incomplete: dateInput.current?.validity.badInput ?? false,
    });
    if ('problem' in moment) {
      setProblem(moment.problem);
      (moment.problem === 'timeMissing' ? timeInput : dateInput).current?.focus();
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      await onSubmit({
        titleEn: titleEn.trim(),
        titleFr: titleFr.trim(),
        kind,
        date: moment.iso,
        dateIsIndicative: indicative,
      });
    } catch (err) {
      setFailure(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };
  const dateProblem = problem && problem !== 'timeMissing';

  return (
    <form className="details-form meeting-form" onSubmit={submit} noValidate>
      <label>
        {t('meetingEdit.titleEn')}
        <input
          lang="en"
          value={titleEn}
          required
          maxLength={300}
          onChange={(e) => setTitleEn(e.target.value)}
        />
      </label>
      <label>
        {t('meetingEdit.titleFr')}
        <input
          lang="fr"
          value={titleFr}
          required
          maxLength={300}
          onChange={(e) => setTitleFr(e.target.value)}
        />
      </label>
      <label>
        {t('meetingEdit.kind')}
        <select value={kind} onChange={(e) => setKind(e.target.value as MeetingKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`calendar.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="row date-row">
        <label>
          {t('meetingEdit.date')}
          <input
            ref={dateInput}
            type="date"
            value={date}
            min="2000-01-01"
            max="2099-12-31"
            aria-invalid={dateProblem ? true : undefined}
            aria-describedby={dateProblem ? problemId : undefined}
            onChange={(e) => {
              setDate(e.target.value);
              setProblem(null);
            }}
          />
        </label>
        <label>
          {t('meetingEdit.time')}
          <input
            ref={timeInput}
            type="time"
            value={time}
            aria-invalid={problem === 'timeMissing' ? true : undefined}
            aria-describedby={problem === 'timeMissing' ? problemId : undefined}
            onChange={(e) => {
              setTime(e.target.value);
              setProblem(null);
            }}
          />
        </label>
      </div>
      <p className="muted hint">
        {t('meetingEdit.zone', { zone: Intl.DateTimeFormat().resolvedOptions().timeZone })}
      </p>
      {problem && (
        <p id={problemId} className="notice notice-error field-error" role="alert">
          {t(`meetingEdit.${problem}`)}
        </p>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={indicative}
          onChange={(e) => setIndicative(e.target.checked)}
        />
        {t('meetingEdit.indicative')}
      </label>
      <div className="row">
        <button
          type="submit"
          className="primary"
          disabled={busy || !titleEn.trim() || !titleFr.trim()}
        >
          {submitLabel}
        </button>
        <button type="button" className="link" onClick={onCancel}>
          {t('meetingEdit.cancel')}
        </button>
      </div>
      {failure && (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      )}
    </form>
  );
}
