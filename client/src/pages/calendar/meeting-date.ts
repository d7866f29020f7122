import { format } from 'date-fns';

/** What can be wrong with a meeting's date and time as typed (keys of calendar.edit.*). */
export type DateProblem = 'dateMissing' | 'dateIncomplete' | 'dateOutOfRange' | 'timeMissing';

// The server refuses dates outside this century (a mistyped year); the form says so first.
const EARLIEST = '2000-01-01';
const LATEST = '2099-12-31';

/** A date input's value and whether the browser holds something it could not read as a date. */
export interface TypedDate {
  date: string;
  /** The input's validity.badInput: a day, month or year left out or impossible. */
  incomplete: boolean;
  time: string;
}

/**
 * The moment a person typed, in their own time zone (the one the calendar shows), as ISO; or
 * what is wrong with it. A native date input gives '' for a half-typed date, which `incomplete`
 * tells apart from nothing typed.
 */
export function meetingMoment(typed: TypedDate): { iso: string } | { problem: DateProblem } {
  if (typed.incomplete) return { problem: 'dateIncomplete' };
  if (!typed.date) return { problem: 'dateMissing' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(typed.date)) return { problem: 'dateIncomplete' };
  if (typed.date < EARLIEST || typed.date > LATEST) return { problem: 'dateOutOfRange' };
  if (!/^\d{2}:\d{2}$/.test(typed.time)) return { problem: 'timeMissing' };
  const moment = new Date(`${typed.date}T${typed.time}:00`);
  if (Number.isNaN(moment.getTime())) return { problem: 'dateIncomplete' };
  return { iso: moment.toISOString() };
}

/** A stored moment as the date and time inputs show it, in the reader's time zone. */
export function typedFrom(iso: string): { date: string; time: string } {
  const d = new Date(iso);
  return { date: format(d, 'yyyy-MM-dd'), time: format(d, 'HH:mm') };
}

/** The month a moment falls in, in the reader's time zone (YYYY-MM), as the calendar names it. */
export const monthOf = (iso: string): string => format(new Date(iso), 'yyyy-MM');
