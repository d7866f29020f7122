/** A month as the calendar's addresses write it: YYYY-MM. */
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isMonth = (s: string): boolean => MONTH.test(s);

/** The YYYY-MM of an instant, in UTC as the server gives meetings' months. */
export const monthOf = (iso: string | Date): string => new Date(iso).toISOString().slice(0, 7);

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Every month of the programme, from the month it starts to the month it ends, whether or not
 * it has meetings, and any month outside it that has some.
 */
export function programmeMonths(
  period: { start: string; end: string } | null,
  meetingMonths: readonly string[],
): string[] {
  const months = new Set(meetingMonths.filter(isMonth));
  if (period) {
    const last = monthOf(period.end);
    // Bounded, so that a period entered backwards or absurdly long cannot hang the page.
    for (let m = monthOf(period.start), n = 0; m <= last && n < 240; m = nextMonth(m), n += 1)
      months.add(m);
  }
  return [...months].sort();
}

export type MonthView =
  | { kind: 'month'; current: string; previous: string | null; next: string | null }
  /** Nothing to show: no programme and no meetings. */
  | { kind: 'none' }
  /** The address names no month of the programme; `fallback` is the one to offer instead. */
  | { kind: 'invalid'; requested: string; fallback: string };

/**
 * Where the requested month sits among the programme's months. With no month asked for, the
 * current month while the programme runs, otherwise its first month.
 */
export function monthNavigation(
  months: readonly string[],
  requested: string | undefined,
  today: Date,
): MonthView {
  if (months.length === 0) return { kind: 'none' };
  const fallback = months.includes(monthOf(today)) ? monthOf(today) : months[0];
  if (requested === undefined) return at(months, fallback);
  if (!months.includes(requested)) return { kind: 'invalid', requested, fallback };
  return at(months, requested);
}

function at(months: readonly string[], current: string): MonthView {
  const i = months.indexOf(current);
  return {
    kind: 'month',
    current,
    previous: i > 0 ? months[i - 1] : null,
    next: i < months.length - 1 ? months[i + 1] : null,
  };
}
