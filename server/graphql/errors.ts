// Errors live in core, free of GraphQL; resolvers keep importing them from here.
export { AppError, ErrorCode, appError, badInput, draftLocked, forbidden, notFound, unauthenticated } from '../core/errors';
