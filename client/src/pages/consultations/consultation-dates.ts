import type { Lang } from '../../i18n/i18n';
import { formatInZone, NEW_YORK, ownTimeZone } from '../../ui/time-zones';

type T = (key: string, options?: Record<string, unknown>) => string;

interface Dates {
  open: boolean;
  closesAt?: string | null;
  closedAt?: string | null;
}

/** When it closes, in New York time (the Committee's) and the reader's own when it differs. */
export function closingText(c: Dates, t: T, lang: Lang): string {
  if (!c.open && c.closedAt)
    return t('consultations.closedOn', { date: formatInZone(c.closedAt, lang, NEW_YORK) });
  if (!c.closesAt) return t('consultations.noDate');
  const date = formatInZone(c.closesAt, lang, NEW_YORK);
  const own = formatInZone(c.closesAt, lang, ownTimeZone());
  return own === date
    ? t('consultations.closes', { date })
    : t('consultations.closesOwn', { date, own });
}
