import type { Types } from 'mongoose';

export type Presented<T extends { _id: Types.ObjectId }> = T & { id: string };

/** Gives a stored record the `id` string GraphQL clients see. */
export function present<T extends { _id: Types.ObjectId }>(doc: T): Presented<T>;
export function present<T extends { _id: Types.ObjectId }>(doc: T | null): Presented<T> | null;
export function present<T extends { _id: Types.ObjectId }>(doc: T | null): Presented<T> | null {
  return doc ? Object.assign({}, doc, { id: doc._id.toHexString() }) : null;
}

export const presentAll = <T extends { _id: Types.ObjectId }>(docs: T[]): Presented<T>[] =>
  docs.map((d) => present(d));
