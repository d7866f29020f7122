import { format, formatDistanceStrict, formatDistanceToNowStrict } from 'date-fns';
import { enGB, fr } from 'date-fns/locale';
import type { Lang } from '../i18n/i18n';

const locales = { en: enGB, fr };

// One pattern for every month shown, so that French month names are written the same way
// (lower case, as French writes them) wherever they appear.
const MONTH_PATTERN = 'MMMM yyyy';

export function formatDate(iso: string, lang: Lang, pattern = 'PPP'): string {
  return format(new Date(iso), pattern, { locale: locales[lang] });
}

/** A month of the calendar (YYYY-MM), named in the interface language: "September 2020", "septembre 2020". */
export function formatMonth(month: string, lang: Lang): string {
  // Midday, so that no time zone moves the first of the month into the month before.
  return formatDate(`${month}-01T12:00:00Z`, lang, MONTH_PATTERN);
}

/** A meeting's date; only its month when the programme fixes no more than that. */
export function formatMeetingDate(
  m: { date: string; dateIsIndicative: boolean },
  lang: Lang,
  withWeekday = false,
): string {
  return formatDate(
    m.date,
    lang,
    m.dateIsIndicative ? MONTH_PATTERN : withWeekday ? 'EEEE PPP' : 'PPP',
  );
}

/** A day stored as midnight UTC (a deadline, the end of the programme), the same day in every time zone. */
export function formatDay(iso: string, lang: Lang): string {
  return formatDate(`${new Date(iso).toISOString().slice(0, 10)}T12:00:00Z`, lang);
}

/**
 * From one moment to another, the date once when both fall on the same day: "30 Nov 2026,
 * 04:40–04:52", "30 nov. 2026, 04:40–04:52", "30 Nov 2026, 23:51 – 1 Dec 2026, 00:03"; one
 * moment when both are the same minute.
 */
export function formatSpan(fromIso: string, toIso: string, lang: Lang): string {
  const from = formatDate(fromIso, lang, 'PPp');
  const to = formatDate(toIso, lang, 'PPp');
  if (to === from) return from;
  const sameDay = formatDate(fromIso, lang, 'PP') === formatDate(toIso, lang, 'PP');
  // An en dash between two times, spaced between two dates so that each reads as one.
  return sameDay ? `${from}–${formatDate(toIso, lang, 'p')}` : `${from} – ${to}`;
}

export function fromNow(iso: string, lang: Lang): string {
  return formatDistanceToNowStrict(new Date(iso), { addSuffix: true, locale: locales[lang] });
}

/** How far a deadline is, and whether it has passed. */
export function countdown(
  deadlineIso: string,
  now: Date,
  lang: Lang,
): { overdue: boolean; distance: string } {
  const deadline = new Date(deadlineIso);
  return {
    overdue: deadline.getTime() < now.getTime(),
    distance: formatDistanceStrict(deadline, now, { locale: locales[lang] }),
  };
}

export type DeadlineState =
  | { kind: 'due' | 'overdue'; distance: string }
  /** Passed, and so has the programme it belonged to: history, not something late. */
  | { kind: 'closed'; programmeEnd: string };

/**
 * What a draft's deadline means now: a countdown while it is ahead; once passed, how late it is
 * while the programme still runs, and only that it passed with the programme once that is over.
 */
export function deadlineState(
  deadlineIso: string,
  now: Date,
  lang: Lang,
  programmeEnd: string | null,
): DeadlineState {
  const { overdue, distance } = countdown(deadlineIso, now, lang);
  if (!overdue) return { kind: 'due', distance };
  if (
    programmeEnd &&
    endOfDay(programmeEnd) < now.getTime() &&
    new Date(deadlineIso).getTime() <= endOfDay(programmeEnd)
  ) {
    return { kind: 'closed', programmeEnd: formatDay(programmeEnd, lang) };
  }
  return { kind: 'overdue', distance };
}

// The programme ends on a day ("31 January 2021"): it runs until that day is over.
const endOfDay = (iso: string): number => new Date(iso).getTime() + 24 * 3600 * 1000;
