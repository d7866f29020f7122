import { ErrorCode } from './errors';

/** The HTTP status of each error code, for routes that answer with a status (not GraphQL's 200). */
const STATUS: Record<ErrorCode, number> = {
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.DraftLocked]: 423,
  [ErrorCode.MarkNotYours]: 403,
  [ErrorCode.ReadingInProgress]: 409,
  [ErrorCode.NoActiveReading]: 409,
  [ErrorCode.NothingToRead]: 409,
  [ErrorCode.ParagraphLocked]: 423,
  [ErrorCode.ExportUnavailable]: 503,
  [ErrorCode.UnsupportedFile]: 415,
  [ErrorCode.UnderSilence]: 423,
  [ErrorCode.NoSilence]: 409,
  [ErrorCode.ConsultationClosed]: 409,
  [ErrorCode.ConsultationOpen]: 409,
  [ErrorCode.QueryTooDeep]: 400,
  [ErrorCode.QueryTooComplex]: 400,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.TooManyRequests]: 429,
  [ErrorCode.DatabaseUnavailable]: 503,
  [ErrorCode.Internal]: 500,
};

export const httpStatus = (code: ErrorCode): number => STATUS[code];
