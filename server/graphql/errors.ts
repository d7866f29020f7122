// Errors live in core, free of GraphQL; resolvers keep importing them from here.
export {
  AppError,
  appError,
  badInput,
  draftLocked,
  ErrorCode,
  forbidden,
  notFound,
  unauthenticated,
} from '../core/errors';
