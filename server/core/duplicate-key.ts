import { MongoBulkWriteError, MongoServerError } from 'mongodb';

/** MongoDB's code for a write refused by a unique index: how races are decided here. */
export const DUPLICATE_KEY = 11000;

/** Whether a write failed only because a unique index already held its key (every row of a bulk write). */
export const isDuplicateKey = (err: unknown): boolean => {
  if (err instanceof MongoBulkWriteError) {
    const errors = Array.isArray(err.writeErrors) ? err.writeErrors : [err.writeErrors];
    return errors.every((e) => e.code === DUPLICATE_KEY);
  }
  return err instanceof MongoServerError && err.code === DUPLICATE_KEY;
};
