import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { RequestError } from '../collab/graphql-request';
import { i18n, type Lang } from '../i18n/i18n';

const KNOWN = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'DRAFT_LOCKED',
  'MARK_NOT_YOURS',
  'PARAGRAPH_LOCKED',
  'TOO_MANY_REQUESTS',
  'DATABASE_UNAVAILABLE',
  'PAYLOAD_TOO_LARGE',
  'READING_IN_PROGRESS',
  'NO_ACTIVE_READING',
  'NOTHING_TO_READ',
  'EXPORT_UNAVAILABLE',
  'UNSUPPORTED_FILE',
  'UNDER_SILENCE',
  'NO_SILENCE',
  'CONSULTATION_CLOSED',
  'CONSULTATION_OPEN',
];

/** The error's code as the server sent it, NETWORK when no answer came, OTHER when unknown. */
export function errorCode(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.code;
    return typeof code === 'string' && KNOWN.includes(code) ? code : 'OTHER';
  }
  if (error instanceof RequestError)
    return KNOWN.includes(error.code) || error.code === 'NETWORK' ? error.code : 'OTHER';
  if (ServerError.is(error) || (error instanceof TypeError && /fetch/i.test(error.message)))
    return 'NETWORK';
  return 'OTHER';
}

/**
 * What to tell the person. The server explains refusals precisely, in English: the English
 * interface shows that; the French one says what the code means in French.
 */
export function errorText(error: unknown, lang: Lang): string {
  const code = errorCode(error);
  const serverMessage = CombinedGraphQLErrors.is(error)
    ? error.errors[0]?.message
    : error instanceof RequestError && code !== 'NETWORK'
      ? error.message
      : undefined;
  if (lang === 'en' && serverMessage) return serverMessage;
  return i18n.getFixedT(lang)(`errors.${code}`);
}
