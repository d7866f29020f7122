import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import { badInput } from '../../core/errors';

/** Parses an id from outside; a malformed one is a BAD_USER_INPUT error naming the field. */
export function parseId(value: unknown, field = 'id'): Types.ObjectId {
  if (typeof value !== 'string' || !/^[0-9a-f]{24}$/i.test(value)) {
    throw badInput(`${field} must be a 24-character hexadecimal id.`, field);
  }
  return new Types.ObjectId(value);
}

/** A stable id for a seeded record, so seeding twice upserts the same documents. */
export function seedId(key: string): Types.ObjectId {
  return new Types.ObjectId(createHash('sha256').update(`pow19:${key}`).digest('hex').slice(0, 24));
}
