import { Types } from 'mongoose';
import type { AuthUser } from '../../server/core/auth-user';
import { Role } from '../../server/modules/users/role';

/** Policy unit tests: people and groups in memory, no database. */
export const ROLES = Object.values(Role);
export const OWN_GROUP = new Types.ObjectId();
export const OTHER_GROUP = new Types.ObjectId();
export type GroupSide = 'own' | 'other';
export const SIDES: GroupSide[] = ['own', 'other'];

/** Someone with exactly one role, a member of OWN_GROUP only. */
export function personWith(role: Role): AuthUser {
  const _id = new Types.ObjectId();
  return {
    id: _id.toHexString(),
    _id,
    name: `A ${role.toLowerCase()}`,
    email: `${role.toLowerCase()}@example.test`,
    roles: [role],
    delegationId: null,
    workingGroupIds: [OWN_GROUP],
    sessionId: new Types.ObjectId(),
    sessionExpiresAt: new Date(Date.now() + 3_600_000),
  };
}

export const groupOf = (side: GroupSide) => (side === 'own' ? OWN_GROUP : OTHER_GROUP);

/**
 * Reads a table written as text: a header of column names, then one row per role and side
 * (`yes` / `-`), so that the expectations read like the README's "Who may do what".
 */
export function parseTable(text: string): Map<string, Record<string, boolean>> {
  const [header, ...rows] = text
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/));
  const columns = header.slice(2);
  const table = new Map<string, Record<string, boolean>>();
  for (const [role, side, ...cells] of rows) {
    if (cells.length !== columns.length)
      throw new Error(`row ${role} ${side}: ${cells.length} cells for ${columns.length} columns`);
    table.set(
      `${role} ${side}`,
      Object.fromEntries(columns.map((c, i) => [c, cells[i] === 'yes'])),
    );
  }
  return table;
}

/** `side` is `own` or `other`, or `any` for what belongs to no working group. */
export function expectedFor(
  table: Map<string, Record<string, boolean>>,
  role: Role,
  side: GroupSide | 'any',
): Record<string, boolean> {
  const row = table.get(`${role} ${side}`);
  if (!row) throw new Error(`the table has no row for ${role} ${side}`);
  return row;
}
