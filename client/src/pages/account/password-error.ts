import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { Lang } from '../../i18n/i18n';
import { i18n } from '../../i18n/i18n';
import { errorText } from '../../ui/error-text';

/** The server's `reason` for a refused password or link (its code says only BAD_USER_INPUT…). */
export function refusalReason(error: unknown): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const reason = error.errors[0]?.extensions?.reason;
  return typeof reason === 'string' ? reason : null;
}

const PASSWORD_REASONS = ['TOO_SHORT', 'COMMON_PASSWORD', 'WEAK_PASSWORD'];
const LINK_REASONS = ['LINK_INVALID', 'LINK_USED', 'LINK_EXPIRED'];

/** What to say of a refused password or link, in the reader's language. */
export function passwordErrorText(error: unknown, lang: Lang): string {
  const reason = refusalReason(error);
  const t = i18n.getFixedT(lang);
  if (reason && PASSWORD_REASONS.includes(reason)) {
    // In English the server's own words carry zxcvbn's hint; in French the reason says it.
    return lang === 'en' ? errorText(error, lang) : t(`passwordErrors.${reason}`);
  }
  if (reason && LINK_REASONS.includes(reason)) return t(`invitation.${reason}`);
  return errorText(error, lang);
}
