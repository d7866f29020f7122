import { format, formatDistanceStrict, formatDistanceToNowStrict } from 'date-fns';
import { enGB, fr } from 'date-fns/locale';
import type { Lang } from '../i18n/i18n';

const locales = { en: enGB, fr };

export function formatDate(iso: string, lang: Lang, pattern = 'PPP'): string {
  return format(new Date(iso), pattern, { locale: locales[lang] });
}

export function fromNow(iso: string, lang: Lang): string {
  return formatDistanceToNowStrict(new Date(iso), { addSuffix: true, locale: locales[lang] });
}

/** How far a deadline is, and whether it has passed. */
export function countdown(deadlineIso: string, now: Date, lang: Lang): { overdue: boolean; distance: string } {
  const deadline = new Date(deadlineIso);
  return { overdue: deadline.getTime() < now.getTime(), distance: formatDistanceStrict(deadline, now, { locale: locales[lang] }) };
}
