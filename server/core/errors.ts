/** Error codes clients can rely on; every refusal carries one. */
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  DraftLocked = 'DRAFT_LOCKED',
  MarkNotYours = 'MARK_NOT_YOURS',
  /** A reading of the draft is already under way (startReading). */
  ReadingInProgress = 'READING_IN_PROGRESS',
  /** No reading of the draft is under way (moveReading, recordReadingOutcome, endReading). */
  NoActiveReading = 'NO_ACTIVE_READING',
  /** The draft has no numbered paragraph to read. */
  NothingToRead = 'NOTHING_TO_READ',
  ParagraphLocked = 'PARAGRAPH_LOCKED',
  /** A document format cannot be produced on this server now (no PDF renderer). */
  ExportUnavailable = 'EXPORT_UNAVAILABLE',
  /** An uploaded file is not a Word document, or one it cannot safely read. */
  UnsupportedFile = 'UNSUPPORTED_FILE',
  /** The text is under the silence procedure: locked until the deadline, a break or a withdrawal. */
  UnderSilence = 'UNDER_SILENCE',
  /** No silence procedure is under way on the draft (breakSilence, withdrawSilence). */
  NoSilence = 'NO_SILENCE',
  /** The consultation is closed (by the Secretariat or its closing date): nothing more is taken. */
  ConsultationClosed = 'CONSULTATION_CLOSED',
  /** A consultation on that version of the draft is already open (openConsultation). */
  ConsultationOpen = 'CONSULTATION_OPEN',
  QueryTooDeep = 'QUERY_TOO_DEEP',
  QueryTooComplex = 'QUERY_TOO_COMPLEX',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  DatabaseUnavailable = 'DATABASE_UNAVAILABLE',
  Internal = 'INTERNAL_SERVER_ERROR',
}

export type ErrorDetails = Record<string, unknown>;

/**
 * A refusal the caller can act on, free of any transport: GraphQL (graphql/format-error.ts) and
 * HTTP (core/http-status.ts) each turn it into their own shape. `extensions` carries the code and
 * details under the name graphql-js reads them from, so a refusal thrown in a resolver keeps them.
 */
export class AppError extends Error {
  readonly extensions: { code: ErrorCode } & ErrorDetails;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.extensions = { code, ...details };
  }
}

export function appError(code: ErrorCode, message: string, extra: ErrorDetails = {}): AppError {
  return new AppError(code, message, extra);
}

export const unauthenticated = (message = 'Sign in first: this needs a valid session token.') =>
  appError(ErrorCode.Unauthenticated, message);

export const forbidden = (message = 'You are not allowed to do this.') =>
  appError(ErrorCode.Forbidden, message);

export const notFound = (what: string, id: string) =>
  appError(ErrorCode.NotFound, `${what} ${id} does not exist.`);

export const draftLocked = (
  message = 'This draft has been adopted: its text is final and can no longer be edited. The Chair or the Secretariat may reopen it.',
) => appError(ErrorCode.DraftLocked, message);

export const paragraphLocked = (
  message = 'This paragraph has been agreed: it can no longer be edited. The coordinator, the Chair or the Secretariat may reopen it.',
) => appError(ErrorCode.ParagraphLocked, message);

export const underSilence = (
  message = 'This draft is under the silence procedure: its text is locked until the deadline, unless a delegation breaks silence or the Chair withdraws it.',
) => appError(ErrorCode.UnderSilence, message);

export const badInput = (message: string, field?: string) =>
  appError(ErrorCode.BadUserInput, message, field ? { field } : {});

export const markNotYours = () =>
  appError(
    ErrorCode.MarkNotYours,
    "A proposal or a bracket can only be made in your own name: this edit carries one made in someone else's.",
  );
