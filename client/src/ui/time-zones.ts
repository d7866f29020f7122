import type { Lang } from '../i18n/i18n';

/** The Council's time: a silence deadline is set and cited in New York time. */
export const NEW_YORK = 'America/New_York';

const LOCALE: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR' };

/** The reader's own time zone, as the browser knows it ("Europe/Paris"). */
export function ownTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A moment in a time zone, with the zone's short name: "30 November 2026 at 12:00 EST". */
export function formatInZone(iso: string, lang: Lang, timeZone?: string): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** How far ahead of UTC the zone's wall clock is at `at` (ms). */
function offsetAt(at: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - Math.floor(at / 1000) * 1000;
}

/**
 * The moment a wall-clock time ("2026-11-30T12:00", as a datetime-local field gives it) names in
 * a time zone; null when it is not such a time. Around a change of the clocks the offset is taken
 * again at the first guess, which lands on the right side of it.
 */
export function zonedToUtc(local: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(wall)) return null;
  const first = wall - offsetAt(wall, timeZone);
  const at = wall - offsetAt(first, timeZone);
  return new Date(at);
}
